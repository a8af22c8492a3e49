import Foundation

/// The charts Making Data Count offers beside XmR, as qicharts2 0.8.1 draws them: run charts
/// judged by Anhøj's rules, P charts of proportions and U charts of rates of counts, and Laney's
/// P′ and U′, whose limits widen by the spread seen between subgroups when denominators are large
/// (every monthly NHS count is). Algorithm: `Tests/VanguardCoreTests/Fixtures/spc/attribute/SPEC.md`.
public struct AttributeChart: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case run, p, u
        /// P′ (Laney).
        case pp
        /// U′ (Laney).
        case up

        var hasLimits: Bool { self != .run }
        var isProportion: Bool { self == .p || self == .pp }
        var isLaney: Bool { self == .pp || self == .up }
    }

    public struct Input: Sendable, Equatable {
        public var kind: Kind
        /// Numerators, or the values of a run chart without denominators; nil for a missing point.
        public var numerators: [Double?]
        /// Denominators; nil for a run chart of plain values.
        public var denominators: [Double?]?
        /// The first `freeze` points fix the centre and limits (ignored when `partStarts` is given).
        public var freeze: Int?
        /// Indices where a new part starts (0-based; qicharts2's `part`).
        public var partStarts: [Int]
        /// Indices left out of the centre line, Laney's spread and the runs analysis.
        public var exclude: [Int]
        /// Applied to values, centre and limits after the calculation (100 for percent).
        public var multiply: Double
        /// Laney: keep only moving ranges below 3.267 × their mean.
        public var screenMovingRanges: Bool

        public init(
            kind: Kind, numerators: [Double?], denominators: [Double?]? = nil, freeze: Int? = nil, partStarts: [Int] = [],
            exclude: [Int] = [],
            multiply: Double = 1, screenMovingRanges: Bool = true
        ) {
            self.kind = kind
            self.numerators = numerators
            self.denominators = denominators
            self.freeze = freeze
            self.partStarts = partStarts
            self.exclude = exclude
            self.multiply = multiply
            self.screenMovingRanges = screenMovingRanges
        }
    }

    public struct Point: Sendable, Equatable {
        public let value: Double?
        public let centre: Double?
        public let lcl: Double?
        public let ucl: Double?
        public let lcl95: Double?
        public let ucl95: Double?
        public let sigmaSignal: Bool
        public let runsSignal: Bool
        public let part: Int
        public let isBaseline: Bool
        public let isIncluded: Bool
        /// +1 above the centre, −1 below, 0 on it; nil when missing or excluded.
        public let side: Int?
    }

    public struct Laney: Sendable, Equatable {
        public let averageMovingRange: Double?
        public let sigmaZ: Double?
        public let movingRanges: Int
    }

    public struct Part: Sendable, Equatable {
        public let number: Int
        public let startIndex: Int
        public let endIndex: Int
        public let observations: Int
        public let usefulObservations: Int
        public let centre: Double?
        public let longestRun: Int?
        public let longestRunMax: Int?
        public let crossings: Int?
        public let crossingsMin: Int?
        public let runsSignal: Bool
        public let sigmaSignals: Int
        public let averageLCL: Double?
        public let averageUCL: Double?
        public let runLengths: [Int]
        public let laney: Laney?
    }

    public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
        case noValues
        case denominatorsNeeded(Kind)
        case lengthsDiffer(numerators: Int, denominators: Int)
        case notFinite(field: String, index: Int)
        case negative(field: String, index: Int)
        case countWithoutDenominator(index: Int)
        case proportionAboveOne(index: Int)

        public var description: String {
            switch self {
            case .noValues: "values (or numerators) must hold at least one point"
            case .denominatorsNeeded(let kind): "a \(kind.rawValue) chart needs numerators and denominators"
            case .lengthsDiffer(let numerators, let denominators):
                "numerators has \(numerators) points and denominators \(denominators): give one of each per point"
            case .notFinite(let field, let index): "\(field)[\(index)] is not a finite number"
            case .negative(let field, let index): "\(field)[\(index)] is negative"
            case .countWithoutDenominator(let index): "numerators[\(index)] is above 0 while denominators[\(index)] is 0"
            case .proportionAboveOne(let index): "numerators[\(index)] is larger than denominators[\(index)], so it is not a proportion"
            }
        }
    }

    public let kind: Kind
    public let runsSignal: Bool
    public let sigmaSignals: Int
    public let parts: [Part]
    public let points: [Point]

    public init(_ input: Input) throws(InputError) {
        let count = input.numerators.count
        guard count > 0 else { throw .noValues }
        let values = try Self.plottedValues(input)
        kind = input.kind
        let starts = [0] + Set(input.partStarts.filter { $0 > 0 && $0 < count }).sorted()
        let excluded = Set(input.exclude)
        // Freeze is ignored when parts are given, as in qicharts2.
        let freeze = input.partStarts.contains(where: { $0 > 0 && $0 < count }) ? nil : input.freeze
        var parts: [Part] = []
        var points: [Point] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : count - 1
            let (part, partPoints) = Self.part(
                number: number + 1, range: start...end, values: values, input: input, excluded: excluded, freeze: freeze
            )
            parts.append(part)
            points += partPoints
        }
        self.parts = parts
        self.points = points
        runsSignal = parts.contains(where: \.runsSignal)
        sigmaSignals = points.filter(\.sigmaSignal).count
    }

    /// Each point's plotted value before `multiply` (NaN when missing), and its denominator (0 when missing).
    static func plottedValues(_ input: Input) throws(InputError) -> [(value: Double, numerator: Double?, denominator: Double)] {
        for (index, value) in input.numerators.enumerated() {
            if let value, !value.isFinite { throw .notFinite(field: input.denominators == nil ? "values" : "numerators", index: index) }
        }
        guard let denominators = input.denominators else {
            guard !input.kind.hasLimits else { throw .denominatorsNeeded(input.kind) }
            return input.numerators.map { ($0 ?? .nan, $0, 0) }
        }
        guard denominators.count == input.numerators.count else {
            throw .lengthsDiffer(numerators: input.numerators.count, denominators: denominators.count)
        }
        var result: [(value: Double, numerator: Double?, denominator: Double)] = []
        for (index, (numerator, denominator)) in zip(input.numerators, denominators).enumerated() {
            if let denominator, !denominator.isFinite { throw .notFinite(field: "denominators", index: index) }
            if let denominator, denominator < 0 { throw .negative(field: "denominators", index: index) }
            if let numerator, numerator < 0, input.kind.hasLimits { throw .negative(field: "numerators", index: index) }
            // A subgroup missing either half is missing whole: no numerator, no denominator.
            guard let numerator, let denominator else {
                result.append((.nan, nil, 0))
                continue
            }
            if denominator == 0, numerator != 0 { throw .countWithoutDenominator(index: index) }
            if input.kind.isProportion, numerator > denominator { throw .proportionAboveOne(index: index) }
            // One division, never a multiplication by a reciprocal: points exactly on the centre line matter.
            result.append((numerator / denominator, numerator, denominator))
        }
        return result
    }

    static func part(
        number: Int, range: ClosedRange<Int>, values: [(value: Double, numerator: Double?, denominator: Double)], input: Input,
        excluded: Set<Int>, freeze: Int?
    ) -> (Part, [Point]) {
        let kind = input.kind
        let isBaseline = { (index: Int) in freeze.map { index < $0 } ?? true }
        let base = range.filter { isBaseline($0) && !excluded.contains($0) }

        // The centre line: the median for run charts, the pooled proportion or rate otherwise.
        let centre: Double
        if kind.hasLimits {
            var numerators = 0.0
            var denominators = 0.0
            for index in base {
                guard let numerator = values[index].numerator else { continue }
                numerators += numerator
                denominators += values[index].denominator
            }
            centre = numerators / denominators
        } else {
            centre = RunChartAnalysis.median(base.map { values[$0].value }.filter { !$0.isNaN }) ?? .nan
        }

        // σ per point, widened by Laney's σ_z for the prime charts.
        func sigma(_ index: Int) -> Double {
            let n = values[index].denominator
            return kind.isProportion ? ((centre * (1 - centre)) / n).squareRoot() : (centre / n).squareRoot()
        }
        var laney: Laney?
        var sigmaZ = 1.0
        if kind.isLaney {
            let z = base.map { (values[$0].value - centre) / sigma($0) }
            var ranges: [Double] = []
            if z.count > 1 {
                for index in 1..<z.count {
                    let range = abs(z[index] - z[index - 1])
                    if !range.isNaN { ranges.append(range) }
                }
            }
            var average = RMean.mean(ranges)
            if input.screenMovingRanges, let first = average {
                ranges = ranges.filter { $0 < XmRChart.screeningFactor * first }
                average = RMean.mean(ranges)
            }
            sigmaZ = (average ?? .nan) / 1.128
            laney = Laney(averageMovingRange: average, sigmaZ: average.map { _ in sigmaZ }, movingRanges: ranges.count)
        }

        func line(_ value: Double, upper: Bool) -> Double? {
            guard value.isFinite else { return nil }
            if upper, kind.isProportion, value > 1 { return 1 * input.multiply }
            if !upper, value < 0 { return 0 }
            return value * input.multiply
        }

        // Runs: every included point of the part, baseline or not, against the centre line.
        var sides: [Int: Int] = [:]
        for index in range where !excluded.contains(index) && !values[index].value.isNaN && !centre.isNaN {
            let difference = values[index].value - centre
            sides[index] = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
        }
        var runLengths: [Int] = []
        var previous: Int?
        for index in range {
            guard let side = sides[index], side != 0 else { continue }
            if side == previous { runLengths[runLengths.count - 1] += 1 } else { runLengths.append(1) }
            previous = side
        }
        let useful = runLengths.reduce(0, +)
        let limits = RunChartAnalysis.limits(usefulObservations: useful)
        let longestRun = useful > 0 ? runLengths.max() : nil
        let crossings = useful > 0 ? runLengths.count - 1 : nil
        let runsSignal: Bool = {
            guard let longestRun, let crossings, let longestMax = limits.longestRunMax, let crossingsMin = limits.crossingsMin else {
                return false
            }
            return longestRun > longestMax || crossings < crossingsMin
        }()

        var points: [Point] = []
        for index in range {
            let value = values[index].value
            var lcl: Double?, ucl: Double?, lcl95: Double?, ucl95: Double?
            if kind.hasLimits {
                let s = sigma(index) * sigmaZ
                ucl = line(centre + 3 * s, upper: true)
                lcl = line(centre - 3 * s, upper: false)
                ucl95 = line(centre + 2 * s, upper: true)
                lcl95 = line(centre - 2 * s, upper: false)
            }
            let shown = value.isNaN ? nil : value * input.multiply
            let signal: Bool = {
                guard let shown, let lcl, let ucl else { return false }
                return shown > ucl || shown < lcl
            }()
            points.append(
                Point(
                    value: shown, centre: centre.isNaN ? nil : centre * input.multiply, lcl: lcl, ucl: ucl, lcl95: lcl95, ucl95: ucl95,
                    sigmaSignal: signal, runsSignal: runsSignal, part: number, isBaseline: isBaseline(index),
                    isIncluded: !excluded.contains(index),
                    side: sides[index]
                ))
        }
        let part = Part(
            number: number, startIndex: range.lowerBound, endIndex: range.upperBound,
            observations: range.filter { !excluded.contains($0) }.count, usefulObservations: useful,
            centre: centre.isNaN ? nil : centre * input.multiply, longestRun: longestRun,
            longestRunMax: useful > 0 ? limits.longestRunMax : nil,
            crossings: crossings, crossingsMin: useful > 0 ? limits.crossingsMin : nil, runsSignal: runsSignal,
            sigmaSignals: points.filter(\.sigmaSignal).count,
            averageLCL: kind.hasLimits ? RMean.mean(points.compactMap(\.lcl)) : nil,
            averageUCL: kind.hasLimits ? RMean.mean(points.compactMap(\.ucl)) : nil,
            runLengths: runLengths, laney: laney
        )
        return (part, points)
    }
}
