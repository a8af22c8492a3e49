import Plot
import VanguardCore

/// The 2015 call as a historical call: NHS England's published figures for applications and the
/// shortlist, and the registry's count of the sites chosen, by wave, care model and region.
enum HistoricalCallPage {
    static func document(registry: Registry, context: PageContext) -> HTML {
        let vanguards = registry.vanguards.filter { $0.wave.number <= Wave.all.count }
        let applied = registry.fact("applications"), shortlisted = registry.fact("shortlisted")
        let regions = Set(vanguards.flatMap { $0.regionDescription.components(separatedBy: "; ") }).sorted()
        return Layout.document(
            title: "The 2015 call: new care models vanguards", context: context, breadcrumbs: [("Home", .home), ("Calls", .calls)],
            body: .group(
                .h1(.text("The 2015 call: new care models vanguards")),
                .p(
                    .class("nhsuk-lede-text"),
                    .text(
                        "Held before this platform, on paper and in spreadsheets. These are the figures NHS England published, beside the sites the registry records."
                    )),
                .table(
                    .class("nhsuk-table vg-funnel"),
                    .thead(.tr(.th(.text("Stage")), .th(.class("vg-number"), .text("Partnerships")), .th(.text("Source")))),
                    .tbody(
                        .tr(
                            .td(.text("Applied")), .td(.class("vg-number"), .text(applied.map { "about \($0.value)" } ?? "–")),
                            .td(.class("nhsuk-body-s"), .text(applied?.source ?? ""))),
                        .tr(
                            .td(.text("Shortlisted and presented")),
                            .td(.class("vg-number"), .text(shortlisted.map { "\($0.value)" } ?? "–")),
                            .td(.class("nhsuk-body-s"), .text(shortlisted?.source ?? ""))),
                        .tr(
                            .td(.text("Selected")), .td(.class("vg-number"), .text("\(vanguards.count)")),
                            .td(.class("nhsuk-body-s"), .text("Counted from the registry")))
                    )
                ),
                .h2(.text("Selected, by wave and care model")),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(
                            .th(.text("Wave")), .forEach(CareModel.allCases) { .th(.class("vg-number"), Components.careModelTag($0)) },
                            .th(.class("vg-number"), .text("All")))),
                    .tbody(
                        .forEach(Wave.all) { wave in
                            .tr(
                                .td(.text("Wave \(wave.number) (\(wave.announced.longForm))")),
                                .forEach(CareModel.allCases) { model in
                                    .td(.class("vg-number"), .text("\(vanguards.count { $0.wave == wave && $0.careModel == model })"))
                                },
                                .td(.class("vg-number"), .text("\(vanguards.count { $0.wave == wave })"))
                            )
                        })
                ),
                .h2(.text("Selected, by region")),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("NHS England region")), .th(.class("vg-number"), .text("Vanguards")))),
                    .tbody(
                        .forEach(regions) { region in
                            .tr(
                                .td(.text(region)),
                                .td(
                                    .class("vg-number"),
                                    .text("\(vanguards.count { $0.regionDescription.components(separatedBy: "; ").contains(region) })")))
                        })
                ),
                .p(
                    .class("nhsuk-body-s"),
                    .text(
                        "A vanguard whose footprint spans regions counts in each. The published figures do not break applications or the shortlist down by care model or region, so neither does this page."
                    ))
            )
        )
    }
}
