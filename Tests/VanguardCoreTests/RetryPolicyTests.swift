import Foundation
import Testing

@testable import VanguardCore

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleUpToTheCeilingAndStopAfterTheLastTry() {
        let policy = RetryPolicy(maximumAttempts: 5, firstDelay: 30, longestDelay: 100)
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(policy.nextRun(afterFailedAttempt: 1, at: now) == now.addingTimeInterval(30))
        #expect(policy.nextRun(afterFailedAttempt: 2, at: now) == now.addingTimeInterval(60))
        #expect(policy.nextRun(afterFailedAttempt: 3, at: now) == now.addingTimeInterval(100))
        #expect(policy.nextRun(afterFailedAttempt: 4, at: now) == now.addingTimeInterval(100))
        #expect(policy.nextRun(afterFailedAttempt: 5, at: now) == nil)
    }
}
