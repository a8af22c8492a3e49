import Foundation
import Testing

@testable import VanguardCore

@Suite struct TrancheReleaseTests {
    static func tranche(condition: TrancheCondition?, status: Tranche.Status = .held) -> Tranche {
        Tranche(
            id: UUID(), planID: UUID(), quarter: FinancialQuarter(year: 2017, quarter: 1)!, pounds: 250_000, condition: condition,
            status: status)
    }

    static let unmeasured = TrancheCondition.latestPointNotConcern(metric: "emergency_admissions")

    @Test func anUnconditionalTranchePaysWithoutKeepingACheck() throws {
        let decision = try TrancheRelease(deciding: Self.tranche(condition: nil), place: [:], restOfEngland: [:], override: nil)
        #expect(decision.check == ConditionCheck(isMet: true, evidence: "No condition."))
        #expect(!decision.isRecorded)
        #expect(decision.releaseReason == "Condition met: No condition.")
    }

    @Test func aConditionNotMetHoldsTheTrancheAndKeepsTheEvidence() throws {
        let decision = try TrancheRelease(
            deciding: Self.tranche(condition: Self.unmeasured), place: [:], restOfEngland: [:], override: "  ")
        #expect(decision.check == ConditionCheck(isMet: false, evidence: "Not met: there is no chart yet."))
        #expect(decision.isRecorded)
        #expect(decision.releaseReason == nil)
    }

    @Test func theProgrammeTeamCanReleaseWithAReason() throws {
        let decision = try TrancheRelease(
            deciding: Self.tranche(condition: Self.unmeasured), place: [:], restOfEngland: [:], override: " Data lag agreed ")
        #expect(decision.isRecorded && !decision.check.isMet)
        #expect(decision.releaseReason == "Released by override: Data lag agreed")
    }

    @Test func aReleasedTrancheIsNotReleasedTwice() {
        #expect(throws: ValidationError(field: "tranche", reason: "The tranche has already been released")) {
            try TrancheRelease(deciding: Self.tranche(condition: nil, status: .released), place: [:], restOfEngland: [:], override: "again")
        }
    }
}
