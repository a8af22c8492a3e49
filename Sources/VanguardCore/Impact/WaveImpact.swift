import Foundation

/// The effect of one care model's vanguards on one metric, with each wave a cohort: every area
/// whose first vanguard is of this care model is treated from that vanguard's announcement month,
/// against the areas with no vanguard and the model's areas not yet started (Callaway & Sant'Anna
/// through `StaggeredAdoption`, on log rates), averaged by quarter since the start. Areas first
/// covered by another care model are left out: they are neither untreated nor this model's.
///
/// Intervals come from a cluster bootstrap: areas drawn with replacement within each wave and among
/// the comparison areas (seeded, so a refit draws the same), the whole estimate recomputed each time.
/// A care model has few treated areas (often under ten), and with few clusters the bootstrap's
/// percentiles are too narrow: drawing G areas from G with replacement spreads a mean by only
/// (G − 1)/G of its variance, and the normal tails are too thin for a spread estimated from G. So
/// the interval is the estimate ± t(0.975, G − 1) × the draws' standard deviation × √(G/(G − 1)),
/// G the treated areas (the correction CR1 makes to cluster-robust errors, with the t that
/// few-cluster inference calls for). The percentile interval held the truth in 90% of quarters
/// of the recovery study; this one in the share the README reports.
public struct WaveImpact: Codable, Sendable, Equatable {
    public struct Cohort: Codable, Sendable, Equatable {
        /// The announcement month the cohort's areas start from.
        public let start: Month
        public let areas: Int
    }

    public let careModel: CareModel
    public let metricCode: String
    public let cohorts: [Cohort]
    public let comparisonAreas: Int
    /// Quarters since the start (0 is the first three months from it), with the effect as a
    /// fraction and its 95% interval from the bootstrap's spread. Before the start each quarter is the month-to-month
    /// change against the comparison (a pre-trend check, near zero when trends are parallel); from
    /// it on, the change since the month before the start.
    public let eventQuarters: [Int]
    public let effects: [Double]
    public let lower: [Double]
    public let upper: [Double]
    /// The mean of the monthly effects from the start on, as a fraction, with its interval.
    public let overallEffect: Double
    public let overallLower: Double
    public let overallUpper: Double
    public let bootstrapReplications: Int

    public static let replications = 199
    static let seed: UInt64 = 2015
    static let quarters = -8...11

