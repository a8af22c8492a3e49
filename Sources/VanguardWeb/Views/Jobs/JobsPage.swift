import Foundation
import Plot
import VanguardCore

/// The job queue as operators see it: what waits, what runs where, what failed and why, with a
/// button to send a failed job round again.
enum JobsPage {
    struct Model {
        let jobs: [Job]
        let waiting: Int
        let oldestDue: Date?
        var notice: String?
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let failed = model.jobs.filter { $0.state == .failed }
        return Layout.document(
            title: "Background jobs", context: context,
            body: .group(
                .h1(.text("Background jobs")),
                .unwrap(model.notice) { .div(.class("nhsuk-inset-text"), .safeAttribute(named: "role", value: "status"), .p(.text($0))) },
                .p(
                    .text(
                        "Impact refits and recomputes run here, claimed by one worker in whichever server is free; a job whose worker stops is taken up again when its lease runs out. \(model.waiting) waiting"
                            + (model.oldestDue.map { "; the oldest due since \(DateText.short($0))." } ?? "."))),
                .if(
                    !failed.isEmpty,
                    .div(
                        .class("nhsuk-error-summary"), .safeAttribute(named: "role", value: "alert"),
                        .h2(.class("nhsuk-error-summary__title"), .text("\(failed.count) failed after every try")))),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(
                            .th(.text("Job")), .th(.text("State")), .th(.text("Tries")), .th(.text("Runs at")), .th(.text("Last error")),
                            .th(.text("")))),
                    .tbody(
                        .forEach(model.jobs) { job in
                            .tr(
                                .td(.text("\(job.kind.name) (\(job.key))")),
                                .td(.text(job.state == .running ? "running on \(job.worker ?? "?")" : job.state.rawValue)),
                                .td(.text("\(job.attempts)")),
                                .td(.text(DateText.short(job.runAt))),
                                .td(.text(job.lastError ?? "–")),
                                .td(
                                    .if(
                                        job.state == .failed,
                                        .form(
                                            .action(SiteURL.retryJob(job.id).path), .method(.post),
                                            Forms.csrfField(context.csrfToken),
                                            .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Retry")))))
                            )
                        })
                )
            )
        )
    }
}
