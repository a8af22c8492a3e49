import Foundation
import Plot
import VanguardCore

/// The impact of one vanguard on one metric: both estimates with their intervals, the charts
/// behind them, the donor weights, the verdicts and the caveats, in plain words.
enum ImpactPage {
    struct Model {
        let vanguard: Vanguard
        let metric: Metric
        let impact: VanguardImpact
        let registry: Registry
        let isGenerated: Bool
    }

    static func percent(_ value: Double) -> String { ImpactChartSVG.percent(value) }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let impact = model.impact, vanguard = model.vanguard
        let startIndex = impact.months.firstIndex { $0 >= impact.start }
        return Layout.document(
            title: "Impact – \(model.metric.name) – \(vanguard.name)", context: context,
            breadcrumbs: [
                ("Home", .home), ("Vanguards", .vanguards), (vanguard.name, .vanguard(vanguard.number)), ("Impact estimates", .impact),
            ],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Impact estimate")),
                .h1(.text("\(model.metric.name): \(vanguard.name)")),
                .if(
                    model.isGenerated,
                    Components.warning(
                        "Generated data",
                        "These estimates are fitted to generated demonstration data with known effects built in. They are not findings about real NHS services."
                    )),
                .p(
                    .text(
                        "What would have happened without the vanguard is estimated three ways from the monthly returns, from its announcement in \(impact.start): a synthetic control made of areas with no vanguard, synthetic difference-in-differences (weighted areas and weighted months), and a comparison with matched areas (difference-in-differences). An estimate is only shown as an effect when its method passes its check."
                    )),
                preferred(impact),
                .unwrap(
                    impact.synthetic, { synthetic(model, $0, startIndex: startIndex) },
                    else: .group(.h2(.text("Synthetic control")), notEstimable(impact, .syntheticControl))),
                .unwrap(
                    impact.syntheticDifferenceInDifferences, { syntheticDifferenceInDifferences(model, $0, startIndex: startIndex) },
                    else: .group(.h2(.text("Synthetic difference-in-differences")), notEstimable(impact, .syntheticDifferenceInDifferences))
                ),
                .unwrap(
                    impact.differenceInDifferences, { differenceInDifferences(model, $0, startIndex: startIndex) },
                    else: .group(
                        .h2(.text("Matched comparison (difference-in-differences)")), notEstimable(impact, .differenceInDifferences))),
                .h2(.text("Caveats")),
                .ul(.forEach(impact.caveats) { .li(.text($0)) })
            )
        )
    }

    static func verdictBlock(_ verdict: VanguardImpact.Verdict, effect: String) -> Node<HTML.BodyContext> {
        verdict.isReliable
            ? .div(.class("nhsuk-inset-text"), .p(.strong(.text(effect))), .p(.text(verdict.reason)))
            : .div(
                .class("nhsuk-warning-callout"), .h3(.class("nhsuk-warning-callout__label"), .text("Not reliable")),
                .p(.text(verdict.reason)),
                .p(.text("The figure is not shown as an effect.")))
    }

    static func synthetic(_ model: Model, _ result: VanguardImpact.SyntheticResult, startIndex: Int?) -> Node<HTML.BodyContext> {
        let effect =
            "\(percent(result.relativeEffect)) against the synthetic control after the start (95% interval \(percent(result.lower)) to \(percent(result.upper)); p = \(String(format: "%.3f", result.pValue)): \(result.rank - 1) of \(result.units - 1) areas with no vanguard show an effect as large)."
        let gaps = zip(result.observed, result.synthetic).map { $0 - $1 }
        return .section(
            .class("vg-metric"),
            .h2(.text("Synthetic control")),
            verdictBlock(result.verdict, effect: effect),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.lines(
                        [
                            .init(values: result.synthetic, cssClass: "vg-impact__synthetic"),
                            .init(values: result.observed, cssClass: "vg-impact__observed"),
                        ],
                        months: model.impact.months, startIndex: startIndex, title: "Observed and synthetic \(model.metric.name)"))),
            .p(
                .class("nhsuk-body-s"), .span(.class("vg-key vg-impact--observed"), .text("The footprint")), .text(" "),
                .span(.class("vg-key vg-impact--synthetic"), .text("Synthetic control")),
                .text(" — \(model.metric.unit); the vertical line is the announcement.")),
            .h3(.text("The gap, against every placebo")),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.lines(
                        result.placeboGaps.keys.sorted().map {
                            ImpactChartSVG.Line(values: result.placeboGaps[$0]!, cssClass: "vg-impact__placebo")
                        }
                            + [.init(values: gaps, cssClass: "vg-impact__observed")],
                        months: model.impact.months, startIndex: startIndex, zeroLine: true,
                        title: "Gap between the footprint and its synthetic control, with placebo gaps"))),
            .p(.class("nhsuk-body-s"), .text("Grey: each area with no vanguard fitted the same way as if it had been one.")),
            whatTheFiguresMean(result),
            .h3(.text("What the synthetic control is made of")),
            areaWeights(result.weights, registry: model.registry),
            .p(.class("nhsuk-body-s"), .text("Pre-period error (RMSPE): \(SPCChartSVG.format(result.preRMSPE)) \(model.metric.unit)."))
        )
    }

    /// The areas a counterfactual is made of, heaviest first, each linked to its page.
    static func areaWeights(_ weights: [String: Double], registry: Registry) -> Node<HTML.BodyContext> {
        let names = Dictionary(uniqueKeysWithValues: registry.areas.map { ($0.code, $0.name) })
        return .table(
            .class("nhsuk-table"),
            .thead(.tr(.th(.text("Area")), .th(.text("Weight")))),
            .tbody(
                .forEach(weights.sorted { $0.value > $1.value }) { code, weight in
                    .tr(
                        .td(.a(.safeHref(SiteURL.area(code).path), .text(names[code] ?? code))),
                        .td(.text(String(format: "%.3f", weight))))
                })
        )
    }

    /// The interval and the p-value both come from the placebo effects, so they agree; Abadie's
    /// ratio test is a different question and is named as one, especially when it disagrees.
    static func whatTheFiguresMean(_ result: VanguardImpact.SyntheticResult) -> Node<HTML.BodyContext> {
        let intervalExcludesZero = result.lower > 0 || result.upper < 0
        let ratioDisagrees = intervalExcludesZero != (result.ratioPValue < 0.05)
        return .details(
            .class("nhsuk-details"), .if(ratioDisagrees, .safeAttribute(named: "open", value: "open")),
            .summary(
                .class("nhsuk-details__summary"),
                .span(.class("nhsuk-details__summary-text"), .text("What the interval and the p-values measure"))),
            .div(
                .class("nhsuk-details__text"),
                .p(
                    .text(
                        "The 95% interval and p = \(String(format: "%.3f", result.pValue)) are read from the same placebo effects: the effect each area with no vanguard shows when fitted as if it had been one. The interval is the footprint's effect less the middle 95% of those; p is the share of all \(result.units) areas, the footprint included, whose effect is at least as large, either way. An interval that leaves out zero goes with a small p."
                    )),
                .p(
                    .text(
                        "Abadie's test asks something else: it ranks areas by how much their gap grew after the start relative to how well their control fitted before it. Here the footprint ranks \(result.ratioRank) of \(result.units) (p = \(String(format: "%.3f", result.ratioPValue)))."
                    )),
                .if(
                    ratioDisagrees,
                    .p(
                        .strong(
                            .text(
                                intervalExcludesZero
                                    ? "The two disagree here: the effect is larger than placebo areas show, but the control fitted the footprint loosely before the start, so relative to that error the change after it is not unusual. Read the effect with that in mind."
                                    : "The two disagree here: the effect is within the range placebo areas show, but the control fitted the footprint closely before the start, so relative to that small error the change after it stands out. The size of the effect is what the interval gives."
                            ))))
            )
        )
    }

    static func differenceInDifferences(_ model: Model, _ result: VanguardImpact.DiDResult, startIndex: Int?) -> Node<HTML.BodyContext> {
        let effect =
            "\(percent(result.relativeEffect)) against matched comparison areas after the start (95% interval \(percent(result.lower)) to \(percent(result.upper)), from \(result.placebos) placebo areas; clustered standard error of the log rate \(String(format: "%.4f", result.clusteredStandardError)))."
        let names = Dictionary(uniqueKeysWithValues: model.registry.areas.map { ($0.code, $0.name) })
        return .section(
            .class("vg-metric"),
            .h2(.text("Matched comparison (difference-in-differences)")),
            verdictBlock(result.verdict, effect: effect),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.lines(
                        [
                            .init(values: result.comparisonMean, cssClass: "vg-impact__synthetic"),
                            .init(values: result.treatedMean, cssClass: "vg-impact__observed"),
                        ],
                        months: model.impact.months, startIndex: startIndex, title: "The footprint and its comparison areas"))),
            .h3(.text("Effect by quarter since the start (event study)")),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.eventStudy(
                        quarters: result.eventQuarters, effects: result.eventEffects, lower: result.eventLower, upper: result.eventUpper,
                        title: "Effect by quarter since the start, with 95% intervals"))),
            .p(
                .class("nhsuk-body-s"),
                .text(
                    "Before the start the points should sit around zero. The pre-trend test measures how far the footprint moved from its comparison areas before the start, quarter by quarter, and compares it with how far each area with no vanguard moved from its own comparison areas: p = \(String(format: "%.3f", result.preTrendPValue)) is the share that moved at least as far. Quarter −1 is the reference; the bars are clustered 95% intervals, which are too narrow with so few treated areas, so the verdict does not rest on them."
                )),
            .p(
                .text(
                    "Comparison areas (nearest on level, trend and population before the start): "
                        + result.comparisonAreas.map { names[$0] ?? $0 }.joined(separator: "; ") + ".")),
            .if(
                !result.unmatchedAreas.isEmpty,
                .p(.text("Left out, no close match: " + result.unmatchedAreas.map { names[$0] ?? $0 }.joined(separator: "; ") + ".")))
        )
    }
}

