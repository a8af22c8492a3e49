import Foundation
import VanguardCore

/// A summary line of the national table as the API gives it.
struct ImpactSummaryDTO: Encodable {
    let vanguardNumber: Int
    let metricCode: String
    @NullWhenAbsent var synthetic: ImpactSummary.Estimate?
    @NullWhenAbsent var differenceInDifferences: ImpactSummary.Estimate?
    @NullWhenAbsent var syntheticDifferenceInDifferences: ImpactSummary.Estimate?
    @NullWhenAbsent var preferred: VanguardImpact.Preference.Method?
    let url: String

    init(_ summary: ImpactSummary) {
        vanguardNumber = summary.vanguardNumber
        metricCode = summary.metricCode
        synthetic = summary.synthetic
        differenceInDifferences = summary.differenceInDifferences
        syntheticDifferenceInDifferences = summary.syntheticDifferenceInDifferences
        preferred = summary.preferred
        url = SiteURL.api(.impactEstimate(summary.vanguardNumber, summary.metricCode)).path
    }

    enum CodingKeys: String, CodingKey {
        case vanguardNumber, metricCode, synthetic, differenceInDifferences, syntheticDifferenceInDifferences, preferred, url
    }
}