    /// - Parameters:
    ///   - rates: area → month → rate, for this metric.
    public init(careModel: CareModel, metric: Metric, registry: Registry, rates: [String: [Month: Double]]) throws(ImpactError) {
        self.careModel = careModel
        metricCode = metric.code
        var starts: [String: Month] = [:]
        var comparison: [String] = []
        for area in registry.areas where rates[area.code] != nil {
            guard let first = registry.vanguards(covering: area.code).min(by: { $0.announced < $1.announced }) else {
                comparison.append(area.code)
                continue
            }
            if first.careModel == careModel { starts[area.code] = Month(year: first.announced.year, month: first.announced.month) }
        }
        guard !starts.isEmpty else { throw .invalid("care_model", "no area of a \(careModel.abbreviation) vanguard reports this metric") }
        guard comparison.count >= 2 else { throw .invalid("donors", "fewer than two areas with no vanguard report this metric") }
        let treatedAreas = starts.keys.sorted()
        var common = Set(rates[treatedAreas[0]]!.keys)
        for area in treatedAreas + comparison { common.formIntersection(rates[area]!.keys) }
        let months = common.sorted()
        guard let firstStart = starts.values.min(), months.filter({ $0 < firstStart }).count >= 12 else {
            throw .invalid("time", "fewer than twelve months of returns before the first wave started")
        }
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($0.element, $0.offset) })
        let outcomes = (treatedAreas + comparison).map { area in months.map { log(max(rates[area]![$0]!, 1e-9)) } }
        let unitCohorts: [Int?] =
            treatedAreas.map { area in index[starts[area]!] ?? months.firstIndex { $0 >= starts[area]! } ?? months.count }
            + comparison.map { _ in nil }
        let design = try StaggeredAdoption(times: Array(months.indices), outcomes: outcomes, cohorts: unitCohorts)
        cohorts = design.cohortSizes.map { Cohort(start: months[$0.cohort], areas: $0.units) }
        comparisonAreas = comparison.count
        let point = Self.estimate(design)
        eventQuarters = point.quarters
        effects = point.effects.map { exp($0) - 1 }
        overallEffect = exp(point.overall) - 1

        // The bootstrap: the same strata, the same sizes, areas drawn with replacement.
        var strata = Dictionary(grouping: design.cohorts.indices, by: { design.cohorts[$0] ?? -1 })
        for key in strata.keys { strata[key]!.sort() }
        var generator = SeededRandom(seed: Self.seed)
        var draws: [[Double]] = Array(repeating: [], count: point.quarters.count)
        var overallDraws: [Double] = []
        for _ in 0..<Self.replications {
            var drawn: [Int] = []
            for key in strata.keys.sorted() {
                let members = strata[key]!
                for _ in members { drawn.append(members[Int(generator.next() % UInt64(members.count))]) }
            }
            guard
                let resampled = try? StaggeredAdoption(
                    times: design.times, outcomes: drawn.map { design.outcomes[$0] }, cohorts: drawn.map { design.cohorts[$0] })
            else { continue }
            let replicate = Self.estimate(resampled)
            let byQuarter = Dictionary(uniqueKeysWithValues: zip(replicate.quarters, replicate.effects))
            for (slot, quarter) in point.quarters.enumerated() {
                if let value = byQuarter[quarter] { draws[slot].append(value) }
            }
            overallDraws.append(replicate.overall)
        }
        let clusters = treatedAreas.count
        let halfWidthPerSpread =
            clusters >= 2
            ? StudentT.quantile975(degreesOfFreedom: clusters - 1) * (Double(clusters) / Double(clusters - 1)).squareRoot()
            : StudentT.quantile975(degreesOfFreedom: 1)
        guard overallDraws.count >= 2, draws.allSatisfy({ $0.count >= 2 }) else {
            throw .invalid("bootstrap", "too few redrawn sets of areas could be estimated to give an interval")
        }
        func interval(_ estimate: Double, _ draws: [Double]) -> (lower: Double, upper: Double) {
            let halfWidth = halfWidthPerSpread * SampleStatistics.standardDeviation(draws)
            return (exp(estimate - halfWidth) - 1, exp(estimate + halfWidth) - 1)
        }
        let intervals = zip(point.effects, draws).map { interval($0, $1) }
        lower = intervals.map(\.lower)
        upper = intervals.map(\.upper)
        (overallLower, overallUpper) = interval(point.overall, overallDraws)
        bootstrapReplications = overallDraws.count
    }

    /// The monthly event-time effects (log scale) averaged into quarters, and their overall mean
    /// from the start on.
    static func estimate(_ design: StaggeredAdoption) -> (quarters: [Int], effects: [Double], overall: Double) {
        let groupTime = design.groupTimeEffects(comparison: .notYetTreated)
        let monthly = design.eventTimeEffects(groupTime)
        var sums: [Int: (total: Double, count: Int)] = [:]
        for (eventTime, effect) in monthly {
            let quarter = Int((Double(eventTime) / 3).rounded(.down))
            guard quarters.contains(quarter) else { continue }
            sums[quarter, default: (0, 0)].total += effect
            sums[quarter, default: (0, 0)].count += 1
        }
        let ordered = sums.keys.sorted()
        let after = monthly.filter { $0.eventTime >= 0 }
        return (
            ordered, ordered.map { sums[$0]!.total / Double(sums[$0]!.count) },
            after.isEmpty ? 0 : after.reduce(0) { $0 + $1.effect } / Double(after.count)
        )
    }
}

/// One care model's wave estimate on one metric, or why there is none.
public struct WaveImpactResult: Codable, Sendable, Equatable {
    public let careModel: CareModel
    public let metricCode: String
    public let estimate: WaveImpact?
    public let notEstimable: String?

    public init(careModel: CareModel, metric: Metric, registry: Registry, rates: [String: [Month: Double]]) {
        self.careModel = careModel
        metricCode = metric.code
        do {
            estimate = try WaveImpact(careModel: careModel, metric: metric, registry: registry, rates: rates)
            notEstimable = nil
        } catch {
            estimate = nil
            notEstimable = error.reason
        }
    }
}
