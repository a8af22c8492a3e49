import Foundation
import Testing

@testable import VanguardCore

/// Run, P, U, P′ and U′ charts against qicharts2 0.8.1's own output (`Fixtures/spc/attribute`):
/// numbers within 1e-12 of the centre's scale, flags, counts and nulls exactly.
@Suite("Run and attribute charts match qicharts2") struct AttributeChartTests {
    struct Reference: Decodable {
        struct Case: Decodable, CustomTestStringConvertible {
            struct Input: Decodable {
                let y: [Double?]
                let n: [Double?]?
                let freeze: Int?
                let part: [Int]?
                let exclude: [Int]?
                let multiply: Double
                let screened_mr: Bool?
            }

            struct Expected: Decodable {
                struct Part: Decodable {
                    let part: Int
                    let start_index: Int
                    let end_index: Int
                    let n_obs: Int
                    let n_useful: Int
                    let cl: Double?
                    let longest_run: Int?
                    let longest_run_max: Int?
                    let n_crossings: Int?
                    let n_crossings_min: Int?
                    let runs_signal: Bool
                    let sigma_signal: Int
                    let a_lcl: Double?
                    let a_ucl: Double?
                    let run_lengths: [Int]
                    let laney: Laney?
                }

                struct Laney: Decodable {
                    let amr: Double?
                    let sigma_z: Double?
                    let n_moving_ranges: Int
                }

                struct Points: Decodable {
                    let y: [Double?]
                    let cl: [Double?]
                    let lcl: [Double?]
                    let ucl: [Double?]
                    let lcl_95: [Double?]
                    let ucl_95: [Double?]
                    let sigma_signal: [Bool]
                    let runs_signal: [Bool]
                    let part: [Int]
                    let baseline: [Bool]
                    let include: [Bool]
                    let side: [Int?]
                }

                let runs_signal: Bool
                let sigma_signal: Int
                let parts: [Part]
                let points: Points
            }

            let name: String
            let chart: String
            let input: Input
            let expected: Expected
            var testDescription: String { name }
        }

        struct LimitsTable: Decodable {
            let n_useful: [Int]
            let longest_run_max: [Int]
            let n_crossings_min: [Int]
        }

        let cases: [Case]
        let limits_table: LimitsTable
    }

    static let reference: Reference = {
        let url = ProjectFiles.fixtures.appendingPathComponent("spc/attribute/cases.json")
        // A fixture committed with the tests: if it cannot be read, every test here fails at once.
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func close(_ actual: Double?, _ expected: Double?, scale: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case let (actual?, expected?): return abs(actual - expected) <= 1e-12 * max(abs(expected), abs(scale ?? 0))
        default: return false
        }
    }

    static func chart(_ reference: Reference.Case) throws -> AttributeChart {
        let input = reference.input
        // qic's `part` names the last point before each break (1-based), so a new part starts at that 0-based index.
        return try AttributeChart(
            AttributeChart.Input(
                kind: AttributeChart.Kind(rawValue: reference.chart)!, numerators: input.y, denominators: input.n, freeze: input.freeze,
                partStarts: input.part ?? [], exclude: input.exclude ?? [], multiply: input.multiply,
                screenMovingRanges: input.screened_mr ?? true
            ))
    }

