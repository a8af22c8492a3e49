import Foundation
import Plot
import VanguardCore

/// One call: what it asks, how it is judged, and the way in for applicants. The programme team
/// also sees every application to it.
enum CallPage {
    struct Model {
        let call: Call
        let now: Date
        /// Every application, for the programme team; empty for everyone else.
        let applications: [CallApplication]
        /// The signed-in person's own applications to this call.
        let mine: [CallApplication]
        let funnel: SelectionFunnel
        let fastFollowers: [String]
        /// Selected partnerships and their registry numbers.
        let selected: [(String, Int)]
        /// The published presentation timetable.
        let timetable: Timetable?
        let names: [String: String]
    }

    static func dates(of call: Call, now: Date) -> String {
        switch call.phase(at: now) {
        case .upcoming: "Opens \(CalendarText.dateTime(call.opensAt)); closes \(CalendarText.dateTime(call.closesAt))."
        case .open: "Open; closes \(CalendarText.dateTime(call.closesAt))."
        case .closed: "Closed \(CalendarText.dateTime(call.closesAt))."
        }
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let call = model.call
        let phase = call.phase(at: model.now)
        return Layout.document(
            title: call.title, context: context, breadcrumbs: [("Home", .home), ("Calls", .calls)],
            body: .group(
                .h1(.text(call.title)),
                .p(
                    .strong(.class("nhsuk-tag vg-phase vg-phase--\(phase.rawValue)"), .text(phase.rawValue.capitalized)), .text(" "),
                    .text(dates(of: call, now: model.now))),
                .if(
                    context.allows(.manageCalls),
                    .p(
                        .a(.safeHref(SiteURL.editCall(call.id).path), .text("Edit the call")), .text(" · "),
                        .a(.safeHref(SiteURL.selectionBoard(call.id).path), .text("Assessment and selection")), .text(" · "),
                        .a(.safeHref(SiteURL.presentations(call.id).path), .text("Presentation timetable"))
                    )),
                // Written in Markdown by the programme team; rendered through the same allowlist as posts (linear in length).
                .div(.class("vg-post__body"), .raw(SafeMarkdown.html(from: call.description).html)),
                Components.summaryList([
                    ("Care models", .group(.forEach(call.careModels) { .group(Components.careModelTag($0), .text(" \($0.name)"), .br()) })),
                    ("Opens", .text(CalendarText.dateTime(call.opensAt))),
                    ("Closes", .text(CalendarText.dateTime(call.closesAt))),
                ]),
                applyPanel(model, phase: phase, context: context),
                .h2(.text("What applicants answer")),
                .ol(
                    .forEach(call.questions) { question in
                        .li(
                            .text(question.prompt), .if(!question.isRequired, .text(" (optional)")),
                            .unwrap(question.wordLimit) { .span(.class("nhsuk-hint"), .text(" – up to \($0) words")) })
                    }),
                .h2(.text("How applications are assessed")),
                .p(
                    .text(
                        "Each application is scored independently by assessors with no conflict of interest, on every criterion below; the weighted total ranks the applications for the shortlist."
                    )),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(
                            .th(.text("Criterion")), .th(.text("What it looks for")), .th(.class("vg-number"), .text("Weight")),
                            .th(.class("vg-number"), .text("Scored out of")))),
                    .tbody(
                        .forEach(call.criteria) { criterion in
                            .tr(
                                .td(.text(criterion.name)), .td(.text(criterion.description)),
                                .td(.class("vg-number"), .text(ApplicationText.figure(criterion.weight))),
                                .td(.class("vg-number"), .text("\(criterion.scaleMaximum)")))
                        })
                ),
                .if(phase == .closed, funnel(model)),
                .unwrap(model.timetable) { timetable in
                    .group(.h2(.text("Presentation timetable")), PresentationsPage.table(timetable, names: model.names))
                },
                .if(context.allows(.manageCalls), applicationsTable(model.applications))
            )
        )
    }

    /// Applied → shortlisted → selected, by care model and by region, once the call has closed.
    static func funnel(_ model: Model) -> Node<HTML.BodyContext> {
        let funnel = model.funnel
        let stages = SelectionFunnel.Stage.allCases
        let regions = Set(stages.flatMap { funnel.byRegion[$0]?.keys.map { $0 } ?? [] }).sorted()
        return .group(
            .h2(.text("Selection funnel")),
            .table(
                .class("nhsuk-table vg-funnel"),
                .thead(.tr(.th(.text("")), .forEach(stages) { .th(.class("vg-number"), .text($0.name)) })),
                .tbody(
                    .tr(.th(.text("All")), .forEach(stages) { .td(.class("vg-number"), .text("\(funnel.totals[$0] ?? 0)")) }),
                    .forEach(model.call.careModels) { careModel in
                        .tr(
                            .th(Components.careModelTag(careModel)),
                            .forEach(stages) { .td(.class("vg-number"), .text("\(funnel.byCareModel[$0]?[careModel] ?? 0)")) })
                    },
                    .forEach(regions) { region in
                        .tr(
                            .th(.text(region)), .forEach(stages) { .td(.class("vg-number"), .text("\(funnel.byRegion[$0]?[region] ?? 0)")) }
                        )
                    }
                )
            ),
            .p(
                .class("nhsuk-body-s"),
                .text(
                    "Eligibility is checked when an application is submitted, so every submitted application is eligible. A footprint across regions counts in each."
                )),
            .if(
                !model.selected.isEmpty,
                .group(
                    .h3(.text("Selected")),
                    .ul(.forEach(model.selected) { name, number in .li(.a(.safeHref(SiteURL.vanguard(number).path), .text(name))) })
                )),
            .if(
                !model.fastFollowers.isEmpty,
                .group(
                    .h3(.text("Fast followers")),
                    .ul(.forEach(model.fastFollowers) { .li(.text($0)) })
                ))
        )
    }

    static func applyPanel(_ model: Model, phase: Call.Phase, context: PageContext) -> Node<HTML.BodyContext> {
        if !model.mine.isEmpty {
            return .div(
                .class("nhsuk-card vg-card"),
                .div(
                    .class("nhsuk-card__content"),
                    .h2(.class("nhsuk-card__heading"), .text("Your application")),
                    .ul(
                        .forEach(model.mine) { application in
                            .li(
                                .a(.safeHref(SiteURL.application(application.id).path), .text(ApplicationPage.title(of: application))),
                                .text(" – \(application.status.name)"))
                        })
                ))
        }
        guard phase == .open else { return .empty }
        guard context.signedInAs != nil else {
            return .p(
                .a(
                    .class("nhsuk-button"), .safeHref(SiteURL.signIn.path(query: ["next": SiteURL.call(model.call.id).path])),
                    .text("Sign in to apply")))
        }
        return .group(
            .p(
                .text(
                    "Starting an application makes you the lead of the applicant partnership. Your draft saves as you go; you submit it when it is complete."
                )),
            Forms.postButton(.startApplication(model.call.id), csrf: context.csrfToken, label: "Start an application", secondary: false)
        )
    }

    static func applicationsTable(_ applications: [CallApplication]) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Applications (\(applications.count))")),
            applications.isEmpty
                ? .p(.text("No application yet."))
                : .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Partnership")), .th(.text("Care model")), .th(.text("Status")), .th(.text("Submitted")))),
                    .tbody(
                        .forEach(applications) { application in
                            .tr(
                                .td(.a(.safeHref(SiteURL.application(application.id).path), .text(ApplicationPage.title(of: application)))),
                                .td(.unwrap(application.content.careModel) { Components.careModelTag($0) }),
                                .td(.text(application.status.name)),
                                .td(.text(application.submittedAt.map(CalendarText.dateTime) ?? "–"))
                            )
                        })
                )
        )
    }
}
