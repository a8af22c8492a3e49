import Plot
import VanguardCore

extension AreaPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        let area = model.area
        return Layout.document(
            title: area.label, context: context, breadcrumbs: [("Home", .home), ("Map", .map)],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Sub-ICB location \(area.code)")),
                .h1(.text(area.placeName ?? area.name)),
                Components.summaryList([
                    ("Official name", .text(area.name)),
                    ("Councils", .text(area.localAuthorities.isEmpty ? "Not recorded" : area.localAuthorities.joined(separator: ", "))),
                    ("ONS code", .text(area.code)),
                    ("ODS code", .text(area.odsCode ?? "Not recorded")),
                    ("ICB", model.icb.map { .a(.safeHref(SiteURL.icb($0.code).path), .text($0.name)) } ?? .text("Not recorded")),
                    ("Region", model.region.map { .a(.safeHref(SiteURL.region($0.code).path), .text($0.name)) } ?? .text("Not recorded")),
                    ("Neighbourhoods (LSOAs)", .number(area.lsoaCount)),
                ]),
                .h2(.text(model.vanguards.isEmpty ? "No vanguard covered this area" : "Vanguards covering this area")),
                .if(
                    model.vanguards.isEmpty,
                    .p(.text("None of the 50 vanguards of 2015 had this sub-ICB location in its footprint.")),
                    else: .ul(
                        .class("nhsuk-list"),
                        .forEach(model.vanguards) { item in
                            .li(
                                Components.careModelTag(item.vanguard.careModel), .text(" "),
                                Components.vanguardLink(item.vanguard),
                                .text(" — wave \(item.vanguard.wave.number)"),
                                .unwrap(item.footprint) { footprint in
                                    .p(.class("nhsuk-body-s"), .text("\(footprint.basis) (confidence \(footprint.confidence))."))
                                }
                            )
                        })
                ),
                .unwrap(model.map) { .div(.class("vg-map vg-map--small"), .raw($0.svg)) },
                .if(
                    !model.metrics.isEmpty,
                    .group(
                        .h2(.text("Monthly returns")),
                        .ul(
                            .class("nhsuk-list nhsuk-list--bullet"),
                            .forEach(model.metrics) { metric in
                                .li(.a(.safeHref(SiteURL.areaReturns(area.code, metric.code).path), .text(metric.name)))
                            })
                    )),
                .p(.class("nhsuk-body-s vg-credit"), .text("Contains ONS data © Crown copyright and database right.")),
                .p(.a(.safeHref(SiteURL.api(.area(area.code)).path), .text("This area as JSON")))
            )
        )
    }
}

extension PlacePage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: model.name, context: context, breadcrumbs: [("Home", .home), ("Map", .map)],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("\(model.kind) \(model.code)")),
                .h1(.text(model.name)),
                .unwrap(model.parent) { parent in .p(.text("Part of "), .a(.safeHref(parent.url.path), .text(parent.name)), .text(".")) },
                .p(.text("\(model.areas.count) sub-ICB locations; \(model.areas.filter { !$0.vanguards.isEmpty }.count) had a vanguard.")),
                .if(
                    !model.children.isEmpty,
                    .group(
                        .h2(.text("Integrated care boards")),
                        .ul(
                            .class("nhsuk-list nhsuk-list--bullet"),
                            .forEach(model.children) { child in
                                .li(.a(.safeHref(child.url.path), .text(child.name)), .text(" (\(child.areas) locations)"))
                            })
                    )),
                .h2(.text("Vanguards")),
                .if(
                    model.vanguards.isEmpty, .p(.text("No vanguard worked here.")),
                    else: .ul(
                        .class("nhsuk-list"),
                        .forEach(model.vanguards) { vanguard in
                            .li(Components.careModelTag(vanguard.careModel), .text(" "), Components.vanguardLink(vanguard))
                        })),
                .h2(.text("Sub-ICB locations")),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Location")), .th(.text("Vanguards")))),
                    .tbody(
                        .forEach(model.areas) { row in
                            .tr(
                                .td(.a(.safeHref(SiteURL.area(row.area.code).path), .text(row.area.label))),
                                .td(.text(row.vanguards.isEmpty ? "None" : row.vanguards.map(\.name).joined(separator: "; ")))
                            )
                        })
                )
            )
        )
    }
}
