import Foundation
import Testing

@testable import VanguardCore

/// Conformal inference against scinference, the port of the authors' own package: the same
/// p-values for every null and the same intervals on the same grid, on its README's generated
/// panel and on California.
@Suite struct ConformalInferenceTests {
    struct Expected: Decodable {
        struct Case: Decodable {
            struct Method: Decodable {
                let nulls: [Double]
                let p_values: [Double]
                let lower: [Double?]
                let upper: [Double?]
            }
            let name: String
            let pre_periods: Int
            let post_periods: Int
            let alpha: Double
            let grid: [Double]
            let methods: [String: Method]
        }
        let cases: [Case]
    }

    static let fixtures = ProjectFiles.fixtures.appendingPathComponent("conformal")

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixtures.appendingPathComponent("expected.json")))
    }

    /// The treated series and the donors' of a case.
    static func panel(_ name: String) throws -> (treated: [Double], donors: [[Double]]) {
        if name == "california" {
            let (study, _, _) = try SyntheticDifferenceInDifferencesTests.california()
            return (study.outcomes[study.donorCount], Array(study.outcomes[0..<study.donorCount]))
        }
        let table = try CSVTable(fileName: "\(name).csv", data: Data(contentsOf: fixtures.appendingPathComponent("\(name).csv")))
        let columns = table.header.indices.map { column in table.rows.map { Double($0.fields[column])! } }
        return (columns[1], Array(columns[2...]))
    }

    static let estimators: [String: ConformalInference.Estimator] = ["sc": .syntheticControl, "did": .differenceInDifferences]

    @Test func pValuesAndGridIntervalsMatchScinference() throws {
        for expectedCase in try Self.expected().cases {
            let (treated, donors) = try Self.panel(expectedCase.name)
            for (name, expected) in expectedCase.methods {
                let inference = try ConformalInference(
                    treated: treated, donors: donors, prePeriodCount: expectedCase.pre_periods, estimator: Self.estimators[name]!)
                #expect(inference.postPeriodCount == expectedCase.post_periods)
                for (null, p) in zip(expected.nulls, expected.p_values) {
                    #expect(abs(inference.pValue(effects: [null]) - p) < 1e-12, "\(expectedCase.name) \(name) θ = \(null)")
                }
                for index in 0..<expectedCase.post_periods {
                    let interval = inference.interval(index, level: 1 - expectedCase.alpha, grid: expectedCase.grid)
                    #expect(
                        interval?.lower == expected.lower[index] && interval?.upper == expected.upper[index],
                        "\(expectedCase.name) \(name) period \(index): \(String(describing: interval)) against \(String(describing: expected.lower[index]))…\(String(describing: expected.upper[index]))"
                    )
                }
            }
        }
    }

    /// The search finds the same ends as the grid, to within the grid's step, wherever the grid
    /// interval does not stop at the grid's own edge.
    @Test func theSearchedIntervalAgreesWithTheGrid() throws {
        for expectedCase in try Self.expected().cases {
            let (treated, donors) = try Self.panel(expectedCase.name)
            let step = expectedCase.grid[1] - expectedCase.grid[0]
            for (name, expected) in expectedCase.methods {
                let inference = try ConformalInference(
                    treated: treated, donors: donors, prePeriodCount: expectedCase.pre_periods, estimator: Self.estimators[name]!)
                for index in 0..<expectedCase.post_periods {
                    let searched = try #require(inference.searchedInterval(index, level: 1 - expectedCase.alpha))
                    #expect(searched.lower <= searched.estimate && searched.estimate <= searched.upper)
                    if let lower = expected.lower[index], lower > expectedCase.grid.first! {
                        #expect(
                            abs(searched.lower - lower) <= step + 1e-9,
                            "\(expectedCase.name) \(name) \(index) lower \(searched.lower) \(lower)")
                    }
                    if let upper = expected.upper[index], upper < expectedCase.grid.last! {
                        #expect(
                            abs(searched.upper - upper) <= step + 1e-9,
                            "\(expectedCase.name) \(name) \(index) upper \(searched.upper) \(upper)")
                    }
                    // A single period's p-value is a count over the pre-periods and that period.
                    let count = searched.pValue * Double(expectedCase.pre_periods + 1)
                    #expect(abs(count - count.rounded()) < 1e-9 && searched.pValue > 0 && searched.pValue <= 1)
                }
            }
        }
    }

    /// On the README's panel the effect is 2 in every post-period: the synthetic
    /// difference-in-differences counterfactual's 90% intervals hold it.
    @Test func theSyntheticDifferenceInDifferencesCounterfactualFindsTheGeneratedEffect() throws {
        let (treated, donors) = try Self.panel("generated")
        let inference = try ConformalInference(
            treated: treated, donors: donors, prePeriodCount: 50, estimator: .syntheticDifferenceInDifferences)
        let intervals = try #require(inference.searchedIntervals(level: 0.9))
        #expect(intervals.count == 5)
        #expect(intervals.filter { $0.lower <= 2 && 2 <= $0.upper }.count >= 4, "\(intervals)")
        #expect(intervals.allSatisfy { $0.upper - $0.lower < 6 })
        // Across the whole post-period the true effect is not rejected and twice it is; five
        // periods against one of noise leave no effect only less plausible (as with sc and did:
        // scinference gives p = 0.09 and 0.13).
        #expect(inference.pValue(effects: [2]) > 0.1)
        #expect(inference.pValue(effects: [4]) < 0.1)
        #expect(inference.pValue(effects: [0]) < inference.pValue(effects: [2]))
    }

    @Test func tooFewPrePeriodsForTheLevelGiveNoInterval() throws {
        let (treated, donors) = try Self.panel("generated")
        // Ten pre-periods and one post: the smallest p-value is 1/11, so nothing is rejected at 5%.
        let short = try ConformalInference(
            treated: Array(treated[40..<51]), donors: donors.map { Array($0[40..<51]) }, prePeriodCount: 10, estimator: .syntheticControl)
        #expect(short.searchedInterval(0, level: 0.95) == nil)
        #expect(short.searchedInterval(0, level: 0.9) != nil)
    }

    @Test func aStudyThatCannotBeTestedIsRefusedWithItsField() {
        let row = [1.0, 2, 3, 4]
        #expect(throws: ImpactError.invalid("donors", "conformal inference needs at least two donors")) {
            try ConformalInference(treated: row, donors: [row], prePeriodCount: 2, estimator: .syntheticControl)
        }
        #expect(throws: ImpactError.invalid("treatment_time", "at least two periods before the treatment are needed")) {
            try ConformalInference(treated: row, donors: [row, row], prePeriodCount: 1, estimator: .syntheticControl)
        }
        #expect(throws: ImpactError.invalid("treatment_time", "no period at or after the treatment")) {
            try ConformalInference(treated: row, donors: [row, row], prePeriodCount: 4, estimator: .syntheticControl)
        }
        #expect(throws: ImpactError.invalid("treated", "every period needs a finite outcome")) {
            try ConformalInference(treated: [1, .nan, 3, 4], donors: [row, row], prePeriodCount: 2, estimator: .syntheticControl)
        }
        #expect(throws: ImpactError.invalid("donors", "every donor needs a finite outcome in every period of the treated series")) {
            try ConformalInference(treated: row, donors: [row, [1, 2, 3]], prePeriodCount: 2, estimator: .differenceInDifferences)
        }
    }
}
