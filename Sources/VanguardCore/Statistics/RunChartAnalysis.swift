import Foundation

/// Anhøj's run-chart rules (qicharts2 0.8.1): unusually long runs on one side of the median, or
/// unusually few crossings of it, signal non-random variation without any control limits.
public struct RunChartAnalysis: Sendable, Equatable {
    public let centreLine: Double?
    public let observations: Int
    /// Points not on the median (and not missing): the ones runs are counted over.
    public let usefulObservations: Int
    public let longestRun: Int
    public let longestRunMax: Int?
    public let crossings: Int
    public let crossingsMin: Int?

    public var signal: Bool {
        guard let longestRunMax, let crossingsMin else { return false }
        return longestRun > longestRunMax || crossings < crossingsMin
    }

    public init(values: [Double?]) {
        let known = values.compactMap { $0 }
        observations = values.count
        let centre = Self.median(known)
        centreLine = centre
        let sides = known.compactMap { value -> Int? in
            guard let centre else { return nil }
            return value > centre ? 1 : (value < centre ? -1 : nil)
        }
        usefulObservations = sides.count
        // A run ends where the side changes.
        var lengths: [Int] = []
        var previous: Int?
        for side in sides {
            if side == previous { lengths[lengths.count - 1] += 1 } else { lengths.append(1) }
            previous = side
        }
        longestRun = lengths.max() ?? 0
        crossings = max(lengths.count - 1, 0)
        (longestRunMax, crossingsMin) = Self.limits(usefulObservations: sides.count)
    }

    /// The thresholds for `n` useful observations: Schilling's longest run and Chen's fewest crossings.
    public static func limits(usefulObservations n: Int) -> (longestRunMax: Int?, crossingsMin: Int?) {
        guard n > 0 else { return (nil, nil) }
        let longest = Int(log2(Double(n)).rounded(.toNearestOrEven)) + 3
        return (longest, binomialQuantile(probability: 0.05, trials: n - 1))
    }

    /// R's `qbinom(p, size, 0.5)`: the smallest c with P(X ≤ c) ≥ p, with R's guard against rounding.
    static func binomialQuantile(probability p: Double, trials: Int) -> Int {
        guard trials > 0 else { return 0 }
        let target = p * (1 - 64 * Double.ulpOfOne)
        var cumulative = 0.0
        for c in 0...trials {
            cumulative += exp(logChoose(trials, c) - Double(trials) * log(2.0))
            if cumulative >= target { return c }
        }
        return trials
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
