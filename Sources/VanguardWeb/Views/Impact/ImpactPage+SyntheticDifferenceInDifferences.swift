import Foundation
import Plot
import VanguardCore

extension ImpactPage {
    /// Which estimate to read first and why, or why none can be.
    static func preferred(_ impact: VanguardImpact) -> Node<HTML.BodyContext> {
        .unwrap(impact.preferred) { preference in
            .div(
                .class(preference.method == nil ? "nhsuk-warning-callout" : "nhsuk-inset-text"),
                .if(preference.method == nil, .h3(.class("nhsuk-warning-callout__label"), .text("No estimate to read as an effect"))),
                .p(.text(preference.reason)))
        }
    }

    /// A method that gave no number says so, with the reason, where its number would be.
    static func notEstimable(_ impact: VanguardImpact, _ method: VanguardImpact.Preference.Method) -> Node<HTML.BodyContext> {
        .div(
            .class("nhsuk-warning-callout"),
            .h3(.class("nhsuk-warning-callout__label"), .text("Not estimable")),
            .p(.text("No \(method.name) estimate: \(impact.notEstimable?[method.rawValue] ?? "it could not be fitted").")))
    }

    static func syntheticDifferenceInDifferences(
        _ model: Model, _ result: VanguardImpact.SyntheticDifferenceInDifferencesResult, startIndex: Int?
    ) -> Node<HTML.BodyContext> {
        let impact = model.impact, unit = model.metric.unit
        let effect =
            "\(percent(result.relativeEffect)) against the weighted areas after the start (95% interval \(percent(result.lower)) to \(percent(result.upper)), from a placebo standard error of \(SPCChartSVG.format(result.standardError)) \(unit) over \(result.placeboReplications) placebo draws). The conformal test of no effect in any month after the start gives p = \(String(format: "%.3f", result.conformalPValue))."
        let gaps = zip(result.observed, result.counterfactual).map { $0 - $1 }
        let band = startIndex.flatMap { first in
            result.conformalLower.isEmpty
                ? nil : ImpactChartSVG.Band(first: first, lower: result.conformalLower, upper: result.conformalUpper)
        }
        return .section(
            .class("vg-metric"),
            .h2(.text("Synthetic difference-in-differences")),
            verdictBlock(result.verdict, effect: effect),
            .p(
                .text(
                    "Areas with no vanguard are weighted to move with the footprint before the start, and the months before the start are weighted to be like the months after it; the estimate is the weighted difference of differences (Arkhangelsky et al., 2021). Unlike the synthetic control, a constant difference in level is allowed."
                )),
            .h3(.text("The gap, month by month, with its conformal interval")),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.lines(
                        [.init(values: gaps, cssClass: "vg-impact__observed")], months: impact.months, startIndex: startIndex,
                        zeroLine: true, band: band,
                        title: "Gap between the footprint and its weighted areas, with 95% conformal intervals after the start"))),
            .p(
                .class("nhsuk-body-s"), .span(.class("vg-key vg-impact--observed"), .text("Gap")), .text(" "),
                .span(.class("vg-key vg-impact--band"), .text("95% conformal interval")),
                .text(
                    " — \(unit). Each month's interval holds the effects a conformal test (Chernozhukov, Wüthrich & Zhu, 2021) does not reject: the counterfactual is refitted with that effect taken out of the month, and the month's error is ranked among the errors before the start. It assumes only that those errors are alike from month to month."
                )),
            .unwrap(result.conformalNote) { .p(.text($0)) },
            .h3(.text("What the comparison is made of")),
            areaWeights(result.unitWeights, registry: model.registry),
            .table(
                .class("nhsuk-table"),
                .thead(.tr(.th(.text("Month before the start")), .th(.text("Weight")))),
                .tbody(
                    .forEach(result.timeWeights.sorted { $0.key < $1.key }) { month, weight in
                        .tr(.td(.text(month)), .td(.text(String(format: "%.3f", weight))))
                    })
            ),
            .p(.class("nhsuk-body-s"), .text("Pre-period error (root mean square): \(SPCChartSVG.format(result.preRMSE)) \(unit)."))
        )
    }
}
