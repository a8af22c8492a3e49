import Foundation

/// One slot per piece of work done on every core (`DispatchQueue.concurrentPerform`), each written
/// by its own iteration, read when all are done. A lock rather than `Mutex`, which needs macOS 15.
final class LockedSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}
