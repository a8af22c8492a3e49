import Foundation
import Plot
import VanguardCore

/// A place's funding plan: its sign-off, its versions and what changed, the money in tranches
/// with each condition's evidence, the ledger, and spend against profile.
enum FundingPlanPage {
    struct Model {
        let plan: FundingPlan
        let round: FundingRound
        let placeName: String
        let organisations: [String: String]
        let metrics: [Metric]
        let tranches: [Tranche]
        let checks: [UUID: [(isMet: Bool, evidence: String, at: Date, by: String)]]
        /// Each conditional tranche's condition checked against today's evaluations.
        let preview: [UUID: ConditionCheck]
        /// The place's evaluations by metric, for the evidence charts.
        let charts: [String: MetricEvaluation]
        let ledger: [LedgerEntry]
        let spend: [SpendReturn]
        let canEdit: Bool
        /// Partner organisations this person signs for.
        let signable: [String]
        let today: CalendarDate
        let leftInPot: Int
        let form: [String: String]
        let errors: [String: String]
        let status: String?

        func name(_ slug: String) -> String { organisations[slug] ?? slug }
        func metricName(_ code: String) -> String { metrics.first { $0.code == code }?.name ?? code }
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let plan = model.plan
        return Layout.document(
            title: "Funding plan: \(model.placeName)", context: context,
            breadcrumbs: [("Home", .home), ("Funding", .funding), (model.round.name, .fundingRound(model.round.id))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Funding plan – \(model.round.name)")),
                .h1(.text(plan.current.content.title.isEmpty ? model.placeName : plan.current.content.title)),
                .p(
                    .text("Version \(plan.current.number). "),
                    plan.isEligible
                        ? .strong(.class("nhsuk-tag vg-eligible"), .text("Eligible: every partner has signed"))
                        : .strong(
                            .class("nhsuk-tag vg-not-eligible"),
                            .text(
                                plan.unconfirmedPartners.isEmpty
                                    ? "Not eligible until every partner signs this version"
                                    : "Not eligible until the programme team confirms every partner and every partner signs this version"))),
                .if(
                    !model.errors.isEmpty,
                    Components.warning("Not done", model.errors.keys.sorted().map { model.errors[$0]! }.joined(separator: " "))),
                signOff(model, context: context),
                confirmation(model, context: context),
                summary(model),
                versions(model),
                money(model, context: context),
                spend(model, context: context),
                .if(model.canEdit && model.tranches.isEmpty, editForm(model, context: context))
            )
        )
    }

    static func signOff(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let plan = model.plan
        let current = plan.signatures.filter { $0.version == plan.current.number }
        let earlier = plan.signatures.filter { $0.version < plan.current.number }
        return .group(
            .h2(.text("Sign-off")),
            // Plot's `.if` builds its node whatever the condition, so the earlier version is looked up here.
            !earlier.isEmpty && plan.versions.count > 1
                ? Components.inset(
                    "Version \(plan.current.number) changed \(plan.current.content.changes(from: plan.versions[plan.versions.count - 2].content).joined(separator: ", ")) "
                        + "since version \(plan.current.number - 1); \(earlier.count) earlier signature\(earlier.count == 1 ? "" : "s") no longer count, and every partner signs again."
                ) : .empty,
            plan.current.content.partners.isEmpty
                ? .p(.text("No partner organisations named yet."))
                : .table(
                    .class("nhsuk-table vg-signoff"),
                    .thead(.tr(.th(.text("Partner organisation")), .th(.text("Signed version \(plan.current.number)")), .th(.text("")))),
                    .tbody(
                        .forEach(plan.current.content.partners) { slug in
                            let signature = current.first { $0.organisationSlug == slug }
                            return .tr(
                                .td(
                                    .text(model.name(slug)),
                                    .if(
                                        !plan.confirmedPartners.contains(slug),
                                        .span(
                                            .class("nhsuk-body-s vg-block"),
                                            .text("Not yet confirmed as a partner of the place by the programme team")))),
                                .td(
                                    .text(
                                        signature.map { "Signed by \($0.signatoryName), \(CalendarText.dateTime($0.signedAt))" }
                                            ?? "Not signed")),
                                .td(
                                    .if(
                                        signature == nil && model.signable.contains(slug),
                                        .form(
                                            .class("vg-inline-form"), .action(SiteURL.signFundingPlan(plan.id).path), .method(.post),
                                            Forms.csrfField(context.csrfToken),
                                            .input(.type(.hidden), .name("organisation"), .safeValue(slug)),
                                            .input(.type(.hidden), .name("version"), .safeValue("\(plan.current.number)")),
                                            .button(
                                                .class("nhsuk-button vg-small-button"), .type(.submit),
                                                .text("Sign version \(plan.current.number) for \(model.name(slug))"))
                                        )))
                            )
                        })
                )
        )
    }

