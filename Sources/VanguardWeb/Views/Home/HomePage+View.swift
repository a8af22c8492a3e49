import Foundation
import Plot
import VanguardCore

extension HomePage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        let overview = model.overview
        return Layout.document(
            title: "The programme at a glance", context: context,
            feeds: [("All posts and case studies", .learning(.feed))],
            body: .group(
                .h1(.text("New care models: the programme at a glance")),
                .p(
                    .class("nhsuk-lede-text"),
                    .text(
                        "In 2015 NHS England chose \(overview.vanguardsOf2015) vanguard sites to redesign care across organisational boundaries."
                            + (overview.laterWaves.isEmpty
                                ? ""
                                : " Later calls have selected \(overview.totalVanguards - overview.vanguardsOf2015) more, in \(overview.laterWaves.map { "wave \($0.number)" }.joined(separator: ", ")).")
                            + " Every figure on this page is computed from the registry.")
                ),
                funnel(overview),
                .h2(.text("Vanguards by care model and wave")),
                careModelTable(overview),
                .h2(.text("Timeline of the announcements")),
                timeline(overview),
                .h2(.text("Areas and population covered")),
                coverage(model),
                .h2(.text("Explore")),
                .ul(
                    .class("nhsuk-list nhsuk-list--bullet"),
                    .li(
                        .a(.safeHref(SiteURL.vanguards.path), .text("All \(overview.totalVanguards) vanguards")),
                        .text(", filtered by care model, wave, region or words")),
                    .li(
                        .a(.safeHref(SiteURL.map.path), .text("Map of England by sub-ICB location")),
                        .text(", showing where vanguards worked and where nobody did")),
                    .li(
                        .a(.safeHref(SiteURL.search.path), .text("Find your local vanguard")),
                        .text(" by council, area, ICB, region or organisation, and search what vanguards have written")),
                    .li(
                        .a(.safeHref(SiteURL.organisations.path), .text("Organisations directory")),
                        .text(": every partner organisation and its vanguards")),
                    .li(.a(.safeHref(SiteURL.api(.openAPI).path), .text("The JSON API")), .text(" (OpenAPI 3.1)"))
                ),
                .if(
                    overview.partialRows > 0,
                    Components.inset(
                        "\(overview.partialRows) of the \(overview.totalVanguards) vanguards have gaps in their public sources; their pages say so, and the gaps are left empty rather than guessed."
                    ))
            )
        )
    }

    static func funnel(_ overview: ProgrammeOverview) -> Node<HTML.BodyContext> {
        // 2015's funnel is history: later waves came from later calls and have funnels of their own.
        let stages: [(String, Int?, String)] = [
            ("Applied", overview.applications?.value, overview.applications?.source ?? "not recorded"),
            ("Shortlisted", overview.shortlisted?.value, overview.shortlisted?.source ?? "not recorded"),
            (
                "Selected", overview.vanguardsOf2015,
                "counted from the registry's 2015 waves: " + Wave.all.map { "\(overview.vanguards(wave: $0))" }.joined(separator: " + ")
            ),
        ]
        let maximum = stages.compactMap(\.1).max() ?? 1
        return .group(
            .h2(.text("Selection funnel")),
            .div(
                .class("vg-funnel"),
                .forEach(stages) { stage in
                    .div(
                        .class("vg-funnel__stage"),
                        .span(.class("vg-funnel__label"), .text(stage.0)),
                        .span(
                            .class("vg-funnel__bar vg-bar-\(Int((Double(stage.1 ?? 0) / Double(maximum) * 20).rounded()) * 5)"),
                            .text(stage.1.map { "\($0)" } ?? "–")
                        )
                    )
                }
            ),
            .table(
                .class("nhsuk-table"),
                .caption(.class("nhsuk-table__caption"), .text("Selection funnel, 2015")),
                .thead(.tr(.th(.text("Stage")), .th(.class("nhsuk-table__header--numeric"), .text("Partnerships")), .th(.text("Source")))),
                .tbody(
                    .forEach(stages) { stage in
                        .tr(
                            .td(.text(stage.0)),
                            .td(.class("nhsuk-table__cell--numeric"), .text(stage.1.map { "\($0)" } ?? "–")),
                            .td(.text(stage.2))
                        )
                    })
            )
        )
    }

    static func careModelTable(_ overview: ProgrammeOverview) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table"),
            .caption(.class("nhsuk-table__caption nhsuk-u-visually-hidden"), .text("Vanguards by care model and wave")),
            .thead(
                .tr(
                    .th(.text("Care model")),
                    .forEach(overview.waves) { wave in .th(.class("nhsuk-table__header--numeric"), .text("Wave \(wave.number)")) },
                    .th(.class("nhsuk-table__header--numeric"), .text("Total"))
                )),
            .tbody(
                .forEach(CareModel.allCases) { model in
                    .tr(
                        .td(
                            Components.careModelTag(model), .text(" "),
                            .a(.safeHref(SiteURL.vanguards.path(query: ["care_model": model.rawValue])), .text(model.name))),
                        .forEach(overview.waves) { wave in
                            .td(
                                .class("nhsuk-table__cell--numeric"),
                                .text("\(overview.counts.first { $0.careModel == model && $0.wave == wave }?.vanguards ?? 0)"))
                        },
                        .td(.class("nhsuk-table__cell--numeric"), .strong(.text("\(overview.vanguards(careModel: model))")))
                    )
                },
                .tr(
                    .td(.strong(.text("All care models"))),
                    .forEach(overview.waves) { wave in
                        .td(
                            .class("nhsuk-table__cell--numeric"),
                            .strong(
                                .a(
                                    .safeHref(SiteURL.vanguards.path(query: ["wave": "\(wave.number)"])),
                                    .text("\(overview.vanguards(wave: wave))"))))
                    },
                    .td(.class("nhsuk-table__cell--numeric"), .strong(.text("\(overview.totalVanguards)")))
                )
            )
        )
    }

    static func timeline(_ overview: ProgrammeOverview) -> Node<HTML.BodyContext> {
        .ol(
            .class("vg-timeline"),
            .forEach(overview.announcements) { announcement in
                .li(
                    .class("vg-timeline__item"),
                    .h3(
                        .class("nhsuk-heading-s"),
                        .element(
                            named: "time",
                            nodes: [
                                .safeAttribute(named: "datetime", value: announcement.wave.announced.iso8601),
                                .text(announcement.wave.announced.longForm),
                            ])),
                    .p(
                        .text("Wave \(announcement.wave.number): "),
                        .a(
                            .safeHref(SiteURL.vanguards.path(query: ["wave": "\(announcement.wave.number)"])),
                            .text("\(announcement.vanguards) vanguards")),
                        .text(" — "),
                        .text(announcement.careModels.map(\.name).joined(separator: ", "))
                    )
                )
            }
        )
    }

    static func coverage(_ model: Model) -> Node<HTML.BodyContext> {
        let overview = model.overview
        return .group(
            .table(
                .class("nhsuk-table"),
                .caption(.class("nhsuk-table__caption nhsuk-u-visually-hidden"), .text("Coverage")),
                .tbody(
                    .tr(
                        .th(.text("Sub-ICB locations with at least one vanguard")),
                        .td(.class("nhsuk-table__cell--numeric"), .text("\(overview.areasCovered) of \(overview.areasInEngland)"))),
                    .tr(
                        .th(.text("Neighbourhoods (LSOAs) in those locations")),
                        .td(
                            .class("nhsuk-table__cell--numeric"),
                            .text(
                                "\(overview.lsoasCovered.formatted(grouping: true)) of \(overview.lsoasInEngland.formatted(grouping: true)) (\(String(format: "%.0f", model.lsoaSharePercent))%)"
                            ))
                    ),
                    .tr(
                        .th(.text("Population served, as the programme reported it")),
                        .td(
                            .class("nhsuk-table__cell--numeric"),
                            .text(overview.populationSharePercent.map { "about \($0.value)% of England" } ?? "not recorded"))
                    )
                )
            ),
            .p(
                .class("nhsuk-body-s"),
                .text(
                    "LSOAs hold roughly equal populations, so their share is a proxy for the population of the locations touched. It overstates the population served: many vanguards covered only part of a location, and acute care collaborations are placed at their host trust's location. The reported figure comes from \(overview.populationSharePercent?.source ?? "no source")."
                ))
        )
    }
}
