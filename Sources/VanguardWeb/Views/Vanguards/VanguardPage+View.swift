import Plot
import VanguardCore

extension VanguardPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        let vanguard = model.vanguard
        return Layout.document(
            title: vanguard.name, context: context, breadcrumbs: [("Home", .home), ("Vanguards", .vanguards)],
            feeds: [("Posts from \(vanguard.name)", .learning(.vanguardFeed(vanguard.number)))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Vanguard \(vanguard.number)")),
                .h1(.text(vanguard.name)),
                .p(
                    .class("nhsuk-body-l"),
                    .a(
                        .safeHref(SiteURL.dashboard(vanguard.number).path),
                        .text("Dashboard: this vanguard's metrics against the rest of England"))),
                .if(
                    vanguard.confidence != .sourced,
                    Components.warning(
                        vanguard.confidence == .partial ? "Partly sourced" : "Lead organisations unverified", vanguard.confidence.summary
                    )),
                Components.summaryList([
                    ("Care model", .group(Components.careModelTag(vanguard.careModel), .text(" \(vanguard.careModel.name)"))),
                    (
                        "Wave",
                        .a(
                            .safeHref(SiteURL.vanguards.path(query: ["wave": "\(vanguard.wave.number)"])),
                            .text("Wave \(vanguard.wave.number)"))
                    ),
                    (
                        "Announced",
                        .element(
                            named: "time",
                            nodes: [
                                .safeAttribute(named: "datetime", value: vanguard.announced.iso8601), .text(vanguard.announced.longForm),
                            ])
                    ),
                    ("Footprint as described", .text(vanguard.areaDescription)),
                    (
                        "Region",
                        model.regions.isEmpty
                            ? .text(vanguard.regionDescription)
                            : .group(
                                .forEach(model.regions.enumerated()) { index, region in
                                    .group(.if(index > 0, .text(", ")), .a(.safeHref(SiteURL.region(region.code).path), .text(region.name)))
                                })
                    ),
                    ("Governance", .text(model.governance.governance ?? "Not yet recorded")),
                    ("Contracting", .text(model.governance.contracting?.name ?? "Not yet recorded")),
                ]),
                .if(
                    context.allows(.editVanguardProfile, on: .vanguard(vanguard.number)),
                    .p(.a(.safeHref(SiteURL.editVanguard(vanguard.number).path), .text("Edit governance and contracting")))),
                .h2(.text("Footprint")),
                .div(
                    .class("vg-map-and-table"),
                    .unwrap(model.map) { .div(.class("vg-map vg-map--small"), .raw($0.svg)) },
                    footprintTable(model)
                ),
                .h2(.text("Partner organisations")),
                partners(model),
                .h2(.text("Posts and case studies")),
                PostList.list(model.posts, empty: "\(vanguard.name) has not published a post yet."),
                .p(
                    .class("nhsuk-body-s"),
                    .a(.safeHref(SiteURL.learning(.vanguardFeed(vanguard.number)).path), .text("Atom feed of this vanguard's posts"))),
                .if(
                    !model.innovations.isEmpty,
                    .group(
                        .h2(.text("Innovations it originated")),
                        .ul(
                            .class("nhsuk-list nhsuk-list--bullet"),
                            .forEach(model.innovations) { innovation in
                                .li(.a(.safeHref(SiteURL.learning(.innovation(innovation.slug)).path), .text(innovation.name)))
                            })
                    )),
                .h2(.text("Sources")),
                .p(.text("Every fact on this page comes from these public pages:")),
                .ul(
                    .class("nhsuk-list nhsuk-list--bullet vg-sources"),
                    .forEach(vanguard.sources) { source in
                        .li(.a(.safeHref(source), .safeAttribute(named: "rel", value: "nofollow noopener"), .text(source)))
                    }),
                .unwrap(vanguard.notes) { .p(.class("nhsuk-body-s"), .text("Notes: \($0)")) },
                .p(.a(.safeHref(SiteURL.api(.vanguard(vanguard.number)).path), .text("This vanguard as JSON")))
            )
        )
    }

    static func footprintTable(_ model: Model) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table"),
            .caption(.class("nhsuk-table__caption"), .text("Sub-ICB locations in the footprint")),
            .thead(.tr(.th(.text("Sub-ICB location")), .th(.text("ICB")), .th(.text("2015 CCG(s)")), .th(.text("How derived")))),
            .tbody(
                .forEach(model.footprint) { row in
                    .tr(
                        .td(
                            .a(.safeHref(SiteURL.area(row.area.code).path), .text(row.area.label)), .br(),
                            .span(.class("vg-code"), .text(row.area.code))),
                        .td(.unwrap(row.icb) { .a(.safeHref(SiteURL.icb($0.code).path), .text($0.shortName)) }),
                        .td(
                            .text(
                                zip(row.footprint.ccg2015Names, row.footprint.ccg2015Codes).map { "\($0) (\($1))" }.joined(separator: "; "))
                        ),
                        .td(
                            .text(row.footprint.basis), .text(" Confidence: \(row.footprint.confidence)."),
                            .unwrap(row.footprint.note) { .text(" \($0)") })
                    )
                })
        )
    }

    static func partners(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("nhsuk-body-s"), .text("As the sources name them: “\(model.vanguard.leadOrganisationsAsWritten)”")),
            .if(
                model.partnersBySector.isEmpty,
                .p(.text("No partner organisation is named in the public sources for this vanguard.")),
                else: .group(
                    .forEach(model.partnersBySector) { group in
                        .group(
                            .h3(.class("nhsuk-heading-s"), .text(group.sector.name)),
                            .ul(
                                .class("nhsuk-list"),
                                .forEach(group.partners) { partner in
                                    .li(
                                        .a(
                                            .safeHref(SiteURL.organisation(partner.organisation.slug).path),
                                            .text(partner.organisation.name)),
                                        .if(partner.membership.isLead, .strong(.class("nhsuk-tag nhsuk-tag--blue vg-lead"), .text("Lead"))),
                                        .unwrap(partner.organisation.odsCode) { .span(.class("vg-code"), .text(" ODS \($0)")) }
                                    )
                                })
                        )
                    })
            )
        )
    }
}
