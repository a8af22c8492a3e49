import Foundation

/// When a failed job is tried again: after a delay that doubles with each failure, up to a
/// ceiling, and not at all after the last allowed try, so a job that cannot succeed stops and
/// waits for an operator instead of running forever.
public struct RetryPolicy: Sendable, Equatable {
    public let maximumAttempts: Int
    public let firstDelay: TimeInterval
    public let longestDelay: TimeInterval

    public static let standard = RetryPolicy(maximumAttempts: 5, firstDelay: 30, longestDelay: 30 * 60)
    /// No second try: for work that cannot succeed.
    public static let once = RetryPolicy(maximumAttempts: 1, firstDelay: 0, longestDelay: 0)

    public init(maximumAttempts: Int, firstDelay: TimeInterval, longestDelay: TimeInterval) {
        self.maximumAttempts = maximumAttempts
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// The next run time after try number `attempt` (from 1) failed at `now`; nil when it was the last.
    public func nextRun(afterFailedAttempt attempt: Int, at now: Date) -> Date? {
        guard attempt < maximumAttempts else { return nil }
        let delay = min(longestDelay, firstDelay * pow(2, Double(max(0, attempt - 1))))
        return now.addingTimeInterval(delay)
    }
}