    @Test(arguments: reference.cases)
    func matchesQicharts2(reference: Reference.Case) throws {
        let chart = try Self.chart(reference)
        let expected = reference.expected
        #expect(chart.runsSignal == expected.runs_signal)
        #expect(chart.sigmaSignals == expected.sigma_signal)
        #expect(chart.parts.count == expected.parts.count)
        for (part, wanted) in zip(chart.parts, expected.parts) {
            let scale = wanted.cl
            #expect(part.number == wanted.part && part.startIndex == wanted.start_index && part.endIndex == wanted.end_index)
            #expect(part.observations == wanted.n_obs && part.usefulObservations == wanted.n_useful, "part \(wanted.part)")
            #expect(Self.close(part.centre, wanted.cl, scale: scale), "cl of part \(wanted.part): \(String(describing: part.centre))")
            #expect(part.longestRun == wanted.longest_run && part.longestRunMax == wanted.longest_run_max, "part \(wanted.part)")
            #expect(part.crossings == wanted.n_crossings && part.crossingsMin == wanted.n_crossings_min, "part \(wanted.part)")
            #expect(part.runsSignal == wanted.runs_signal && part.sigmaSignals == wanted.sigma_signal, "part \(wanted.part)")
            #expect(
                Self.close(part.averageLCL, wanted.a_lcl, scale: scale) && Self.close(part.averageUCL, wanted.a_ucl, scale: scale),
                "part \(wanted.part)")
            #expect(part.runLengths == wanted.run_lengths, "part \(wanted.part)")
            if let laney = wanted.laney {
                #expect(Self.close(part.laney?.averageMovingRange, laney.amr, scale: laney.amr), "amr of part \(wanted.part)")
                #expect(Self.close(part.laney?.sigmaZ, laney.sigma_z, scale: laney.sigma_z), "sigma_z of part \(wanted.part)")
                #expect(part.laney?.movingRanges == laney.n_moving_ranges)
            } else {
                #expect(part.laney == nil)
            }
        }
        let points = expected.points
        #expect(chart.points.count == points.y.count)
        for (index, point) in chart.points.enumerated() {
            let scale = points.cl[index]
            #expect(Self.close(point.value, points.y[index], scale: scale), "y[\(index)]")
            #expect(Self.close(point.centre, points.cl[index], scale: scale), "cl[\(index)]")
            #expect(
                Self.close(point.lcl, points.lcl[index], scale: scale) && Self.close(point.ucl, points.ucl[index], scale: scale),
                "limits[\(index)]: \(String(describing: point.lcl)), \(String(describing: point.ucl))")
            #expect(
                Self.close(point.lcl95, points.lcl_95[index], scale: scale) && Self.close(point.ucl95, points.ucl_95[index], scale: scale),
                "2-sigma[\(index)]")
            #expect(point.sigmaSignal == points.sigma_signal[index] && point.runsSignal == points.runs_signal[index], "signals[\(index)]")
            #expect(
                point.part == points.part[index] && point.isBaseline == points.baseline[index] && point.isIncluded == points.include[index],
                "[\(index)]")
            #expect(point.side == points.side[index], "side[\(index)]")
        }
    }

    @Test func theRunsLimitsAreRsForEveryCountTo1000() {
        let table = Self.reference.limits_table
        var wrong: [Int] = []
        for (index, n) in table.n_useful.enumerated() {
            let limits = RunChartAnalysis.limits(usefulObservations: n)
            if limits.longestRunMax != table.longest_run_max[index] || limits.crossingsMin != table.n_crossings_min[index] {
                wrong.append(n)
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func inputThatCannotMakeAChartIsNamed() {
        #expect(throws: AttributeChart.InputError.denominatorsNeeded(.p)) { try AttributeChart(.init(kind: .p, numerators: [1, 2])) }
        #expect(throws: AttributeChart.InputError.countWithoutDenominator(index: 1)) {
            try AttributeChart(.init(kind: .u, numerators: [1, 2], denominators: [3, 0]))
        }
        #expect(throws: AttributeChart.InputError.proportionAboveOne(index: 0)) {
            try AttributeChart(.init(kind: .p, numerators: [5], denominators: [3]))
        }
        #expect(throws: AttributeChart.InputError.lengthsDiffer(numerators: 2, denominators: 1)) {
            try AttributeChart(.init(kind: .u, numerators: [1, 2], denominators: [3]))
        }
        #expect(throws: AttributeChart.InputError.noValues) { try AttributeChart(.init(kind: .run, numerators: [])) }
    }
}
