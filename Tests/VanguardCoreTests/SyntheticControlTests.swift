import Foundation
import Testing

@testable import VanguardCore

/// The California tobacco study (Abadie, Diamond & Hainmueller 2010) against the reference results
/// of pysyncon 1.7.0 and of the paper (`Fixtures/synth/expected.json`, problem in `PROBLEM.md`).
@Suite struct SyntheticControlTests {
    static let directory = ProjectFiles.root.appendingPathComponent("Tests/VanguardCoreTests/Fixtures/synth")

    static func expected() throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected.json"))) as? [String: Any])
    }

    static func california(outcomeOnly: Bool) throws -> SyntheticControl {
        let (spec, study) = try SynthSpec.load(specAt: directory.appendingPathComponent("california-paper-spec.json"))
        #expect(spec.treated == "California" && study.donors.count == 38)
        guard outcomeOnly else { return study }
        return try SyntheticControl(
            panel: study.panel, outcome: "cigsale", treated: "California", donors: study.donors, treatmentTime: 1989,
            fitTimes: Array(1970...1988), predictors: [])
    }

    @Test func theOutcomeOnlyFitReachesTheUniqueOptimum() throws {
        let reference = try #require(try Self.expected()["outcome_only"] as? [String: Any])
        let fit = try Self.california(outcomeOnly: true).fit()
        let rmspe = try #require(reference["rmspe_pre_1970_1988"] as? Double)
        // The reference solver stopped short (KKT violation 4e-4): ours may be lower, never higher.
        #expect(fit.rmspePre <= rmspe + 1e-9)
        #expect(fit.rmspePre >= rmspe - 1e-3)
        #expect(fit.optimalityGap < 1e-9)
        let weights = try #require(reference["weights_ge_0.001"] as? [String: Double])
        let ours = Dictionary(uniqueKeysWithValues: fit.weights.filter { $0.weight >= 0.001 }.map { ($0.unit, $0.weight) })
        #expect(Set(ours.keys) == Set(weights.keys))
        for (state, weight) in weights { #expect(abs((ours[state] ?? 0) - weight) < 0.005, "\(state)") }
        #expect(abs(fit.weights.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(abs((fit.averageEffect ?? 0) - (reference["att_1989_2000"] as? Double ?? 0)) < 0.1)
    }

    @Test func theOutcomeOnlyPlaceboRankFollows() throws {
        let placebo = try #require((try Self.expected()["outcome_only"] as? [String: Any])?["placebo"] as? [String: Any])
        let study = try Self.california(outcomeOnly: true)
        let test = try study.placeboTest(treatedFit: try study.fit())
        #expect(test.ratios.count == 39)
        #expect(test.rank == placebo["rank_of_39"] as? Int)
        #expect(abs(test.pValue - (placebo["p_value_adh"] as? Double ?? 0)) < 5e-5)
    }

    @Test func thePaperSpecificationFitsNoWorseThanTheReference() throws {
        let reference = try #require((try Self.expected()["paper_spec"] as? [String: Any])?["pysyncon_cobyla"] as? [String: Any])
        let fit = try Self.california(outcomeOnly: false).fit()
        let mspe = try #require(reference["mspe_pre_1970_1988"] as? Double)
        #expect(fit.mspePre <= mspe + 1e-9, "ours \(fit.mspePre), reference \(mspe)")
        #expect(fit.predictorWeights.count == 7)
        #expect(abs(fit.predictorWeights.map(\.weight).reduce(0, +) - 1) < 1e-12)
        // The effect is the paper's: a fall of about 20 packs a head, about 25 by 2000.
        #expect((-22.0 ... -16.0).contains(fit.averageEffect ?? 0))
        #expect((-30.0 ... -20.0).contains(fit.gaps.first { $0.time == 2000 }?.gap ?? 0))
    }
}

@Suite struct SimplexQuadraticProgramTests {
    /// Every support of a small problem, solved directly: the true optimum to compare against.
    static func bruteForce(_ problem: SimplexQuadraticProgram) -> Double {
        let n = problem.q.count
        var best = Double.infinity
        var generator = SeededRandom(seed: 7)
        // Vertices and a dense random sample of the simplex bound the optimum from above.
        for _ in 0..<20_000 {
            var w = (0..<n).map { _ in -log(max(generator.uniform(), 1e-300)) }
            let total = w.reduce(0, +)
            w = w.map { $0 / total }
            best = min(best, problem.objective(w))
        }
        for i in 0..<n {
            var w = Array(repeating: 0.0, count: n)
            w[i] = 1
            best = min(best, problem.objective(w))
        }
        return best
    }

