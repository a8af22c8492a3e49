import Plot
import VanguardCore
import VanguardStore

/// One application through assessment: its assessors, the spread of their scores, agreed
/// scores with reasons, the shortlist and the decision.
enum ApplicationAssessmentPage {
    struct Stage {
        let stage: AssessmentStage
        let tasks: [Assessment]
        let moderated: [ModeratedScore]
        let total: Double?
        let spread: [CriterionSpread]
    }

    struct Model {
        let application: CallApplication
        let call: Call
        let stages: [Stage]
        let assessors: [Account]
        let decision: SelectionDecision?
        /// How each partner would enter the registry if the partnership were selected.
        let partnerMatches: [PartnerMatch]
        let errors: [String: String]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let title = ApplicationPage.title(of: model.application)
        return Layout.document(
            title: "Assessment of \(title)", context: context,
            breadcrumbs: [
                ("Home", .home), ("Calls", .calls), (model.call.title, .call(model.call.id)), ("Selection", .selectionBoard(model.call.id)),
            ],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Assessment – \(model.call.title)")),
                .h1(.text(title)),
                .p(
                    .text("Status: "), .strong(.text(model.application.status.name)), .text(" · "),
                    .a(.safeHref(SiteURL.application(model.application.id).path), .text("Read the application"))),
                .if(
                    !model.errors.isEmpty,
                    Components.warning("Not done", model.errors.keys.sorted().map { model.errors[$0]! }.joined(separator: " "))),
                .forEach(model.stages) { stage(model, $0, context: context) },
                shortlist(model, context: context),
                decision(model, context: context)
            )
        )
    }

    static func stage(_ model: Model, _ stage: Stage, context: PageContext) -> Node<HTML.BodyContext> {
        let waiting = stage.tasks.count { !$0.isSubmitted }
        let agreed = Dictionary(stage.moderated.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        return .group(
            .h2(.text(stage.stage.name)),
            .p(.text("Weighted total: "), .strong(.text(SelectionBoardPage.percent(stage.total)))),
            .h3(.class("nhsuk-heading-s"), .text("Assessors")),
            stage.tasks.isEmpty
                ? .p(.text("None assigned."))
                : .ul(
                    .forEach(stage.tasks) { task in
                        .li(
                            .text("\(task.assessorName): \(task.isSubmitted ? "scores submitted" : "still to score")"),
                            .if(
                                !task.isSubmitted,
                                .form(
                                    .class("vg-inline-form"), .action(SiteURL.removeAssessor(model.application.id).path), .method(.post),
                                    Forms.csrfField(context.csrfToken),
                                    .input(.type(.hidden), .name("assessment"), .safeValue(task.id.uuidString)),
                                    .button(.class("nhsuk-button nhsuk-button--secondary vg-small-button"), .type(.submit), .text("Remove"))
                                )))
                    }),
            .form(
                .class("vg-inline-form"), .action(SiteURL.addAssessor(model.application.id).path), .method(.post),
                Forms.csrfField(context.csrfToken), .input(.type(.hidden), .name("stage"), .safeValue(stage.stage.rawValue)),
                .label(.class("nhsuk-label"), .for("assessor-\(stage.stage.rawValue)"), .text("Add an assessor")),
                .select(
                    .class("nhsuk-select"), .id("assessor-\(stage.stage.rawValue)"), .safeAttribute(named: "name", value: "assessor"),
                    .forEach(model.assessors) { .choice($0.id.uuidString, selected: false, label: $0.displayName) }),
                .button(.class("nhsuk-button nhsuk-button--secondary vg-small-button"), .type(.submit), .text("Add"))
            ),
            .h3(.class("nhsuk-heading-s"), .text("Scores and moderation")),
            .if(
                waiting > 0,
                Components.inset("Moderation opens when every assessor has submitted: \(waiting) of \(stage.tasks.count) still to score.")),
            .table(
                .class("nhsuk-table vg-moderation"),
                .thead(
                    .tr(
                        .th(.text("Criterion")), .th(.text("Scores")), .th(.class("vg-number"), .text("Mean")),
                        .th(.class("vg-number"), .text("Range")),
                        .th(.text("Agreed")), .th(.text("Moderate")))),
                .tbody(
                    .forEach(Array(zip(model.call.criteria, stage.spread))) { criterion, spread in
                        row(
                            model, stage, criterion: criterion, spread: spread, agreed: agreed[criterion.name],
                            canModerate: waiting == 0 && !stage.tasks.isEmpty, context: context)
                    })
            )
        )
    }

    static func row(
        _ model: Model, _ stage: Stage, criterion: AssessmentCriterion, spread: CriterionSpread, agreed: ModeratedScore?, canModerate: Bool,
        context: PageContext
    ) -> Node<HTML.TableContext> {
        let scores: [Int] = Array(0...criterion.scaleMaximum)
        let form: Node<HTML.BodyContext> = .form(
            .class("vg-moderate-form"), .action(SiteURL.moderate(model.application.id).path), .method(.post),
            Forms.csrfField(context.csrfToken),
            .input(.type(.hidden), .name("stage"), .safeValue(stage.stage.rawValue)),
            .input(.type(.hidden), .name("criterion"), .safeValue(criterion.name)),
            .select(
                .class("nhsuk-select"), .safeAttribute(named: "name", value: "score"),
                .safeAttribute(named: "aria-label", value: "Agreed score for \(criterion.name)"),
                .forEach(scores) { .choice("\($0)", selected: $0 == agreed?.score, label: "\($0)") }),
            // A visible label: hint text inside the box would vanish as one types.
            .label(
                .class("nhsuk-label"), .for("reason-\(stage.stage.rawValue)-\(Organisation.slug(for: criterion.name))"), .text("Reason")),
            .input(
                .class("nhsuk-input"), .type(.text), .id("reason-\(stage.stage.rawValue)-\(Organisation.slug(for: criterion.name))"),
                .name("reason"),
                .safeAttribute(named: "aria-label", value: "Reason for the agreed score for \(criterion.name)")),
            .button(.class("nhsuk-button nhsuk-button--secondary vg-small-button"), .type(.submit), .text("Agree"))
        )
        let mean = spread.scores.isEmpty ? "–" : String(format: "%.1f", spread.mean)
        let range = spread.scores.isEmpty ? "–" : "\(spread.range)"
        return .tr(
            .class(spread.needsDiscussion ? "vg-disagreement" : ""),
            .td(
                .text(criterion.name),
                .if(spread.needsDiscussion, .group(.br(), .strong(.class("nhsuk-tag vg-flag"), .text("Large disagreement"))))),
            .td(.text(spread.scores.map(String.init).joined(separator: ", "))),
            .td(.class("vg-number"), .text(mean)),
            .td(.class("vg-number"), .text(range)),
            .td(.unwrap(agreed) { .group(.strong(.text("\($0.score)")), .text(" – \($0.reason)")) }),
            .td(.if(canModerate, form))
        )
    }

    static func shortlist(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        switch model.application.status {
        case .submitted:
            .group(
                .h2(.text("Shortlist")),
                postForm(
                    .shortlist(model.application.id), fields: [("shortlisted", "yes")], label: "Add to the shortlist", context: context))
        case .shortlisted:
            .group(
                .h2(.text("Shortlist")), .p(.text("On the shortlist.")),
                postForm(
                    .shortlist(model.application.id), fields: [("shortlisted", "no")], label: "Take off the shortlist", context: context))
        default: .empty
        }
    }

    static func postForm(_ action: SiteURL, fields: [(String, String)], label: String, context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .action(action.path), .method(.post), Forms.csrfField(context.csrfToken),
            .forEach(fields) { .input(.type(.hidden), .name($0.0), .safeValue($0.1)) },
            .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text(label))
        )
    }

    static func decision(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        if let decision = model.decision { return .group(.h2(.text("Decision")), ApplicationPage.decisionPanel(decision)) }
        guard model.application.status == .submitted || model.application.status == .shortlisted else { return .empty }
        let outcomes = model.application.status == .shortlisted ? SelectionOutcome.allCases : [.notSelected]
        let fields = [
            FormField(name: "outcome", label: "Outcome", kind: .select(outcomes.map { ($0.rawValue, $0.name) }), value: ""),
            FormField(name: "wave", label: "Wave (for a selection)", hint: "For example: Wave 4"),
            FormField(name: "announced_on", label: "Announcement date (for a selection)", hint: "YYYY-MM-DD"),
            FormField(
                name: "feedback", label: "Feedback for the applicants", kind: .textarea, hint: "The applicants read this with the decision."
            ),
        ]
        return .group(
            .h2(.text("Decision")),
            .p(.text("Selecting creates the vanguard in the registry from this application: its care model, footprint and partners.")),
            .table(
                .class("nhsuk-table vg-partner-matches"),
                .caption(.class("nhsuk-table__caption"), .text("The partners as the registry will record them")),
                .thead(.tr(.th(.text("Partner as written")), .th(.text("ODS code")), .th(.text("In the directory")))),
                .tbody(
                    .forEach(model.partnerMatches) { match in
                        .tr(.td(.text(match.proposed.name)), .td(.text(match.proposed.odsCode ?? "–")), .td(.text(match.explanation)))
                    })
            ),
            Forms.form(action: .decide(model.application.id), csrf: context.csrfToken, fields: fields, submit: "Record the decision")
        )
    }
}
