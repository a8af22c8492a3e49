import Foundation
import Plot
import VanguardCore

extension ImpactNationalPage {
    /// Each care model's effect by quarter since the start, its waves as cohorts: the programme's
    /// own question ("did the model work?") rather than one site's.
    static func waves(_ model: Model) -> Node<HTML.BodyContext> {
        let byCareModel = Dictionary(grouping: model.waves, by: \.careModel)
        return .section(
            .class("vg-metric"),
            .h2(.text("By care model, each wave a cohort")),
            .p(
                .text(
                    "Every area whose first vanguard is of the care model is counted from that vanguard's announcement, so each wave (March, July and September 2015) is a cohort; areas with no vanguard, and the model's areas not yet started, are the comparison (Callaway & Sant'Anna, 2021, on log rates). Before the start each point is the month-to-month change against the comparison, which should sit around zero; from the start, the change since the month before it. Intervals are 95% from a bootstrap that redraws areas within each wave and among the comparison areas."
                )),
            .forEach(byCareModel.keys.sorted()) { careModel in
                .group(
                    .h3(.text("\(careModel.name) (\(careModel.abbreviation))")),
                    .forEach(byCareModel[careModel]!) { result in
                        wave(result, metricName: model.metrics[result.metricCode]?.name ?? result.metricCode)
                    })
            }
        )
    }

    static func wave(_ result: WaveImpactResult, metricName: String) -> Node<HTML.BodyContext> {
        guard let estimate = result.estimate else {
            return .div(
                .class("nhsuk-warning-callout"),
                .h4(.class("nhsuk-warning-callout__label"), .text("\(metricName): not estimable")),
                .p(.text("No estimate by wave: \(result.notEstimable ?? "it could not be fitted").")))
        }
        let cohorts = estimate.cohorts.map { "\($0.areas) areas from \($0.start)" }.joined(separator: "; ")
        let percent = ImpactChartSVG.percent
        return .group(
            .h4(.text(metricName)),
            .p(
                .text(
                    "\(percent(estimate.overallEffect)) after the start on average (95% interval \(percent(estimate.overallLower)) to \(percent(estimate.overallUpper))): \(cohorts), against \(estimate.comparisonAreas) areas with no vanguard; \(estimate.bootstrapReplications) bootstrap draws."
                )),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    ImpactChartSVG.eventStudy(
                        quarters: estimate.eventQuarters, effects: estimate.effects, lower: estimate.lower, upper: estimate.upper,
                        title: "\(metricName), \(result.careModel.abbreviation): effect by quarter since the start, with 95% intervals")))
        )
    }
}
