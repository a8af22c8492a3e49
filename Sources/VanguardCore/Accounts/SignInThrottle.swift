import Foundation

/// How many failed sign-ins are allowed before a pause, per account and per network address.
///
/// Counting is done in the database (so every app server sees the same attempts); the rule is here.
public struct SignInThrottle: Sendable {
    public var window: TimeInterval
    public var failuresPerAccount: Int
    public var failuresPerAddress: Int

    public static let standard = SignInThrottle(window: 15 * 60, failuresPerAccount: 5, failuresPerAddress: 20)

    public init(window: TimeInterval, failuresPerAccount: Int, failuresPerAddress: Int) {
        self.window = window
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
    }

    /// The start of the window that counts at `now`.
    public func windowStart(at now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Whether another attempt may be made, given recent failures for the account and the address.
    public func allowsAttempt(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures < failuresPerAccount && addressFailures < failuresPerAddress
    }

    /// Whether a reserved attempt may go on to have its password checked. The reservation is written
    /// as a failure before anything is counted, so `accountFailures` and `addressFailures` include it:
    /// however many attempts race, only the first `failuresPerAccount` written can see a count
    /// within the limit.
    public func allowsReserved(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures <= failuresPerAccount && addressFailures <= failuresPerAddress
    }
}
