import NIOConcurrencyHelpers
import NIOCore

/// Reads the content version for many requests with one query, never answering a request with a
/// read that began before it arrived.
///
/// Under load each kept page cost a query of its own, and on SQLite each query is two thread
/// crossings (to the driver's pool and back): most of a small page's time. Here, on each event loop,
/// at most one read is in flight; requests arriving meanwhile wait for the *next* read, started as
/// soon as that one lands, so every request still sees every change committed before it arrived.
final class ContentVersionReader: Sendable {
    /// The reads of one event loop.
    private struct Flight {
        /// Whether a read is running now.
        var isReading = false
        /// Requests that arrived while it ran: the next read answers them.
        var waiting: EventLoopPromise<Int64>?
    }

    private let flights = NIOLockedValueBox([ObjectIdentifier: Flight]())

    /// The version, read on `eventLoop` by `read` (which runs at least once, and perhaps for other requests too).
    func version(on eventLoop: any EventLoop, read: @escaping @Sendable () -> EventLoopFuture<Int64>) -> EventLoopFuture<Int64> {
        let loop = ObjectIdentifier(eventLoop)
        let waiting = flights.withLockedValue { flights -> EventLoopFuture<Int64>? in
            var flight = flights[loop, default: Flight()]
            defer { flights[loop] = flight }
            guard flight.isReading else {
                flight.isReading = true
                return nil
            }
            if let promise = flight.waiting { return promise.futureResult }
            let promise = eventLoop.makePromise(of: Int64.self)
            flight.waiting = promise
            return promise.futureResult
        }
        return waiting ?? start(read, on: loop)
    }

    /// Runs `read`, and when it lands, the next one if requests are waiting for it.
    private func start(_ read: @escaping @Sendable () -> EventLoopFuture<Int64>, on loop: ObjectIdentifier) -> EventLoopFuture<Int64> {
        let reading = read()
        reading.whenComplete { _ in self.landed(on: loop, read: read) }
        return reading
    }

    /// One read has landed: start the next if requests are waiting for it.
    private func landed(on loop: ObjectIdentifier, read: @escaping @Sendable () -> EventLoopFuture<Int64>) {
        let next = flights.withLockedValue { flights -> EventLoopPromise<Int64>? in
            guard let promise = flights[loop]?.waiting else {
                flights[loop] = Flight()
                return nil
            }
            flights[loop]?.waiting = nil
            return promise
        }
        guard let next else { return }
        start(read, on: loop).cascade(to: next)
    }
}
