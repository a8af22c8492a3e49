import Foundation
import Plot
import VanguardCore
import VanguardStore

/// The national view: growth against 2014/15 for each care model's vanguard areas beside the rest of
/// England, every vanguard's icons, and the vanguards that stand out from their care model.
enum NationalPage {
    struct Model {
        let metrics: [Metric]
        let summaries: [EvaluationSummary]
        let registry: Registry
        let isGenerated: Bool
        let sort: String?
        var coverage: [EvaluationStore.PooledCoverage] = []

        func change(scope: String, metric: String) -> Double? {
            summaries.first { $0.scope == scope && $0.metricCode == metric }?.changeAgainstBaseline
        }

        /// Vanguards whose change is more than two standard deviations from their care model's vanguards.
        var outliers: [(vanguard: Vanguard, metric: Metric, change: Double, typical: Double)] {
            var found: [(Vanguard, Metric, Double, Double)] = []
            for metric in metrics {
                for model in metric.careModels {
                    let rows = registry.vanguards.filter { $0.careModel == model }.compactMap { vanguard in
                        change(scope: "vanguard:\(vanguard.number)", metric: metric.code).map { (vanguard, $0) }
                    }
                    guard rows.count >= 4 else { continue }
                    let mean = rows.map(\.1).reduce(0, +) / Double(rows.count)
                    let sd = (rows.map { ($0.1 - mean) * ($0.1 - mean) }.reduce(0, +) / Double(rows.count - 1)).squareRoot()
                    for (vanguard, value) in rows where sd > 0 && abs(value - mean) > 2 * sd {
                        found.append((vanguard, metric, value, mean))
                    }
                }
            }
            return found
        }
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "National view", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("National view: vanguards against the rest of England")),
                .if(
                    model.isGenerated,
                    Components.warning(
                        "Generated data", "These figures come from generated data with known effects built in; they are not real NHS data.")
                ),
                .p(.a(.safeHref(SiteURL.metricFramework.path), .text("The metric framework"))),
                .p(
                    .text(
                        "Growth in each metric from April 2014 – March 2015 to the latest twelve months, for the areas of each care model's vanguards pooled, beside the areas no vanguard covered — the comparison the programme published in 2017."
                    )),
                .if(
                    model.summaries.isEmpty, .p(.text("No returns have been evaluated yet.")),
                    else: .group(
                        comparison(model),
                        coverage(model),
                        .h2(.text("Every vanguard")),
                        vanguardTable(model),
                        .h2(.text("Vanguards that stand out")),
                        outliers(model)
                    ))
            )
        )
    }

    static func text(_ change: Double?, points: Bool) -> String {
        guard let change else { return "–" }
        return points ? String(format: "%+.1f pts", change) : String(format: "%+.1f%%", change * 100)
    }

    static func comparison(_ model: Model) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table"),
            .caption(.class("nhsuk-table__caption"), .text("Change since 2014/15\(model.isGenerated ? " (generated data)" : "")")),
            .thead(
                .tr(
                    .th(.text("Metric")),
                    .forEach(CareModel.allCases) { .th(.class("nhsuk-table__header--numeric"), .text($0.abbreviation)) },
                    .th(.class("nhsuk-table__header--numeric"), .text("Rest of England")))),
            .tbody(
                .forEach(model.metrics) { metric in
                    let points = metric.unit == "per cent"
                    return .tr(
                        .td(.text(metric.name)),
                        .forEach(CareModel.allCases) { care in
                            .td(
                                .class("nhsuk-table__cell--numeric"),
                                .text(
                                    metric.careModels.contains(care)
                                        ? text(model.change(scope: "care_model:\(care.rawValue)", metric: metric.code), points: points) : ""
                                ))
                        },
                        .td(
                            .class("nhsuk-table__cell--numeric"),
                            .strong(.text(text(model.change(scope: "rest_of_england", metric: metric.code), points: points))))
                    )
                })
        )
    }

    /// Which months the pooled figures cover, and the months left out because only some areas had reported them.
    static func coverage(_ model: Model) -> Node<HTML.BodyContext> {
        let spans = model.coverage.compactMap { item in item.first.flatMap { first in item.last.map { (first, $0) } } }
        let first = spans.map(\.0).min(), last = spans.map(\.1).max()
        let gaps = model.coverage.filter { !$0.leftOut.isEmpty }.sorted { ($0.scope, $0.metricCode) < ($1.scope, $1.metricCode) }
        func place(_ scope: String) -> String {
            scope == "rest_of_england"
                ? "Rest of England" : (CareModel(rawValue: String(scope.dropFirst("care_model:".count)))?.abbreviation ?? scope)
        }
        func name(_ code: String) -> String { model.metrics.first { $0.code == code }?.name ?? code }
        return .group(
            .p(
                .class("nhsuk-body-s"),
                .text(
                    "Each figure pools only the months every area in its pool has reported"
                        + (first.map { first in last.map { ", within \(first) to \($0)" } ?? "" } ?? "")
                        + ", so one site reporting early or late cannot move it.")),
            .if(
                !gaps.isEmpty,
                .ul(
                    .class("nhsuk-list nhsuk-body-s"),
                    .forEach(gaps) { gap in
                        .li(
                            .text(
                                "\(place(gap.scope)), \(name(gap.metricCode)): \(gap.leftOut.count) month\(gap.leftOut.count == 1 ? "" : "s") left out (\(gap.leftOut.first!) to \(gap.leftOut.last!)), reported by some areas only"
                            ))
                    }))
        )
    }

    static func vanguardTable(_ model: Model) -> Node<HTML.BodyContext> {
        let metrics = model.metrics
        var vanguards = model.registry.vanguards
        if let sort = model.sort, let metric = metrics.first(where: { $0.code == sort }) {
            vanguards.sort {
                (model.change(scope: "vanguard:\($0.number)", metric: metric.code) ?? .infinity)
                    < (model.change(scope: "vanguard:\($1.number)", metric: metric.code) ?? .infinity)
            }
        }
        return .table(
            .class("nhsuk-table vg-national"),
            .thead(
                .tr(
                    .th(.a(.safeHref(SiteURL.national.path), .text("Vanguard"))),
                    .forEach(metrics) { metric in
                        .th(
                            .a(.safeHref(SiteURL.national.path(query: ["sort": metric.code])), .text(metric.name)),
                            .if(model.sort == metric.code, .span(.class("nhsuk-u-visually-hidden"), .text(" (sorted, lowest first)"))))
                    }
                )),
            .tbody(
                .forEach(vanguards) { vanguard in
                    .tr(
                        .td(
                            .a(.safeHref(SiteURL.dashboard(vanguard.number).path), .text(vanguard.name)), .text(" "),
                            Components.careModelTag(vanguard.careModel)),
                        .forEach(metrics) { metric in
                            guard
                                let summary = model.summaries.first(where: {
                                    $0.scope == "vanguard:\(vanguard.number)" && $0.metricCode == metric.code
                                })
                            else {
                                return .td(.text(""))
                            }
                            let icon = SPCIcons.variation(summary.variationIcon ?? "common_cause")
                            return .td(
                                .span(
                                    .class("vg-icon \(icon.cssClass)"), .safeAttribute(named: "title", value: icon.words),
                                    .span(.class("nhsuk-u-visually-hidden"), .text("\(icon.words): ")),
                                    .text(text(summary.changeAgainstBaseline, points: metric.unit == "per cent"))))
                        }
                    )
                })
        )
    }

    static func outliers(_ model: Model) -> Node<HTML.BodyContext> {
        let found = model.outliers
        guard !found.isEmpty else { return .p(.text("No vanguard's change is more than two standard deviations from its care model's.")) }
        return .ul(
            .class("nhsuk-list nhsuk-list--bullet"),
            .forEach(found) { item in
                .li(
                    .a(.safeHref(SiteURL.dashboard(item.vanguard.number).path), .text(item.vanguard.name)),
                    .text(
                        ": \(item.metric.name) \(text(item.change, points: item.metric.unit == "per cent")) against \(text(item.typical, points: item.metric.unit == "per cent")) for \(item.vanguard.careModel.abbreviation) vanguards on average"
                    )
                )
            })
    }
}
