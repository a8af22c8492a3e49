import Foundation
import Plot
import VanguardCore

/// One application: where it stands, and either the form (a draft, for its lead) or what was submitted.
enum ApplicationPage {
    struct Model {
        let application: CallApplication
        let call: Call
        /// The form's values as typed (or as stored).
        let values: [String: String]
        let errors: [String: String]
        let general: String?
        let canEdit: Bool
        let justSaved: Bool
        let areaNames: [String: String]
        let metricNames: [String: String]
        let decision: SelectionDecision?
        /// The partnership's presentation, once the timetable is published.
        let presentation: Timetable.Presentation?
        let isLead: Bool
    }

    static let stages: [(ApplicationStatus, String)] = [
        (.draft, "Draft"), (.submitted, "Submitted"), (.shortlisted, "Shortlisted"), (.selected, "Decision"),
    ]

    static func document(_ model: Model, context: PageContext) -> HTML {
        let application = model.application
        let title = title(of: application)
        return Layout.document(
            title: title, context: context, breadcrumbs: [("Home", .home), ("Calls", .calls), (model.call.title, .call(model.call.id))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Application to \(model.call.title)")),
                .h1(.text(title)),
                statusPanel(model),
                .unwrap(model.decision) { decisionPanel($0) },
                .unwrap(model.presentation) { slot in
                    Components.inset("Your presentation: \(slot.date), \(slot.start) to \(slot.end), to \(slot.panel).")
                },
                .if(
                    model.application.status == .shortlisted && model.isLead && model.presentation == nil,
                    unavailabilityForm(model, context: context)),
                .if(model.justSaved && model.errors.isEmpty, Components.inset("Draft saved.")),
                model.canEdit ? form(model, context: context) : summary(model)
            )
        )
    }

    static func statusPanel(_ model: Model) -> Node<HTML.BodyContext> {
        let status = model.application.status
        let reached: Int =
            switch status {
            case .draft: 0
            case .submitted: 1
            case .shortlisted: 2
            case .selected, .fastFollower, .notSelected: 3
            }
        return .div(
            .class("vg-status"), .id("status"),
            .p(.text("Status: "), .strong(.class("vg-status__current"), .text(status.name))),
            .ol(
                .class("vg-steps"),
                .forEach(Array(stages.enumerated())) { index, stage in
                    .li(
                        .class(index < reached ? "vg-steps__done" : index == reached ? "vg-steps__current" : "vg-steps__todo"),
                        .text(index == 3 && reached == 3 ? status.name : stage.1))
                }),
            .unwrap(model.application.submittedAt) { .p(.class("nhsuk-body-s"), .text("Submitted \(CalendarText.dateTime($0)).")) }
        )
    }

    static func decisionPanel(_ decision: SelectionDecision) -> Node<HTML.BodyContext> {
        .div(
            .class("nhsuk-card vg-card vg-decision"), .id("decision"),
            .div(
                .class("nhsuk-card__content"),
                .h2(.class("nhsuk-card__heading"), .text("Decision: \(decision.outcome.name)")),
                .unwrap(decision.waveName) { wave in
                    .p(.text("Selected into \(wave)"), .unwrap(decision.announcedOn) { .text(", announced \($0.longForm)") }, .text("."))
                },
                .unwrap(decision.vanguardNumber) { number in
                    .p(.a(.safeHref(SiteURL.vanguard(number).path), .text("The vanguard in the registry")))
                },
                .h3(.class("nhsuk-heading-s"), .text("Feedback")),
                .forEach(decision.feedback.components(separatedBy: "\n")) { .p(.text($0)) }
            )
        )
    }

