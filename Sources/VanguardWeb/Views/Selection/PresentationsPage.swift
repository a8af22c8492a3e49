import Foundation
import Plot
import VanguardCore
import VanguardStore

/// The presentation plan of a call and the timetable the solver makes from it.
enum PresentationsPage {
    struct Model {
        let call: Call
        let form: [String: String]
        let errors: [String: String]
        let unsolvable: TimetableUnsolvable?
        let timetable: Timetable?
        let publishedAt: Date?
        /// Partnership names by application id.
        let names: [String: String]
        let shortlisted: Int
        let assessors: [Account]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let fields = [
            FormField(
                name: "slot_minutes", label: "Presentation length (minutes)", value: model.form["slot_minutes"] ?? "",
                error: model.errors["slot_minutes"]),
            FormField(
                name: "changeover_minutes", label: "Changeover between presentations (minutes)",
                value: model.form["changeover_minutes"] ?? "", error: model.errors["changeover_minutes"]),
            FormField(
                name: "days", label: "Days and sessions", kind: .textarea, value: model.form["days"] ?? "",
                hint: "One day per line: 2015-02-09 09:30-12:30, 13:30-16:30", error: model.errors["days"]),
            FormField(
                name: "panels", label: "Panels", kind: .textarea, value: model.form["panels"] ?? "",
                hint: "One panel per line: its name, a colon, then its assessors' e-mail addresses. Assessors: "
                    + model.assessors.map { $0.email }.joined(separator: ", "),
                error: model.errors["panels"]),
        ]
        return Layout.document(
            title: "Presentations: \(model.call.title)", context: context,
            breadcrumbs: [
                ("Home", .home), ("Calls", .calls), (model.call.title, .call(model.call.id)), ("Selection", .selectionBoard(model.call.id)),
            ],
            body: .group(
                .h1(.text("Presentations: \(model.call.title)")),
                .p(
                    .text(
                        "\(model.shortlisted) shortlisted partnership\(model.shortlisted == 1 ? "" : "s"). The timetable gives each one slot with a panel on which no one has declared a conflict with it, avoids the times it cannot make, never puts an assessor in two places at once, and shares the work evenly between panels."
                    )),
                .unwrap(model.errors["plan"]) { Components.warning("Not done", $0) },
                .unwrap(model.unsolvable) { unsolvable in
                    .div(
                        .class("nhsuk-error-summary"), .id("unsolvable"),
                        .h2(.class("nhsuk-error-summary__title"), .text("No timetable exists")),
                        .p(.text(named(unsolvable.message, names: model.names))),
                        .if(
                            !unsolvable.applicants.isEmpty,
                            .p(
                                .text(
                                    "Partnerships concerned: "
                                        + unsolvable.applicants.map { model.names[$0] ?? $0 }.joined(separator: "; ") + "."))),
                        .p(.text("Constraint: "), .code(.text(unsolvable.constraint.rawValue))))
                },
                .unwrap(model.timetable) { timetable in timetableTable(timetable, model: model, context: context) },
                .if(
                    model.publishedAt == nil,
                    .group(
                        .h2(.text("Plan")),
                        Forms.form(
                            action: .presentations(model.call.id), csrf: context.csrfToken, fields: fields,
                            submit: "Save and make the timetable")
                    ))
            )
        )
    }

    /// The solver speaks of applicants by id; people know them by their partnership's name.
    static func named(_ message: String, names: [String: String]) -> String {
        names.reduce(message) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// The timetable as a table, partnerships by name; shared with the public call page.
    static func table(_ timetable: Timetable, names: [String: String]) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table vg-timetable"),
            .thead(.tr(.th(.text("Date")), .th(.text("Time")), .th(.text("Panel")), .th(.text("Partnership")))),
            .tbody(
                .forEach(timetable.slots) { slot in
                    .tr(
                        .td(.text(slot.date)), .td(.text("\(slot.start)–\(slot.end)")), .td(.text(slot.panel)),
                        .td(.text(names[slot.applicant] ?? "")))
                })
        )
    }

    static func timetableTable(_ timetable: Timetable, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(model.publishedAt == nil ? "Timetable (not yet published)" : "Published timetable")),
            table(timetable, names: model.names),
            .if(
                model.publishedAt == nil,
                Forms.postButton(
                    .publishPresentations(model.call.id), csrf: context.csrfToken, label: "Publish the timetable", secondary: false)),
            .unwrap(model.publishedAt) {
                .p(.text("Published \(CalendarText.dateTime($0)). Each panel member now has the presentations of their panel to score."))
            }
        )
    }
}
