import Plot
import VanguardCore

/// The programme team's view of a call's selection: assignment, scores, the ranked list.
enum SelectionBoardPage {
    struct Row {
        let application: CallApplication
        let tasks: [Assessment]
        let totals: [AssessmentStage: Double?]
        let decision: SelectionDecision?

        var applicationTotal: Double? { totals[.application] ?? nil }
        var presentationTotal: Double? { totals[.presentation] ?? nil }
    }

    struct Model {
        let call: Call
        let rows: [Row]
        let assessorCount: Int
        let errors: [String: String]
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? "–"
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        // Ranked by the presentation score where there is one, then by the written score.
        let ranked = model.rows.sorted {
            ($0.presentationTotal ?? -1, $0.applicationTotal ?? -1) > ($1.presentationTotal ?? -1, $1.applicationTotal ?? -1)
        }
        let fields = [
            FormField(
                name: "per_application", label: "Assessors per application", value: "3",
                hint: "\(model.assessorCount) accounts hold the assessor role",
                error: model.errors["per_application"]),
            FormField(
                name: "stage", label: "Stage", kind: .select(AssessmentStage.allCases.map { ($0.rawValue, $0.name) }),
                value: AssessmentStage.application.rawValue),
        ]
        return Layout.document(
            title: "Selection: \(model.call.title)", context: context,
            breadcrumbs: [("Home", .home), ("Calls", .calls), (model.call.title, .call(model.call.id))],
            body: .group(
                .h1(.text("Selection: \(model.call.title)")),
                .p(.a(.safeHref(SiteURL.presentations(model.call.id).path), .text("Presentation timetable"))),
                .h2(.text("Ranked applications")),
                ranked.isEmpty
                    ? .p(.text("No application has been submitted yet."))
                    : .table(
                        .class("nhsuk-table vg-ranked"),
                        .thead(
                            .tr(
                                .th(.text("Rank")), .th(.text("Partnership")), .th(.text("Care model")), .th(.text("Status")),
                                .th(.text("Scored")), .th(.class("vg-number"), .text("Written")),
                                .th(.class("vg-number"), .text("Presentation")))),
                        .tbody(
                            .forEach(Array(ranked.enumerated())) { rank, row in
                                .tr(
                                    .td(.text("\(rank + 1)")),
                                    .td(
                                        .a(
                                            .safeHref(SiteURL.applicationAssessment(row.application.id).path),
                                            .text(ApplicationPage.title(of: row.application)))),
                                    .td(.unwrap(row.application.content.careModel) { Components.careModelTag($0) }),
                                    .td(.text(row.application.status.name)),
                                    .td(
                                        .text(
                                            AssessmentStage.allCases.compactMap { stage -> String? in
                                                let tasks = row.tasks.filter { $0.stage == stage }
                                                return tasks.isEmpty
                                                    ? nil
                                                    : "\(stage == .application ? "written" : "presentation") \(tasks.count { $0.isSubmitted })/\(tasks.count)"
                                            }.joined(separator: "; "))),
                                    .td(.class("vg-number"), .text(percent(row.applicationTotal))),
                                    .td(.class("vg-number"), .text(percent(row.presentationTotal)))
                                )
                            })
                    ),
                .p(
                    .class("nhsuk-body-s"),
                    .text(
                        "Totals are weighted percentages of the most an application could score, from independent scores, with agreed scores from moderation where set."
                    )),
                .h2(.text("Assign assessors")),
                .p(
                    .text(
                        "Shares the submitted applications (or, for presentations, the shortlist) among the assessors, balanced, never giving anyone an application they have declared a conflict with. Scores already submitted stay."
                    )),
                Forms.form(action: .assignAssessors(model.call.id), csrf: context.csrfToken, fields: fields, submit: "Assign automatically")
            )
        )
    }
}