    static func unavailabilityForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Your presentation")),
            .p(.text("You are shortlisted. Tell us when you cannot present, and the timetable will avoid those times.")),
            .form(
                .action(SiteURL.unavailability(model.application.id).path), .method(.post),
                Forms.csrfField(context.csrfToken),
                Forms.field(
                    Node<HTML.FormContext>.self,
                    field(
                        model, "unavailable", "Times you cannot present", kind: .textarea,
                        hint: "One per line: 2015-02-09 for the whole day, or 2015-02-09 09:30-12:30")),
                .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Save unavailable times"))
            )
        )
    }

    static func field(_ model: Model, _ name: String, _ label: String, kind: FormField.Kind = .text, hint: String? = nil) -> FormField {
        FormField(name: name, label: label, kind: kind, value: model.values[name] ?? "", hint: hint, error: model.errors[name])
    }

    static func fields(_ model: Model) -> [FormField] {
        let models = model.call.careModels.map { (value: $0.rawValue, label: "\($0.abbreviation) – \($0.name)") }
        var fields = [
            field(model, "partnership_name", "Name of the partnership"),
            field(model, "care_model", "Care model", kind: .select([(value: "", label: "Choose")] + models)),
            field(
                model, "areas", "Footprint: area codes",
                hint: "The areas you serve, separated by spaces, e.g. E38000208 E38000227 (see the map for codes)"),
            field(model, "population", "Population served", hint: "A whole number of people"),
            field(
                model, "partners", "Partner organisations", kind: .textarea,
                hint: "One per line: name | sector | ODS code. Sectors: "
                    + Sector.allCases.filter { $0 != .unclassified }.map(\.rawValue).joined(separator: ", ")),
        ]
        for question in model.call.questions {
            fields.append(
                field(
                    model, "answer_\(question.key)", question.prompt + (question.isRequired ? "" : " (optional)"), kind: .textarea,
                    hint: question.wordLimit.map { "Up to \($0) words" }))
        }
        fields.append(
            field(
                model, "commitments", "Metrics you will move", kind: .textarea,
                hint: "One per line: metric code | change in per cent, e.g. emergency_admissions | -3.5. Codes: "
                    + model.metricNames.keys.sorted().joined(separator: ", ")))
        return fields
    }

    static func form(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let all = fields(model)
        let money = [
            field(model, "sustainability", "Sustainability funding asked for (£)"),
            field(model, "transformation", "Transformation funding asked for (£)"),
        ]
        var summaryFields = all + money
        let general = model.errors.keys.filter { key in !(all + money).contains { $0.name == key } }.sorted()
        for key in general { summaryFields.append(FormField(name: key, label: key, error: model.errors[key])) }
        return .group(
            Forms.errorSummary(summaryFields, general: model.general),
            .form(
                .action(SiteURL.application(model.application.id).path), .method(.post),
                .safeAttribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(context.csrfToken),
                .forEach(all) { Forms.field(Node<HTML.FormContext>.self, $0) },
                .div(
                    .class(model.errors["funding"] == nil ? "vg-field-group" : "vg-field-group nhsuk-form-group--error"), .id("funding"),
                    .p(.class("nhsuk-label"), .strong(.text("Funding asked for"))),
                    .unwrap(model.errors["funding"]) { .span(.class("nhsuk-error-message"), .text($0)) },
                    .forEach(money) { Forms.field(Node<HTML.FormContext>.self, $0) }
                ),
                .div(
                    .class("vg-button-row"),
                    .button(
                        .class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .name("intent"),
                        .safeAttribute(named: "value", value: "save"), .text("Save draft")),
                    .text(" "),
                    .button(
                        .class("nhsuk-button"), .type(.submit), .name("intent"), .safeAttribute(named: "value", value: "submit"),
                        .text("Submit application"))
                )
            )
        )
    }

    static func summary(_ model: Model) -> Node<HTML.BodyContext> {
        let content = model.application.content
        return .group(
            Components.summaryList([
                ("Care model", .unwrap(content.careModel) { .group(Components.careModelTag($0), .text(" \($0.name)")) }),
                (
                    "Footprint",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.areaCodes) { code in
                            .li(.a(.safeHref(SiteURL.area(code).path), .text(model.areaNames[code] ?? code)), .text(" (\(code))"))
                        })
                ),
                ("Population served", .text(content.population.map { $0.formatted(grouping: true) } ?? "–")),
                (
                    "Partner organisations",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.partners) { partner in
                            .li(
                                .text(partner.name),
                                .span(
                                    .class("nhsuk-hint"), .text(" – \(partner.sector.name)" + (partner.odsCode.map { ", ODS \($0)" } ?? ""))
                                ))
                        })
                ),
                (
                    "Metrics it will move",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.commitments) { commitment in
                            .li(
                                .text(
                                    "\(model.metricNames[commitment.metricCode] ?? commitment.metricCode): \(commitment.changePercent > 0 ? "+" : "")\(ApplicationText.figure(commitment.changePercent))%"
                                ))
                        })
                ),
                ("Sustainability funding", .text(pounds(content.sustainabilityPounds))),
                ("Transformation funding", .text(pounds(content.transformationPounds))),
            ]),
            .h2(.text("Answers")),
            .forEach(model.call.questions) { question in
                .group(
                    .h3(.class("nhsuk-heading-s"), .text(question.prompt)),
                    .forEach((content.answers[question.key] ?? "No answer given.").components(separatedBy: "\n")) { .p(.text($0)) }
                )
            }
        )
    }

    /// The partnership's name, or a stand-in while the draft has none.
    static func title(of application: CallApplication) -> String {
        application.content.partnershipName.isEmpty ? "Untitled application" : application.content.partnershipName
    }

    static func pounds(_ value: Int?) -> String {
        value.map { "£" + $0.formatted(grouping: true) } ?? "–"
    }
}
