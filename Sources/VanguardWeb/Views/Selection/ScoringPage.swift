import Plot
import VanguardCore

/// One assessment: the application as submitted and the score sheet. Others' scores appear only
/// after this assessor has submitted, so every score is made independently.
enum ScoringPage {
    struct Model {
        let assessment: Assessment
        let application: CallApplication
        let call: Call
        let others: [Assessment]
        let form: [String: String]
        let errors: [String: String]
        let areaNames: [String: String]
        let metricNames: [String: String]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let summary = ApplicationPage.Model(
            application: model.application, call: model.call, values: [:], errors: [:], general: nil, canEdit: false, justSaved: false,
            areaNames: model.areaNames, metricNames: model.metricNames, decision: nil, presentation: nil, isLead: false
        )
        return Layout.document(
            title: "Score \(ApplicationPage.title(of: model.application))", context: context,
            breadcrumbs: [("Home", .home), ("Your assessments", .assessments)],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("\(model.assessment.stage.name) – \(model.call.title)")),
                .h1(.text(ApplicationPage.title(of: model.application))),
                .unwrap(model.errors["assessment"]) { Components.warning("Your scores were not saved", $0) },
                model.assessment.sheet.map { sheet in submitted(sheet, model: model) } ?? sheetForm(model, context: context),
                .h2(.text("The application")),
                ApplicationPage.summary(summary)
            )
        )
    }

    static func sheetForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        var fields: [FormField] = []
        for (index, criterion) in model.call.criteria.enumerated() {
            fields.append(
                FormField(
                    name: "score_\(index)",
                    label: "\(criterion.name) (0 to \(criterion.scaleMaximum), weight \(ApplicationText.figure(criterion.weight)))",
                    kind: .select([("", "Choose")] + (0...criterion.scaleMaximum).map { ("\($0)", "\($0)") }),
                    value: model.form["score_\(index)"] ?? "", hint: criterion.description.isEmpty ? nil : criterion.description,
                    error: model.errors["score_\(index)"]))
            fields.append(
                FormField(
                    name: "comment_\(index)", label: "Comment on \(criterion.name)", kind: .textarea,
                    value: model.form["comment_\(index)"] ?? "",
                    error: model.errors["comment_\(index)"]))
        }
        return .group(
            .p(
                .text(
                    "Score each criterion on your own: you will see the other assessors' scores once yours are submitted, and yours cannot change after that."
                )),
            Forms.form(action: .assessment(model.assessment.id), csrf: context.csrfToken, fields: fields, submit: "Submit scores")
        )
    }

    static func submitted(_ sheet: AssessorScores, model: Model) -> Node<HTML.BodyContext> {
        let sheets = [sheet] + model.others.compactMap(\.sheet)
        let waiting = model.others.count { !$0.isSubmitted }
        return .group(
            Components.inset(
                "Your scores are submitted."
                    + (waiting > 0 ? " \(waiting) other assessor\(waiting == 1 ? " has" : "s have") still to score." : "")),
            .table(
                .class("nhsuk-table"),
                .thead(.tr(.th(.text("Criterion")), .forEach(sheets) { .th(.text($0.assessor)) })),
                .tbody(
                    .forEach(model.call.criteria) { criterion in
                        .tr(
                            .td(.text(criterion.name)),
                            .forEach(sheets) { sheet in
                                .td(
                                    .text(sheet.scores[criterion.name].map(String.init) ?? "–"),
                                    .unwrap(sheet.comments[criterion.name]) { .div(.class("nhsuk-body-s"), .text($0)) })
                            })
                    })
            )
        )
    }
}
