import Plot
import VanguardCore

/// Every funding round with its pot and where the money stands.
enum FundingRoundsPage {
    static func document(_ rounds: [(FundingRound, FundingPosition)], context: PageContext) -> HTML {
        Layout.document(
            title: "Transformation funding", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Transformation funding")),
                .p(
                    .class("nhsuk-lede-text"),
                    .text(
                        "One plan per place, signed by every partner; money in tranches, later ones released only when the evidence meets the condition set for them."
                    )),
                .if(
                    context.allows(.manageFunding),
                    .p(.a(.class("nhsuk-button"), .safeHref(SiteURL.newFundingRound.path), .text("New funding round")))),
                rounds.isEmpty
                    ? .p(.text("No funding round has been opened."))
                    : .table(
                        .class("nhsuk-table"),
                        .thead(
                            .tr(
                                .th(.text("Round")), .th(.text("Open")), .th(.class("vg-number"), .text("Pot")),
                                .th(.class("vg-number"), .text("Allocated")),
                                .th(.class("vg-number"), .text("Released")))),
                        .tbody(
                            .forEach(rounds) { round, position in
                                .tr(
                                    .td(.a(.safeHref(SiteURL.fundingRound(round.id).path), .text(round.name))),
                                    .td(.text("\(round.opensOn.longForm) to \(round.closesOn.longForm)")),
                                    .td(.class("vg-number"), .text(Pounds.text(round.potPounds))),
                                    .td(.class("vg-number"), .text(Pounds.text(position.allocated))),
                                    .td(.class("vg-number"), .text(Pounds.text(position.released)))
                                )
                            })
                    )
            )
        )
    }
}
