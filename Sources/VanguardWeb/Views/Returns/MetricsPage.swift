import Plot
import VanguardCore

/// The framework as a table.
enum MetricsPage {
    static func document(_ metrics: [Metric], context: PageContext) -> HTML {
        Layout.document(
            title: "Metric framework", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Metric framework")),
                .p(
                    .text(
                        "What every vanguard is measured by: around six indicators per care model, on health and wellbeing, care and quality, and efficiency."
                    )),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(
                            .th(.text("Metric")), .th(.text("Unit")), .th(.text("Better when")), .th(.text("Care models")),
                            .th(.text("Target")), .th(.text("Chart")), .th(.text("Source")))),
                    .tbody(
                        .forEach(metrics) { metric in
                            .tr(
                                .td(
                                    .strong(.text(metric.name)), .br(), .span(.class("vg-code"), .text(metric.code)),
                                    .if(
                                        context.allows(.manageMetrics),
                                        .group(.br(), .a(.safeHref(SiteURL.editMetric(metric.code).path), .text("Edit"))))),
                                .td(.text(metric.unit)),
                                .td(.text(metric.direction == .decrease ? "lower" : metric.direction == .increase ? "higher" : "neither")),
                                .td(.group(.forEach(metric.careModels) { .group(Components.careModelTag($0), .text(" ")) })),
                                .td(.text(metric.target.map(SPCChartSVG.format) ?? "–")),
                                .td(.text(metric.chart.name)),
                                .td(.class("nhsuk-body-s"), .text(metric.source))
                            )
                        })
                )
            )
        )
    }
}