    @Test func aKnownProblemHasItsKnownAnswer() {
        // ‖w − (0.2, 0.3, 0.5)‖² is smallest at that point, which lies in the simplex.
        let problem = SimplexQuadraticProgram(leastSquares: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [0.2, 0.3, 0.5])
        let solution = problem.solve()
        // Within the ridge that makes the problem strictly convex (1e-9 of the diagonal).
        for (got, want) in zip(solution.weights, [0.2, 0.3, 0.5]) { #expect(abs(got - want) < 1e-8) }
        // Outside the simplex the answer is the projection: (1, 1, −1) → (0.5, 0.5, 0).
        let projected = SimplexQuadraticProgram(leastSquares: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 1, -1]).solve()
        for (got, want) in zip(projected.weights, [0.5, 0.5, 0]) { #expect(abs(got - want) < 1e-8) }
    }

    @Test(arguments: 0..<25)
    func randomSingularProblemsAreSolvedToOptimality(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed) + 100)
        let rows = 2 + seed % 5, donors = 4 + seed % 9  // more donors than rows: P is singular
        let a = (0..<rows).map { _ in (0..<donors).map { _ in generator.normal() } }
        let b = (0..<rows).map { _ in generator.normal() }
        let problem = SimplexQuadraticProgram(leastSquares: a, b)
        let solution = problem.solve()
        #expect(solution.weights.allSatisfy { $0 >= 0 })
        #expect(abs(solution.weights.reduce(0, +) - 1) < 1e-12)
        #expect(solution.optimalityGap < 1e-9)
        #expect(solution.objective <= Self.bruteForce(problem) + 1e-12)
    }
}

extension SimplexQuadraticProgramTests {
    /// The least-squares form keeps `a` and the row weights instead of forming `P = a′Va`: it must
    /// solve the same problem as that `P` written out, to rounding.
    @Test(arguments: 0..<10)
    func theFactoredFormSolvesWhatTheWrittenOutMatrixDoes(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed) + 500)
        let rows = 3 + seed % 5, donors = 6 + seed % 11
        let a = (0..<rows).map { _ in (0..<donors).map { _ in generator.normal() } }
        let b = (0..<rows).map { _ in generator.normal() }
        let v = (0..<rows).map { _ in generator.uniform() + 0.05 }
        let p = (0..<donors).map { i in (0..<donors).map { j in (0..<rows).reduce(0.0) { $0 + v[$1] * a[$1][i] * a[$1][j] } } }
        let q = (0..<donors).map { i in (0..<rows).reduce(0.0) { $0 + v[$1] * a[$1][i] * b[$1] } }
        let factored = SimplexQuadraticProgram(leastSquares: a, b, rowWeights: v).solve()
        let dense = SimplexQuadraticProgram(p: p, q: q).solve()
        #expect(abs(factored.objective - dense.objective) < 1e-10 * max(1, abs(dense.objective)))
        #expect(factored.optimalityGap < 1e-9)
        for (x, y) in zip(factored.weights, dense.weights) { #expect(abs(x - y) < 1e-6) }
        // The objective the solver reports from its last gradient is the objective of its answer.
        #expect(abs(factored.objective - SimplexQuadraticProgram(leastSquares: a, b, rowWeights: v).objective(factored.weights)) < 1e-12)
    }
}

