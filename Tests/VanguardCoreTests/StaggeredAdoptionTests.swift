import Foundation
import Testing
import VanguardCore

/// Group-time effects and their aggregations against the R package `did` on its own `mpdta` panel
/// (Callaway & Sant'Anna 2021; the figures and the data's source are in Fixtures/did/MPDTA-SOURCE.md).
@Suite struct StaggeredAdoptionTests {
    static func minimumWage() throws -> StaggeredAdoption {
        let data = try Data(contentsOf: ProjectFiles.fixtures.appendingPathComponent("did/mpdta.csv"))
        let panel = try Panel(csv: data, fileName: "mpdta.csv", unitColumn: "countyreal", timeColumn: "year")
        let outcomes = panel.units.indices.map { unit in panel.values("lemp", unit: unit, at: panel.times).map { $0! } }
        let cohorts = panel.units.indices.map { unit -> Int? in
            let first = Int(panel.value("first.treat", unit: unit, time: panel.times[0])!)
            return first == 0 ? nil : first
        }
        return try StaggeredAdoption(times: panel.times, outcomes: outcomes, cohorts: cohorts)
    }

    @Test func mpdtaMatchesTheDidPackage() throws {
        let study = try Self.minimumWage()
        #expect(study.cohortSizes.map(\.cohort) == [2004, 2006, 2007])
        #expect(study.cohortSizes.map(\.units) == [20, 40, 131])
        let effects = study.groupTimeEffects(comparison: .neverTreated)
        let published: [Int: [Double]] = [
            2004: [-0.0105, -0.0704, -0.1373, -0.1008], 2006: [0.0065, -0.0028, -0.0046, -0.0412],
            2007: [0.0305, -0.0027, -0.0311, -0.0261],
        ]
        #expect(effects.count == 12)
        for effect in effects {
            let expected = published[effect.cohort]![effect.time - 2004]
            #expect(abs(effect.effect - expected) < 5e-5, "ATT(\(effect.cohort), \(effect.time)) = \(effect.effect), published \(expected)")
        }
        let dynamic = try #require(study.dynamicOverallEffect(effects))
        #expect(abs(dynamic - -0.0772) < 5e-5, "\(dynamic)")
        let cohort = try #require(study.cohortOverallEffect(effects))
        #expect(abs(cohort - -0.0310) < 5e-5, "\(cohort)")
        // Event time 0 pools all three cohorts by size; event time 3 is 2004's alone.
        let byEventTime = Dictionary(uniqueKeysWithValues: study.eventTimeEffects(effects).map { ($0.eventTime, $0.effect) })
        let atAdoption = (20 * effects[0].effect + 40 * effects[6].effect + 131 * effects[11].effect) / 191
        #expect(abs(byEventTime[0]! - atAdoption) < 1e-12)
        #expect(abs(byEventTime[3]! - effects[3].effect) < 1e-15)
    }

    /// Each cohort against the never-treated counties, as synthdid-py 0.10.1 computes staggered
    /// adoption (`Synthdid(...).fit()` on mpdta without the 2004 cohort, which has one year before it).
    @Test func sdidByCohortMatchesSynthdid() throws {
        let study = try Self.minimumWage()
        let cohorts = study.syntheticDifferenceInDifferencesByCohort()
        #expect(cohorts.map(\.cohort) == [2004, 2006, 2007])
        #expect(cohorts[0].estimate == nil && cohorts[0].reason == "at least two periods before the treatment are needed")
        let (a, b) = (try #require(cohorts[1].estimate).effect, try #require(cohorts[2].estimate).effect)
        #expect(abs(a - -0.023568265850) < 1e-5, "\(a)")
        #expect(abs(b - -0.037500204514) < 1e-5, "\(b)")
        // Weighted by cohort size here; synthdid weights by treated cells (units × post years) and
        // prints −0.03222, which the same two estimates give.
        #expect(try #require(study.sdidOverallEffect(cohorts)) == (40 * a + 131 * b) / 171)
        #expect(abs((40 * 2 * a + 131 * 1 * b) / 211 - -0.03222) < 5e-6)
        #expect(cohorts.map(\.postPeriods) == [4, 2, 1])
    }

    @Test func notYetTreatedUnitsJoinTheComparisonUntilTheyAdopt() throws {
        // Three units: one adopts at 3, one at 4, one never; each changes by its own constant a period,
        // and adoption adds 10 from then on.
        let times = [1, 2, 3, 4]
        let early: [Double] = [0, 1, 12, 13], late: [Double] = [0, 2, 4, 16], never: [Double] = [0, 3, 6, 9]
        let study = try StaggeredAdoption(times: times, outcomes: [early, late, never], cohorts: [3, 4, nil])
        let neverOnly = study.groupTimeEffects(comparison: .neverTreated)
        let notYet = study.groupTimeEffects(comparison: .notYetTreated)
        func effect(_ list: [StaggeredAdoption.GroupTimeEffect], _ g: Int, _ t: Int) -> Double? {
            list.first { $0.cohort == g && $0.time == t }?.effect
        }
        // Cohort 3 at 3 (base 2): itself +11; never-treated +3; the late unit, not yet treated at 3, +2:
        // 11 − 3 against the never-treated, 11 − 2.5 against both.
        #expect(effect(neverOnly, 3, 3) == 8.0)
        #expect(effect(notYet, 3, 3) == 8.5)
        // At 4 the late unit has adopted: the comparison is the never-treated unit alone (12 − 6).
        #expect(effect(notYet, 3, 4) == effect(neverOnly, 3, 4))
        #expect(effect(neverOnly, 3, 4) == 6.0)
        // A pre-period compares the change into it: the late unit's 2 from 1 against the mean of the
        // never-treated unit's 3 and the early unit's 1 (not yet treated at 2).
        #expect(effect(notYet, 4, 2) == 0.0)
    }

    @Test func aDesignWithoutAnAdoptingCohortIsRefused() {
        #expect(throws: ImpactError.invalid("cohort", "no unit is first treated inside the panel, after its first time")) {
            try StaggeredAdoption(times: [1, 2, 3], outcomes: [[1, 2, 3], [1, 2, 3]], cohorts: [1, nil])
        }
        #expect(throws: ImpactError.invalid("panel", "every unit needs a finite outcome at every time")) {
            try StaggeredAdoption(times: [1, 2, 3], outcomes: [[1, 2, .infinity], [1, 2, 3]], cohorts: [2, nil])
        }
    }
}
