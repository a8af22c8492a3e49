import Foundation
import Plot
import VanguardCore
import VanguardStore

/// An area's returns for one metric, month by month, with every revision: who sent it, when, how.
enum ReturnsHistoryPage {
    struct Model {
        let area: SubICBLocation
        let metric: Metric
        let months: [(period: Month, revisions: [ValueRevision])]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let generated = model.months.contains { $0.revisions.contains { $0.channel == Actor.Channel.seed.rawValue } }
        return Layout.document(
            title: "\(model.metric.name) – \(model.area.name)", context: context,
            breadcrumbs: [("Home", .home), ("Map", .map), (model.area.name, .area(model.area.code))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Returns and their history")),
                .h1(.text("\(model.metric.name), \(model.area.name)")),
                .if(generated, Components.warning("Generated data", "Values sent by the demo data generator are not real NHS data.")),
                .p(.text("Each month shows the value in use; earlier versions are kept beneath it, with who sent each and when.")),
                .table(
                    .class("nhsuk-table vg-history"),
                    .thead(
                        .tr(
                            .th(.text("Month")), .th(.text("Revision")), .th(.text("Numerator")), .th(.text("Denominator")),
                            .th(.text(model.metric.unit.prefix(1).uppercased() + model.metric.unit.dropFirst())), .th(.text("Sent by")),
                            .th(.text("When")))),
                    .tbody(
                        .forEach(model.months) { month in
                            .forEach(month.revisions) { revision in
                                .tr(
                                    .class(revision.isCurrent ? "vg-history__current" : "vg-history__earlier"),
                                    .td(.text(revision.isCurrent ? month.period.description : "")),
                                    .td(.text(revision.isCurrent ? "\(revision.revision) (in use)" : "\(revision.revision) (replaced)")),
                                    .td(.text(SPCChartSVG.format(revision.numerator))),
                                    .td(.text(SPCChartSVG.format(revision.denominator))),
                                    .td(
                                        .text(
                                            SPCChartSVG.format(
                                                model.metric.rate(numerator: revision.numerator, denominator: revision.denominator)))),
                                    .td(.text("\(revision.submittedBy) (\(revision.channel == "seed" ? "generated" : revision.channel))")),
                                    .td(.text(DateText.short(revision.submittedAt)))
                                )
                            }
                        })
                )
            )
        )
    }
}
