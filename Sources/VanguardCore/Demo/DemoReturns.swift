import Foundation

/// The effect the generator builds into a vanguard's area, kept so the evaluation can be checked
/// against the truth.
public struct InjectedEffect: Hashable, Sendable, Codable {
    public let areaCode: String
    public let metricCode: String
    public let vanguardNumber: Int
    /// The first month the effect shows (the vanguard's announcement month).
    public let start: Month
    /// The full effect as a fraction of the rate (−0.04 is 4% fewer), reached after `rampMonths`.
    public let relativeEffect: Double
    public let rampMonths: Int
}

/// Generated monthly returns for every area and metric, April 2013 to March 2019: population-based
/// rates with seasonality, a national trend, noise, and known effects in vanguard areas.
///
/// Nothing here is real data; every page that shows it says "generated data".
public struct DemoReturns: Sendable {
    public static let firstMonth = Month(year: 2013, month: 4)
    public static let lastMonth = Month(year: 2019, month: 3)

    /// What a metric looks like nationally, per month: the rate, its yearly drift and how seasonal it is.
    struct Profile {
        let rate: Double
        let yearlyTrend: Double
        let winterPeak: Double
        let noise: Double
        /// For percentages the drift is in points and the rate is capped at 100.
        let isPercentage: Bool
        let denominator: (SubICBLocation) -> Double
    }

    /// The effect each care model's vanguards are given on each metric they are judged by.
    static let effects: [CareModel: [String: Double]] = [
        .pacs: ["emergency_admissions": -0.04, "emergency_bed_days": -0.05, "ae_attendances": -0.02, "delayed_transfer_days": -0.10],
        .mcp: ["emergency_admissions": -0.03, "emergency_bed_days": -0.04, "ae_attendances": -0.02, "delayed_transfer_days": -0.08],
        .ehch: ["care_home_admissions": -0.15, "ae_attendances": -0.01],
        .uec: ["ae_four_hour": 0.02, "emergency_admissions": -0.01],
        .acc: ["referral_to_treatment_18_weeks": 0.015],
    ]

    public let seed: UInt64
    public let values: [ReturnValue]
    public let effects: [InjectedEffect]

    public init(seed: UInt64, registry: Registry, metrics: [Metric]) {
        self.seed = seed
        var random = SeededRandom(seed: seed)
        let months = Self.months
        var values: [ReturnValue] = []
        var effects: [InjectedEffect] = []
        for area in registry.areas {
            // The earliest vanguard covering the area decides its effect, as the programme's own
            // comparisons counted an area once.
            let vanguard = registry.vanguards(covering: area.code).min { $0.announced < $1.announced }
            for metric in metrics {
                guard let profile = Self.profile(metric.code) else { continue }
                let areaLevel = exp(0.12 * random.normal())
                var effect: InjectedEffect?
                if let vanguard, metric.careModels.contains(vanguard.careModel), let size = Self.effects[vanguard.careModel]?[metric.code] {
                    effect = InjectedEffect(
                        areaCode: area.code, metricCode: metric.code, vanguardNumber: vanguard.number,
                        start: Month(year: vanguard.announced.year, month: vanguard.announced.month), relativeEffect: size, rampMonths: 12
                    )
                    effects.append(effect!)
                }
                let denominator = profile.denominator(area)
                for (index, month) in months.enumerated() {
                    let years = Double(index) / 12
                    let season = 1 + profile.winterPeak * cos(2 * .pi * Double(month.month - 1) / 12)
                    var rate: Double
                    if profile.isPercentage {
                        rate =
                            (profile.rate + profile.yearlyTrend * years) * (1 + (areaLevel - 1) * 0.1) - profile.winterPeak * 100
                            * cos(2 * .pi * Double(month.month - 1) / 12)
                    } else {
                        rate = profile.rate * areaLevel * pow(1 + profile.yearlyTrend, years) * season
                    }
                    if let effect, month >= effect.start {
                        let elapsed = Double(Self.monthsBetween(effect.start, month) + 1)
                        let share = min(1, elapsed / Double(effect.rampMonths))
                        rate *= 1 + effect.relativeEffect * share
                    }
                    rate *= 1 + profile.noise * random.normal()
                    if profile.isPercentage { rate = min(100, max(0, rate)) }
                    let numerator = (max(0, rate) * denominator / metric.multiplier).rounded()
                    values.append(
                        ReturnValue(
                            areaCode: area.code, metricCode: metric.code, period: month, numerator: numerator, denominator: denominator))
                }
            }
        }
        self.values = values
        self.effects = effects
    }

    static var months: [Month] {
        var months: [Month] = []
        var month = firstMonth
        while month <= lastMonth {
            months.append(month)
            month = month.adding(months: 1)
        }
        return months
    }

    static func monthsBetween(_ start: Month, _ end: Month) -> Int {
        (end.year - start.year) * 12 + (end.month - start.month)
    }

    /// LSOAs hold about 1,650 people each, so their count gives a plausible population.
    static func population(_ area: SubICBLocation) -> Double { Double(area.lsoaCount) * 1650 }

    static func profile(_ code: String) -> Profile? {
        switch code {
        case "emergency_admissions":
            Profile(rate: 8.4, yearlyTrend: 0.03, winterPeak: 0.06, noise: 0.025, isPercentage: false, denominator: population)
        case "emergency_bed_days":
            Profile(rate: 38, yearlyTrend: 0.01, winterPeak: 0.08, noise: 0.03, isPercentage: false, denominator: population)
        case "ae_attendances":
            Profile(rate: 33, yearlyTrend: 0.02, winterPeak: -0.04, noise: 0.025, isPercentage: false, denominator: population)
        case "care_home_admissions":
            Profile(
                rate: 58, yearlyTrend: 0.02, winterPeak: 0.08, noise: 0.06, isPercentage: false,
                denominator: { ($0.lsoaCount * 8).roundedToHundreds })
        case "ae_four_hour":
            Profile(
                rate: 93, yearlyTrend: -1.2, winterPeak: 0.02, noise: 0.01, isPercentage: true,
                denominator: { (population($0) * 0.033).rounded() })
        case "delayed_transfer_days":
            Profile(
                rate: 12, yearlyTrend: 0.06, winterPeak: 0.05, noise: 0.05, isPercentage: false,
                denominator: { (population($0) * 0.79).rounded() })
        case "referral_to_treatment_18_weeks":
            Profile(
                rate: 93, yearlyTrend: -0.8, winterPeak: 0.005, noise: 0.004, isPercentage: true,
                denominator: { (population($0) * 0.07).rounded() })
        default: nil
        }
    }
}

extension Int {
    var roundedToHundreds: Double { Double((self + 50) / 100 * 100).rounded() }
}
