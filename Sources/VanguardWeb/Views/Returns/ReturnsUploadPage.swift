import Plot
import VanguardCore
import VanguardStore

/// The upload form and what became of an upload.
enum ReturnsUploadPage {
    enum State {
        case form, missingFile
        case accepted(String, SubmissionSummary)
        case rejected(String, ReturnsRejection)
    }

    static func document(_ state: State, context: PageContext) -> HTML {
        Layout.document(
            title: "Submit monthly returns", context: context,
            body: .group(
                .h1(.text("Submit monthly returns")),
                result(state),
                .p(
                    .text(
                        "A CSV file with the header area_code,metric_code,period,numerator,denominator: one row per area, metric and month (YYYY-MM). The whole file is checked before anything is written; a file with any bad row changes nothing. Sending a value again revises it and keeps the earlier version."
                    )),
                .if(
                    context.allows(.manageLookups),
                    .p(
                        .text(
                            "NHS England's provider-level A&E files are imported at the command line (vanguard import ae FILE) through the "
                        ),
                        .a(.safeHref(SiteURL.providerLookup.path), .text("provider to area lookup")), .text("."))),
                .form(
                    .action(SiteURL.uploadReturns.path), .method(.post), .enctype(.multipartData),
                    Forms.csrfField(context.csrfToken),
                    .div(
                        .class("nhsuk-form-group"),
                        .label(.class("nhsuk-label"), .for("file"), .text("Returns file (CSV)")),
                        .input(
                            .class("nhsuk-file-upload"), .id("file"), .name("file"), .type(.file),
                            .safeAttribute(named: "accept", value: ".csv,text/csv"))
                    ),
                    .button(.class("nhsuk-button"), .type(.submit), .text("Check and submit"))
                )
            )
        )
    }

    static func result(_ state: State) -> Node<HTML.BodyContext> {
        switch state {
        case .form:
            return .empty
        case .missingFile:
            return Forms.errorSummary([], general: "Choose a CSV file to upload.")
        case .accepted(let name, let summary):
            return .div(
                .class("nhsuk-inset-text"), .safeAttribute(named: "role", value: "status"),
                .p(
                    .text(
                        "\(name) was accepted: \(summary.rows) rows, \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged. The dashboards have been updated."
                    ))
            )
        case .rejected(let name, let rejection):
            return .div(
                .class("nhsuk-error-summary"), .safeAttribute(named: "role", value: "alert"),
                .h2(.class("nhsuk-error-summary__title"), .text("\(name) was not accepted; nothing was written")),
                .p(
                    .text(
                        "\(rejection.total) problem\(rejection.total == 1 ? "" : "s")\(rejection.total > rejection.problems.count ? ", the first \(rejection.problems.count) shown" : ""):"
                    )),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Row")), .th(.text("Column")), .th(.text("Value")), .th(.text("Problem")))),
                    .tbody(
                        .forEach(rejection.problems) { problem in
                            .tr(
                                .td(.text(problem.row == 0 ? "–" : "\(problem.row)")), .td(.text(problem.column ?? "–")),
                                .td(.text(problem.value ?? "–")), .td(.text(problem.reason)))
                        })
                )
            )
        }
    }
}