extension SimplexQuadraticProgramTests {
    /// Problems sharing one `P` keep the factors of their free block between solves: the answers
    /// are those of solving each afresh, to the bit.
    @Test func keptFactorsChangeNoAnswer() {
        var generator = SeededRandom(seed: 77)
        let rows = 12, donors = 9
        let a = (0..<rows).map { _ in (0..<donors).map { _ in generator.normal() } }
        let p = (0..<donors).map { i in (0..<donors).map { j in (0..<rows).reduce(0.0) { $0 + a[$1][i] * a[$1][j] } } }
        let shared = SimplexQuadraticProgram(p: p, q: Array(repeating: 0, count: donors)).keepingFactors()
        var start: [Double]?
        for step in 0..<30 {
            // A target moving a little each time, as a search over nulls moves one period's value.
            let b = (0..<rows).map { r in a[r][r % donors] + 0.05 * Double(step) * (r == rows - 1 ? 1 : 0) }
            let q = (0..<donors).map { i in (0..<rows).reduce(0.0) { $0 + a[$1][i] * b[$1] } }
            let kept = shared.replacingLinearTerm(with: q).solve(start: start)
            let fresh = SimplexQuadraticProgram(p: p, q: q).solve(start: start)
            #expect(kept == fresh, "step \(step)")
            start = kept.weights
        }
    }
}

@Suite struct SynthSpecTests {
    static let panelText = "state,year,y,x\nA,1,1,2\nA,2,2,2\nA,3,3,2\nB,1,1,1\nB,2,2,1\nB,3,2,1\nC,1,2,3\nC,2,2,3\nC,3,2,3\n"

    static func spec(_ json: String) throws -> SynthSpec {
        try JSONDecoder().decode(SynthSpec.self, from: Data(json.utf8))
    }

    static func panel(_ text: String = panelText) throws -> Panel {
        try Panel(csv: Data(text.utf8), fileName: "panel.csv", unitColumn: "state", timeColumn: "year")
    }

    static let good =
        #"{"panel":"p.csv","unit":"state","time":"year","outcome":"y","treated":"A","treatment_time":3,"fit":{"from":1,"to":2},"predictors":[{"column":"x","op":"mean","from":1,"to":2}]}"#

    @Test func aGoodSpecBuildsItsStudy() throws {
        let study = try Self.spec(Self.good).study(on: try Self.panel())
        #expect(study.donors == ["B", "C"])
        #expect(study.fitTimes == [1, 2])
        #expect(study.predictors.map(\.name) == ["x_1_2"])
        let fit = try study.fit()
        #expect(abs(fit.weights.map(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    @Test(arguments: [
        (#""outcome":"y""#, #""outcome":"deaths""#, "outcome: 'deaths' is not a column of the panel"),
        (#""treated":"A""#, #""treated":"Z""#, "treated: 'Z' is not a unit of the panel"),
        (#""fit":{"from":1,"to":2}"#, #""fit":{"from":7,"to":9}"#, "fit: no times of the panel fall in 7–9"),
        (
            #""column":"x","op":"mean","from":1,"to":2"#, #""column":"height","op":"mean","from":1,"to":2"#,
            "predictors: 'height' is not a column of the panel"
        ),
        (
            #""column":"x","op":"mean","from":1,"to":2"#, #""column":"x","op":"mean","from":5,"to":6"#,
            "predictors[0]: no times of the panel fall in the period of x"
        ),
        (
            #""column":"x","op":"mean","from":1,"to":2"#, #""column":"x","op":"median","from":1,"to":2"#,
            "predictors[0].op: 'median' is not supported (mean)"
        ),
    ])
    func badSpecsSayWhatIsWrong(replacing: String, with: String, message: String) throws {
        let spec = try Self.spec(Self.good.replacingOccurrences(of: replacing, with: with))
        #expect(performing: { try spec.study(on: try Self.panel()) }, throws: { ($0 as? ImpactError)?.description == message })
    }

    @Test func tooFewDonorsAndNonNumericValuesAreRefused() throws {
        let two = try Self.panel("state,year,y\nA,1,1\nA,2,2\nA,3,3\nB,1,1\nB,2,2\nB,3,2\n")
        #expect(
            performing: {
                try Self.spec(Self.good.replacingOccurrences(of: #","predictors":[{"column":"x","op":"mean","from":1,"to":2}]"#, with: ""))
                    .study(on: two)
            },
            throws: { ($0 as? ImpactError)?.description == "donors: a synthetic control needs at least two donors (got 1)" })
        #expect(
            performing: { try Self.panel("state,year,y\nA,1,one\n") },
            throws: { ($0 as? DataFileError)?.description == "panel.csv, line 2, field y: 'one' is not a number" })
        #expect(performing: { try Self.spec(#"{"panel":"p.csv"}"#) }, throws: { $0 is DecodingError })
    }
}
