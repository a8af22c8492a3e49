import Foundation

/// Chooses comparison areas for difference-in-differences: for each treated area, the nearest
/// untreated areas on pre-period level, pre-period trend and population (each standardised over
/// all areas), within a caliper. Treated areas with no neighbour inside it are reported, not forced.
public struct ComparisonMatching: Sendable {
    public struct Profile: Sendable, Equatable {
        public let unit: String
        public let level: Double
        public let trend: Double
        public let population: Double

        public init(unit: String, level: Double, trend: Double, population: Double) {
            self.unit = unit
            self.level = level
            self.trend = trend
            self.population = population
        }

        /// The mean and least-squares slope per time of a pre-period series.
        public init(unit: String, preValues: [Double], population: Double) {
            let n = Double(preValues.count)
            let mean = preValues.reduce(0, +) / n
            let middle = (n - 1) / 2
            var numerator = 0.0, denominator = 0.0
            for (t, value) in preValues.enumerated() {
                numerator += (Double(t) - middle) * (value - mean)
                denominator += (Double(t) - middle) * (Double(t) - middle)
            }
            self.init(unit: unit, level: mean, trend: denominator > 0 ? numerator / denominator : 0, population: population)
        }
    }

    public struct Match: Sendable, Equatable {
        public let treated: String
        public let comparisons: [(unit: String, distance: Double)]

        public static func == (a: Match, b: Match) -> Bool {
            a.treated == b.treated && a.comparisons.map(\.unit) == b.comparisons.map(\.unit)
        }
    }

    public let neighbours: Int
    /// The largest standardised distance accepted.
    public let caliper: Double

    public init(neighbours: Int = 3, caliper: Double = 1.5) {
        self.neighbours = neighbours
        self.caliper = caliper
    }

    public func match(treated: [Profile], pool: [Profile]) -> (matches: [Match], unmatched: [String], comparison: [String]) {
        let everyone = treated + pool
        func scale(_ values: [Double]) -> Double {
            let sd = SampleStatistics.standardDeviation(values)
            return sd > 0 ? sd : 1
        }
        let levelScale = scale(everyone.map(\.level)), trendScale = scale(everyone.map(\.trend))
        let populationScale = scale(everyone.map { log(max($0.population, 1)) })
        func distance(_ a: Profile, _ b: Profile) -> Double {
            let dl = (a.level - b.level) / levelScale, dt = (a.trend - b.trend) / trendScale
            let dp = (log(max(a.population, 1)) - log(max(b.population, 1))) / populationScale
            return (dl * dl + dt * dt + dp * dp).squareRoot()
        }
        var matches: [Match] = [], unmatched: [String] = [], chosen: [String] = []
        for unit in treated {
            let candidates: [(String, Double)] = pool.map { (candidate: Profile) -> (String, Double) in
                (candidate.unit, distance(unit, candidate))
            }
            let inside = candidates.filter { $0.1 <= caliper }
            let nearest = inside.sorted { (a: (String, Double), b: (String, Double)) -> Bool in a.1 == b.1 ? a.0 < b.0 : a.1 < b.1 }.prefix(
                neighbours)
            if nearest.isEmpty {
                unmatched.append(unit.unit)
                continue
            }
            matches.append(Match(treated: unit.unit, comparisons: nearest.map { (unit: $0.0, distance: $0.1) }))
            for (name, _) in nearest where !chosen.contains(name) { chosen.append(name) }
        }
        return (matches, unmatched, chosen)
    }
}
