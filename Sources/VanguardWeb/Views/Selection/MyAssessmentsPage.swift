import Plot
import VanguardCore

/// An assessor's page: what they have to score, and the conflicts of interest they have declared.
enum MyAssessmentsPage {
    struct Row {
        let assessment: Assessment
        let application: CallApplication
        let call: Call
    }

    struct Model {
        let rows: [Row]
        let conflicts: [ConflictOfInterest]
        let form: [String: String]
        let errors: [String: String]
        let status: String?
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let fields = [
            FormField(
                name: "kind", label: "Kind of interest",
                kind: .select([("organisation", "An organisation I work for or with"), ("area", "An area I serve (area code)")]),
                value: model.form["kind"] ?? "organisation", error: model.errors["kind"]),
            FormField(
                name: "value", label: "Organisation name or area code", value: model.form["value"] ?? "",
                hint:
                    "Any application naming this organisation or covering this area will never be given to you, and you are withdrawn from any you have.",
                error: model.errors["value"]),
        ]
        return Layout.document(
            title: "Your assessments", context: context, breadcrumbs: [("Home", .home), ("Calls", .calls)],
            body: .group(
                .h1(.text("Your assessments")),
                .unwrap(model.status) { Components.inset($0) },
                .unwrap(model.errors["assessment"]) { Components.warning("Not done", $0) },
                model.rows.isEmpty
                    ? .p(.text("Nothing is assigned to you yet."))
                    : .table(
                        .class("nhsuk-table"),
                        .thead(.tr(.th(.text("Partnership")), .th(.text("Call")), .th(.text("Stage")), .th(.text("Your scores")))),
                        .tbody(
                            .forEach(model.rows) { row in
                                .tr(
                                    .td(
                                        .a(
                                            .safeHref(SiteURL.assessment(row.assessment.id).path),
                                            .text(ApplicationPage.title(of: row.application)))),
                                    .td(.text(row.call.title)),
                                    .td(.text(row.assessment.stage.name)),
                                    .td(.text(row.assessment.isSubmitted ? "Submitted" : "To do"))
                                )
                            })
                    ),
                .h2(.text("Conflicts of interest")),
                model.conflicts.isEmpty
                    ? .p(.text("You have declared none."))
                    : .ul(
                        .forEach(model.conflicts) { conflict in
                            switch conflict {
                            case .organisation(let name): .li(.text("Organisation: \(name)"))
                            case .area(let code): .li(.text("Area: \(code)"))
                            }
                        }),
                .h3(.text("Declare a conflict")),
                Forms.form(action: .declareConflict, csrf: context.csrfToken, fields: fields, submit: "Declare")
            )
        )
    }
}
