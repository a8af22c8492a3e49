import Plot
import VanguardCore

/// A round's dashboard: pot, allocated, released and spent, by care model and region; every
/// plan with its sign-off; late spend returns and variances.
enum FundingRoundPage {
    struct Row {
        let plan: FundingPlan
        let position: FundingPosition
        let spend: [SpendReturn]
        let careModel: CareModel?
        let regions: [String]
        let name: String

        /// The latest return for each quarter counts.
        var latestSpend: [FinancialQuarter: SpendReturn] {
            Dictionary(spend.map { ($0.quarter, $0) }, uniquingKeysWith: { _, later in later })
        }
        var spent: Int { latestSpend.values.reduce(0) { $0 + $1.totalPounds } }
    }

    struct Model {
        let round: FundingRound
        let rows: [Row]
        let today: CalendarDate
        let ledVanguards: [Vanguard]
        let form: [String: String]
        let errors: [String: String]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let allocated = model.rows.reduce(0) { $0 + $1.position.allocated }
        let released = model.rows.reduce(0) { $0 + $1.position.released }
        let spent = model.rows.reduce(0) { $0 + $1.spent }
        let late = lateReturns(model)
        return Layout.document(
            title: model.round.name, context: context, breadcrumbs: [("Home", .home), ("Funding", .funding)],
            body: .group(
                .h1(.text(model.round.name)),
                .p(
                    .text(
                        "Open \(model.round.opensOn.longForm) to \(model.round.closesOn.longForm). Expected split: \(100 - model.round.expectedTransformationPercent)% sustainability, \(model.round.expectedTransformationPercent)% transformation."
                    )),
                .div(
                    .class("vg-figures"),
                    figure("Pot", model.round.potPounds), figure("Allocated", allocated),
                    figure("Left to allocate", model.round.potPounds - allocated),
                    figure("Released", released), figure("Spent (reported)", spent)
                ),
                .if(
                    !model.round.guidance.isEmpty,
                    .group(.h2(.text("Guidance")), .forEach(model.round.guidance.components(separatedBy: "\n")) { .p(.text($0)) })),
                .if(
                    !model.round.conditions.isEmpty,
                    .group(.h2(.text("Conditions")), .forEach(model.round.conditions.components(separatedBy: "\n")) { .p(.text($0)) })),
                .h2(.text("Plans")),
                model.rows.isEmpty
                    ? .p(.text("No plan yet."))
                    : .table(
                        .class("nhsuk-table vg-plans"),
                        .thead(
                            .tr(
                                .th(.text("Place")), .th(.text("Version")), .th(.text("Signed")), .th(.class("vg-number"), .text("Asked")),
                                .th(.class("vg-number"), .text("Allocated")), .th(.class("vg-number"), .text("Released")),
                                .th(.class("vg-number"), .text("Spent")))),
                        .tbody(
                            .forEach(model.rows) { row in
                                .tr(
                                    .td(
                                        .a(.safeHref(SiteURL.fundingPlan(row.plan.id).path), .text(row.name)),
                                        .unwrap(row.careModel) { .group(.text(" "), Components.careModelTag($0)) }),
                                    .td(.text("\(row.plan.current.number)")),
                                    .td(
                                        .text("\(row.plan.signOff.signed.count) of \(row.plan.current.content.partners.count)"),
                                        .if(row.plan.isEligible, .strong(.class("nhsuk-tag vg-eligible"), .text(" Eligible")))),
                                    .td(.class("vg-number"), .text(Pounds.text(row.plan.current.content.totalPounds))),
                                    .td(.class("vg-number"), .text(Pounds.text(row.position.allocated))),
                                    .td(.class("vg-number"), .text(Pounds.text(row.position.released))),
                                    .td(.class("vg-number"), .text(Pounds.text(row.spent)))
                                )
                            })
                    ),
                breakdown("By care model", model.rows.map { ($0.careModel?.abbreviation ?? "Not a vanguard", $0) }),
                breakdown("By region", model.rows.flatMap { row in row.regions.map { ($0, row) } }),
                .h2(.text("Late spend returns")),
                late.isEmpty ? .p(.text("None.")) : .ul(.forEach(late) { .li(.text($0)) }),
                .if(context.allows(.draftFundingPlans), startForm(model, context: context))
            )
        )
    }

    static func figure(_ label: String, _ pounds: Int) -> Node<HTML.BodyContext> {
        .div(
            .class("vg-figure"), .span(.class("vg-figure__label"), .text(label)),
            .strong(.class("vg-figure__value"), .text(Pounds.text(pounds))))
    }

    static func breakdown(_ title: String, _ rows: [(String, Row)]) -> Node<HTML.BodyContext> {
        let groups = Dictionary(grouping: rows, by: \.0)
        return .group(
            .h3(.text(title)),
            .table(
                .class("nhsuk-table"),
                .thead(
                    .tr(
                        .th(.text("")), .th(.class("vg-number"), .text("Allocated")), .th(.class("vg-number"), .text("Released")),
                        .th(.class("vg-number"), .text("Spent")))),
                .tbody(
                    .forEach(groups.keys.sorted()) { key in
                        let members = groups[key]!.map(\.1)
                        return .tr(
                            .td(.text(key)),
                            .td(.class("vg-number"), .text(Pounds.text(members.reduce(0) { $0 + $1.position.allocated }))),
                            .td(.class("vg-number"), .text(Pounds.text(members.reduce(0) { $0 + $1.position.released }))),
                            .td(.class("vg-number"), .text(Pounds.text(members.reduce(0) { $0 + $1.spent }))))
                    })
            )
        )
    }

    /// Profiled quarters whose return is past due and missing.
    static func lateReturns(_ model: Model) -> [String] {
        model.rows.flatMap { row in
            row.plan.current.content.spendProfile
                .filter {
                    SpendReturn.dueDate(for: $0.quarter) <= model.today && row.latestSpend[$0.quarter] == nil && row.position.allocated > 0
                }
                .map { "\(row.name): \($0.quarter), due by \(SpendReturn.dueDate(for: $0.quarter).longForm)" }
        }
    }

    static func startForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let choices =
            [(value: "", label: "Not a vanguard: give areas below")] + model.ledVanguards.map { (value: "\($0.number)", label: $0.name) }
        let fields = [
            FormField(
                name: "vanguard", label: "Vanguard", kind: .select(choices), value: model.form["vanguard"] ?? "",
                error: model.errors["vanguard"]),
            FormField(
                name: "areas", label: "Or a partnership's area codes", value: model.form["areas"] ?? "",
                hint: "Separated by spaces, e.g. E38000208 E38000227", error: model.errors["areas"]),
        ]
        return .group(
            .h2(.text("Start a plan")),
            .p(.text("One plan per place per round. You lead it: you write it, every partner organisation's signatory signs it.")),
            Forms.form(action: .startFundingPlan(model.round.id), csrf: context.csrfToken, fields: fields, submit: "Start the plan")
        )
    }
}
