import FluentKit
import Foundation

/// What every store is made of: the database it reads and writes, and the time as the app reads it.
/// Stores never ask the system for the time themselves, so tests can set it — deadlines, throttles,
/// schedules and digests are tried without waiting.
public protocol Store: Sendable {
    init(database: any Database, now: @escaping @Sendable () -> Date)
}

/// The system's time: what the service runs on, and what a store made without a clock reads.
public enum SystemTime {
    public static let now: @Sendable () -> Date = { Date() }
}