/// Every impact estimate in one table.
enum ImpactNationalPage {
    struct Model {
        let summaries: [ImpactSummary]
        let waves: [WaveImpactResult]
        let metrics: [String: Metric]
        let registry: Registry
        let isGenerated: Bool
        let computedAt: Date?
    }

    static func cell(_ estimate: ImpactSummary.Estimate?) -> Node<HTML.BodyContext> {
        guard let estimate else { return .text("–") }
        guard estimate.isReliable else { return .span(.class("vg-not-reliable"), .text("not reliable")) }
        return .text(
            "\(ImpactChartSVG.percent(estimate.relativeEffect)) (\(ImpactChartSVG.percent(estimate.lower)) to \(ImpactChartSVG.percent(estimate.upper)))"
        )
    }

    /// How many estimates each method could stand behind, and what the others failed, so that a
    /// column of "not reliable" reads as a finding about the data, not a broken page.
    static func whyNotReliable(_ summaries: [ImpactSummary]) -> Node<HTML.BodyContext> {
        let synthetic = summaries.compactMap(\.synthetic), matched = summaries.compactMap(\.differenceInDifferences)
        let syntheticReliable = synthetic.filter(\.isReliable).count, matchedReliable = matched.filter(\.isReliable).count
        let weighted = summaries.compactMap(\.syntheticDifferenceInDifferences)
        return .group(
            .h2(.text("Why some estimates are not reliable")),
            .ul(
                .li(
                    .text(
                        "Synthetic difference-in-differences: \(weighted.filter(\.isReliable).count) of \(weighted.count) reliable, on the same check as the synthetic control; it allows a constant difference in level, so it passes where the footprint runs parallel to its areas at another level."
                    )),
                .li(
                    .text(
                        "Synthetic control: \(syntheticReliable) of \(synthetic.count) reliable. The others did not track their footprint before the start: the control's error then was more than half the footprint's own month-to-month spread, so what it says about afterwards cannot be trusted."
                    )),
                .li(
                    .text(
                        "Matched comparison: \(matchedReliable) of \(matched.count) reliable. The others failed the pre-trend test: before the start their footprint was already drifting from its comparison areas further than 95% of areas with no vanguard drift from theirs. The test is calibrated on those areas, so where trends really are parallel it fails about one estimate in twenty; more failures than that say the footprints were on a different course before they started, which is the data, not the method. The synthetic control, which weights areas to follow the footprint's own course, is the estimate to read there."
                    ))
            )
        )
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Impact estimates", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Impact estimates")),
                .if(
                    model.isGenerated,
                    Components.warning(
                        "Generated data", "These estimates are fitted to generated demonstration data with known effects built in.")),
                .p(
                    .text(
                        "For every vanguard and every metric of its care model: the change after its announcement against a synthetic control, by synthetic difference-in-differences and against matched comparison areas, with 95% intervals. Estimates whose method fails its check say \"not reliable\" instead of a number; \"read first\" names the method that passed its check and followed the footprint most closely before the start."
                    )),
                .unwrap(model.computedAt) {
                    .p(.class("nhsuk-body-s"), .text("Fitted \(DateText.short($0)) from the returns then stored."))
                },
                .if(!model.waves.isEmpty, waves(model)),
                .if(!model.summaries.isEmpty, whyNotReliable(model.summaries)),
                .if(
                    model.summaries.isEmpty, .p(.text("No estimates yet: they are fitted when returns arrive.")),
                    else: .table(
                        .class("nhsuk-table"),
                        .thead(
                            .tr(
                                .th(.text("Vanguard")), .th(.text("Metric")), .th(.text("Synthetic control")),
                                .th(.text("Synthetic DiD")), .th(.text("Matched comparison")), .th(.text("Read first")),
                                .th(.text("")))),
                        .tbody(
                            .forEach(model.summaries) { summary in
                                let vanguard = model.registry.vanguard(number: summary.vanguardNumber)
                                return .tr(
                                    .td(.unwrap(vanguard, { Components.vanguardLink($0) }, else: .text("\(summary.vanguardNumber)"))),
                                    .td(.text(model.metrics[summary.metricCode]?.name ?? summary.metricCode)),
                                    .td(cell(summary.synthetic)),
                                    .td(cell(summary.syntheticDifferenceInDifferences)),
                                    .td(cell(summary.differenceInDifferences)),
                                    .td(.text(summary.preferred?.shortName ?? "none passed")),
                                    .td(
                                        .a(
                                            .safeHref(SiteURL.impactEstimate(summary.vanguardNumber, summary.metricCode).path),
                                            .text("Details")))
                                )
                            })
                    ))
            )
        )
    }
}
