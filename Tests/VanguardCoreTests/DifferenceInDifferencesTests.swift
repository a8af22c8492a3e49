import Foundation
import Testing

@testable import VanguardCore

/// Two-way fixed effects with clustered errors, against linearmodels 7.1 on the same panel
/// (`Fixtures/did/make_expected.py` wrote both the panel and the expected values).
@Suite struct DifferenceInDifferencesTests {
    static let directory = ProjectFiles.fixtures.appendingPathComponent("did")

    static func reference() throws -> (DifferenceInDifferences, [String: Any]) {
        let panel = try Panel(
            csv: Data(contentsOf: directory.appendingPathComponent("panel.csv")), fileName: "panel.csv", unitColumn: "unit",
            timeColumn: "time")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected.json"))) as? [String: Any])
        let outcomes = panel.units.indices.map { unit in panel.values("outcome", unit: unit, at: panel.times).map { $0! } }
        let treated = Set(panel.units.indices.filter { panel.value("treated", unit: $0, time: 0) == 1 }.map { panel.units[$0] })
        let model = try DifferenceInDifferences(
            units: panel.units, times: panel.times, outcomes: outcomes, treated: treated,
            treatmentTime: try #require(expected["treatment_time"] as? Int))
        return (model, expected)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-10 * max(1, abs(b)) }

    @Test func theEstimateAndItsClusteredErrorMatchLinearmodels() throws {
        let (model, expected) = try Self.reference()
        let did = try #require(expected["did"] as? [String: Double])
        let estimate = model.estimate()
        #expect(Self.close(estimate.estimate, did["estimate"]!), "\(estimate.estimate)")
        #expect(Self.close(estimate.standardError, did["standard_error"]!), "\(estimate.standardError)")
        // The injected effect (−0.8) is inside the interval.
        #expect(estimate.lower < -0.8 && -0.8 < estimate.upper)
    }

    @Test func theEventStudyMatchesLinearmodelsAndShowsNoPreTrend() throws {
        let (model, expected) = try Self.reference()
        let reference = try #require(expected["event_study"] as? [String: Any])
        let study = model.eventStudy(
            binWidth: reference["bin_width"] as! Int, first: reference["first"] as! Int, last: reference["last"] as! Int)
        #expect(study.bins == reference["bins"] as? [Int])
        for (ours, theirs) in zip(study.coefficients, reference["estimates"] as! [Double]) { #expect(Self.close(ours.estimate, theirs)) }
        for (ours, theirs) in zip(study.coefficients, reference["standard_errors"] as! [Double]) {
            #expect(Self.close(ours.standardError, theirs))
        }
        #expect(study.preTrendPValue > 0.05)
    }

    @Test func theChiSquaredTailIsRight() {
        // Values from SciPy: chi2.sf(3.84, 1), chi2.sf(10, 4), chi2.sf(0.5, 3).
        #expect(abs(ChiSquared.survival(3.84, degreesOfFreedom: 1) - 0.05004352124870519) < 1e-12)
        #expect(abs(ChiSquared.survival(10, degreesOfFreedom: 4) - 0.04042768199451279) < 1e-12)
        #expect(abs(ChiSquared.survival(0.5, degreesOfFreedom: 3) - 0.9188914116546758) < 1e-12)
    }
}
