import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import VanguardWeb

/// Requests share reads of the content version, but never one that began before they arrived.
@Suite struct ContentVersionReaderTests {
    /// Reads the test answers by hand, in the order they were started.
    final class Reads: Sendable {
        let eventLoop: any EventLoop
        private let started = NIOLockedValueBox([EventLoopPromise<Int64>]())

        init(on eventLoop: any EventLoop) { self.eventLoop = eventLoop }

        var count: Int { started.withLockedValue { $0.count } }

        func start() -> EventLoopFuture<Int64> {
            let promise = eventLoop.makePromise(of: Int64.self)
            started.withLockedValue { $0.append(promise) }
            return promise.futureResult
        }

        func land(_ index: Int, with version: Int64) {
            started.withLockedValue { $0[index] }.succeed(version)
        }
    }

    @Test func aRequestArrivingDuringAReadWaitsForTheNextOne() throws {
        // Callbacks run in the order they were added, so a read's landing is handled before a request's wait returns.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let reads = Reads(on: loop)
        let reader = ContentVersionReader()
        let first = reader.version(on: loop, read: reads.start)
        #expect(reads.count == 1)
        // Two arrive while the first read runs: neither may take its answer, both share the next.
        let second = reader.version(on: loop, read: reads.start)
        let third = reader.version(on: loop, read: reads.start)
        #expect(reads.count == 1)
        reads.land(0, with: 5)
        #expect(try first.wait() == 5)
        #expect(reads.count == 2)
        // MUT: a change committed during the first read is what the second read sees.
        reads.land(1, with: 6)
        #expect(try second.wait() == 6)
        #expect(try third.wait() == 6)
        // Nobody waits: no read runs until the next request.
        #expect(reads.count == 2)
        let fourth = reader.version(on: loop, read: reads.start)
        #expect(reads.count == 3)
        reads.land(2, with: 7)
        #expect(try fourth.wait() == 7)
    }

    @Test func aFailedReadFailsOnlyTheRequestsThatSharedIt() throws {
        struct Closed: Error {}
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let reader = ContentVersionReader()
        let failing = reader.version(on: loop) { loop.makeFailedFuture(Closed()) }
        #expect(throws: Closed.self) { try failing.wait() }
        let next = reader.version(on: loop) { loop.makeSucceededFuture(9) }
        #expect(try next.wait() == 9)
    }
}
