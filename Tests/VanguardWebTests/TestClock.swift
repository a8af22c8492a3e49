import Foundation

/// The app's clock in a test: it stands still until the test moves it, so a deadline passing, a
/// throttle's window ending or a digest falling due is tried without waiting.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    init(at time: Date = Date()) {
        self.time = time
    }

    var now: @Sendable () -> Date {
        { [self] in lock.withLock { time } }
    }

    func advance(by interval: TimeInterval) {
        lock.withLock { time = time.addingTimeInterval(interval) }
    }
}