    /// Partners the registry does not know as the place's count only once the programme team says so.
    static func confirmation(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let unconfirmed = model.plan.unconfirmedPartners
        guard !unconfirmed.isEmpty else { return .empty }
        let names = unconfirmed.map(model.name).joined(separator: ", ")
        return .group(
            Components.inset(
                "Not in the registry as partners of this place: \(names). The programme team confirms them before the plan can be eligible."
            ),
            .if(
                context.allows(.manageFunding),
                .form(
                    .action(SiteURL.confirmPlanPartners(model.plan.id).path), .method(.post), Forms.csrfField(context.csrfToken),
                    .button(
                        .class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Confirm \(names) as partners of the place"))
                ))
        )
    }

    static func summary(_ model: Model) -> Node<HTML.BodyContext> {
        let content = model.plan.current.content
        return .group(
            .h2(.text("The plan")),
            Components.summaryList([
                ("Objectives", .group(.forEach(content.objectives.components(separatedBy: "\n")) { .p(.text($0)) })),
                (
                    "Metrics it commits to",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.commitments) { commitment in
                            .li(
                                .text(
                                    "\(model.metricName(commitment.metricCode)): \(commitment.changePercent > 0 ? "+" : "")\(ApplicationText.figure(commitment.changePercent))%"
                                ))
                        })
                ),
                (
                    "Asked for",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.years) { year in
                            .li(
                                .text(
                                    "\(FinancialQuarter(year: year.year, quarter: 1).map { String($0.description.prefix(7)) } ?? "\(year.year)"): "
                                        + "\(Pounds.text(year.sustainabilityPounds)) sustainability, \(Pounds.text(year.transformationPounds)) transformation"
                                ))
                        })
                ),
                (
                    "Spend profile",
                    .ul(.class("nhsuk-list"), .forEach(content.spendProfile) { .li(.text("\($0.quarter): \(Pounds.text($0.pounds))")) })
                ),
            ])
        )
    }

    static func versions(_ model: Model) -> Node<HTML.BodyContext> {
        let versions = model.plan.versions
        return .group(
            .h2(.text("History")),
            .ol(
                .class("vg-history"),
                .forEach(Array(versions.enumerated())) { index, version in
                    .li(
                        .text("Version \(version.number), \(CalendarText.dateTime(version.createdAt)) by \(version.createdBy)"),
                        index > 0
                            ? .text(": changed " + version.content.changes(from: versions[index - 1].content).joined(separator: ", "))
                            : .empty,
                        .ul(
                            .forEach(model.plan.signatures.filter { $0.version == version.number }) { signature in
                                .li(
                                    .text(
                                        "Signed for \(model.name(signature.organisationSlug)) by \(signature.signatoryName), \(CalendarText.dateTime(signature.signedAt))"
                                    ))
                            }))
                }),
            .if(
                !model.ledger.isEmpty,
                .group(
                    .h3(.text("Money")),
                    .table(
                        .class("nhsuk-table vg-ledger"),
                        .thead(
                            .tr(
                                .th(.text("When")), .th(.text("Entry")), .th(.class("vg-number"), .text("Amount")), .th(.text("Why")),
                                .th(.text("By")))),
                        .tbody(
                            .forEach(model.ledger) { entry in
                                .tr(
                                    .td(.text(CalendarText.dateTime(entry.at))), .td(.text(entry.kind.rawValue.capitalized)),
                                    .td(.class("vg-number"), .text(Pounds.text(entry.pounds))), .td(.text(entry.reason)),
                                    .td(.text(entry.by)))
                            })
                    )
                ))
        )
    }

    static func money(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let manage = context.allows(.manageFunding)
        return .group(
            .h2(.text("Allocation and tranches")),
            model.tranches.isEmpty
                ? .group(
                    .p(
                        .text(
                            model.plan.isEligible
                                ? "Nothing allocated yet." : "Money can be allocated once every partner has signed the current version.")),
                    .if(manage && model.plan.isEligible, allocationForm(model, context: context))
                )
                : .group(.forEach(model.tranches) { tranche(model, $0, manage: manage, context: context) }),
            .if(manage, reversals(model, context: context))
        )
    }

    static func tranche(_ model: Model, _ tranche: Tranche, manage: Bool, context: PageContext) -> Node<HTML.BodyContext> {
        let history = model.checks[tranche.id] ?? []
        return .div(
            .class("nhsuk-card vg-card vg-tranche vg-tranche--\(tranche.status.rawValue)"),
            .div(
                .class("nhsuk-card__content"),
                .h3(
                    .class("nhsuk-card__heading"),
                    .text("\(tranche.quarter): \(Pounds.text(tranche.pounds)) – \(tranche.status == .released ? "released" : "held")")),
                .unwrap(tranche.condition) { condition in
                    .group(
                        .p(.strong(.text("Condition: ")), .text(condition.sentence(metricName: model.metricName(condition.metric)) + ".")),
                        .unwrap(model.preview[tranche.id]) { .p(.class("vg-evidence"), .text("Today's evidence: \($0.evidence)")) },
                        .unwrap(model.charts[condition.metric]) { evaluation in
                            .div(
                                .class("vg-spc-wrap"),
                                .raw(
                                    SPCChartSVG.svg(
                                        evaluation: evaluation, title: "\(model.metricName(condition.metric)), monthly, with process limits"
                                    )))
                        },
                        .if(
                            !history.isEmpty,
                            .ul(
                                .class("nhsuk-body-s"),
                                .forEach(history) { check in
                                    .li(.text("Checked \(CalendarText.dateTime(check.at)) by \(check.by): \(check.evidence)"))
                                }))
                    )
                },
                .if(tranche.condition == nil, .p(.text("No condition."))),
                .if(
                    manage && tranche.status == .held,
                    .form(
                        .action(SiteURL.releaseTranche(model.plan.id).path), .method(.post),
                        Forms.csrfField(context.csrfToken),
                        .input(.type(.hidden), .name("tranche"), .safeValue(tranche.id.uuidString)),
                        .if(
                            tranche.condition != nil,
                            .group(
                                .label(
                                    .class("nhsuk-label"), .for("override-\(tranche.id.uuidString)"),
                                    .text("To release although the condition is not met, give the reason (recorded)")),
                                .input(.class("nhsuk-input"), .type(.text), .id("override-\(tranche.id.uuidString)"), .name("override"))
                            )),
                        .button(
                            .class("nhsuk-button vg-small-button"), .type(.submit),
                            .text(tranche.condition == nil ? "Release" : "Check the condition and release"))
                    ))
            )
        )
    }

    static func allocationForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let metricChoices = model.metrics.map { (value: $0.code, label: $0.name) }
        let conditionChoices = [
            (value: "none", label: "No condition"),
            (value: "growth", label: "Growth against 2014/15 at least N points below the rest of England"),
            (value: "not_concern", label: "Latest SPC point not special cause of concern"),
        ]
        return .group(
            .h3(.text("Allocate")),
            .p(
                .text(
                    "Up to four tranches, each for a quarter. A condition is checked against the evaluated returns when the tranche is released."
                )),
            .p(
                .strong(.text("Left in the pot: \(Pounds.text(model.leftInPot))")),
                .text(
                    " of \(Pounds.text(model.round.potPounds)); the plan asks for \(Pounds.text(model.plan.current.content.totalPounds)).")),
            .form(
                .action(SiteURL.allocateFunding(model.plan.id).path), .method(.post),
                .safeAttribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(context.csrfToken),
                .forEach(Array(FundingPlanController.trancheRows)) { row in
                    .div(
                        .class("vg-tranche-row"),
                        Forms.field(
                            Node<HTML.FormContext>.self,
                            FormField(
                                name: "quarter_\(row)", label: "Tranche \(row + 1): quarter", value: model.form["quarter_\(row)"] ?? "",
                                hint: "e.g. 2017/18 Q3")),
                        Forms.field(
                            Node<HTML.FormContext>.self,
                            FormField(name: "pounds_\(row)", label: "Amount (£)", value: model.form["pounds_\(row)"] ?? "")),
                        Forms.field(
                            Node<HTML.FormContext>.self,
                            FormField(
                                name: "condition_\(row)", label: "Condition", kind: .select(conditionChoices),
                                value: model.form["condition_\(row)"] ?? "none")),
                        Forms.field(
                            Node<HTML.FormContext>.self,
                            FormField(
                                name: "metric_\(row)", label: "Metric", kind: .select(metricChoices),
                                value: model.form["metric_\(row)"] ?? "emergency_admissions")),
                        Forms.field(
                            Node<HTML.FormContext>.self,
                            FormField(name: "points_\(row)", label: "Margin (percentage points)", value: model.form["points_\(row)"] ?? ""))
                    )
                },
                .button(.class("nhsuk-button"), .type(.submit), .text("Allocate"))
            )
        )
    }

    /// "Reverse the release of £500,000 for 2017/18 Q2": each button says which money it undoes.
    static func reversalLabel(_ entry: LedgerEntry, tranches: [Tranche]) -> String {
        let quarter = entry.trancheID.flatMap { id in tranches.first { $0.id == id }?.quarter }
        return "Reverse the \(entry.kind.rawValue) of \(Pounds.text(entry.pounds))" + (quarter.map { " for \($0)" } ?? "")
    }

    static func reversals(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let reversed = Set(model.ledger.compactMap(\.reverses))
        let open = model.ledger.filter { $0.kind != .reversal && !reversed.contains($0.id) }
        return .if(
            !open.isEmpty,
            .details(
                .summary(.text("Reverse an entry")),
                .p(.text("Money movements are never edited: a reversal is a new entry, with its reason.")),
                .forEach(open) { entry in
                    .form(
                        .class("vg-inline-form"), .action(SiteURL.reverseLedgerEntry(model.plan.id).path), .method(.post),
                        Forms.csrfField(context.csrfToken),
                        .input(.type(.hidden), .name("entry"), .safeValue(entry.id.uuidString)),
                        .label(.class("nhsuk-label"), .for("reason-\(entry.id.uuidString)"), .text("Reason")),
                        .input(
                            .class("nhsuk-input"), .type(.text), .id("reason-\(entry.id.uuidString)"), .name("reason"),
                            .safeAttribute(named: "aria-label", value: "Reason for reversing")),
                        .button(
                            .class("nhsuk-button nhsuk-button--secondary vg-small-button"), .type(.submit),
                            .text(reversalLabel(entry, tranches: model.tranches)))
                    )
                }
            ))
    }

    static func spend(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let profile = Dictionary(
            model.plan.current.content.spendProfile.map { ($0.quarter, $0.pounds) }, uniquingKeysWith: { first, _ in first })
        let latest = Dictionary(model.spend.map { ($0.quarter, $0) }, uniquingKeysWith: { _, later in later })
        let fields = [
            FormField(
                name: "quarter", label: "Quarter", value: model.form["quarter"] ?? "", hint: "e.g. 2017/18 Q1; a quarter that has begun"),
            FormField(name: "sustainability", label: "Sustainability spend (£)", value: model.form["sustainability"] ?? ""),
            FormField(name: "transformation", label: "Transformation spend (£)", value: model.form["transformation"] ?? ""),
            FormField(name: "narrative", label: "What the money did", kind: .textarea, value: model.form["narrative"] ?? ""),
        ]
        return .group(
            .h2(.text("Spend returns")),
            model.spend.isEmpty
                ? .p(.text("None submitted."))
                : .table(
                    .class("nhsuk-table vg-spend"),
                    .thead(
                        .tr(
                            .th(.text("Quarter")), .th(.class("vg-number"), .text("Profile")), .th(.class("vg-number"), .text("Spent")),
                            .th(.class("vg-number"), .text("Variance")), .th(.text("Submitted")), .th(.text("Narrative")))),
                    .tbody(
                        .forEach(model.spend.reversed()) { spend in
                            let variance = spend.variancePercent(profile: profile[spend.quarter] ?? 0)
                            let flagged = variance.map { abs($0) > Double(model.round.varianceThresholdPercent) } ?? false
                            let superseded = latest[spend.quarter] != spend
                            return .tr(
                                .class(superseded ? "vg-superseded" : ""),
                                .td(.text("\(spend.quarter)\(superseded ? " (earlier return)" : "")")),
                                .td(.class("vg-number"), .text(profile[spend.quarter].map(Pounds.text) ?? "–")),
                                .td(.class("vg-number"), .text(Pounds.text(spend.totalPounds))),
                                .td(
                                    .class("vg-number"), .text(variance.map { String(format: "%+.1f%%", $0) } ?? "–"),
                                    .if(flagged && !superseded, .strong(.class("nhsuk-tag vg-flag"), .text(" Over threshold")))),
                                .td(.text(CalendarText.dateTime(spend.submittedAt))),
                                .td(.text(spend.narrative))
                            )
                        })
                ),
            .if(
                model.canEdit,
                .group(
                    .h3(.text("Submit a spend return")),
                    .p(.text("A later return for the same quarter replaces it in the totals; the earlier one stays on record.")),
                    Forms.form(action: .fundingSpend(model.plan.id), csrf: context.csrfToken, fields: fields, submit: "Submit the return")
                ))
        )
    }

    static func editForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let values = model.form["title"] == nil ? FundingPlanText.values(of: model.plan.current.content, name: model.name) : model.form
        let fields = [
            FormField(name: "title", label: "Title", value: values["title"] ?? "", error: model.errors["title"]),
            FormField(
                name: "objectives", label: "Objectives", kind: .textarea, value: values["objectives"] ?? "",
                error: model.errors["objectives"]),
            FormField(
                name: "commitments", label: "Metrics it commits to", kind: .textarea, value: values["commitments"] ?? "",
                hint: "One per line: metric code | change in per cent", error: model.errors["commitments"]),
            FormField(
                name: "years", label: "Amount asked per year", kind: .textarea, value: values["years"] ?? "",
                hint: "One per line: financial year | sustainability £ | transformation £, e.g. 2017 | 1,000,000 | 2,000,000",
                error: model.errors["years"]),
            FormField(
                name: "spend_profile", label: "Spend profile", kind: .textarea, value: values["spend_profile"] ?? "",
                hint: "One per line: quarter | £, e.g. 2017/18 Q1 | 750,000; adds up to the total asked",
                error: model.errors["spend_profile"]),
            FormField(
                name: "partners", label: "Partner organisations", kind: .textarea, value: values["partners"] ?? "",
                hint:
                    "One per line, as named in the directory; each one's signatory signs the plan. A vanguard's partners in the registry are listed and stay; the programme team confirms any other before the plan can be eligible",
                error: model.errors["partners"]),
        ]
        return .group(
            .h2(.text("Edit the plan")),
            .p(.text("Saving makes a new version: every partner then signs again.")),
            Forms.form(action: .fundingPlan(model.plan.id), csrf: context.csrfToken, fields: fields, submit: "Save as a new version")
        )
    }
}
