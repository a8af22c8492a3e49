import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// The job queue on the test database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`), with the
/// clock moved by hand instead of waiting for leases and back-off.
@Suite struct JobQueueTests {
    @Test func askingAgainWhileTheWorkWaitsCollapsesIntoIt() async throws {
        try await TestApp.run(seeded: false) { app in
            let store = JobStore(on: app)
            let first = try await store.enqueue(.refitImpact, key: "all")
            let again = try await store.enqueue(.refitImpact, key: "all")
            let other = try await store.enqueue(.recomputeEvaluations, key: "all")
            let waiting = try await store.queueDepth().waiting
            #expect(first && !again && other)
            #expect(waiting == 2)
        }
    }

    @Test func aWorkerThatDiesLeavesItsJobToTheNextOnceTheLeaseRunsOut() async throws {
        let clock = TestClock()
        try await TestApp.run(seeded: false, clock: clock) { app in
            let store = JobStore(on: app)
            try await store.enqueue(.refitImpact, key: "all")
            let first = try #require(try await store.claim(worker: "a", lease: 60))
            #expect(first.attempts == 1 && first.state == .running && first.worker == "a")
            // Held: nobody else gets it.
            #expect(try await store.claim(worker: "b", lease: 60) == nil)
            // "a" dies; once its lease is over "b" takes the job up.
            clock.advance(by: 61)
            let second = try #require(try await store.claim(worker: "b", lease: 60))
            #expect(second.id == first.id && second.attempts == 2 && second.worker == "b")
            // "a" coming back to life cannot close what is no longer its own.
            #expect(!(try await store.complete(first, worker: "a")))
            #expect(try await store.complete(second, worker: "b"))
            #expect(try await store.jobs().map(\.state) == [.done])
            #expect(try await store.claim(worker: "a", lease: 60) == nil)
        }
    }

    @Test func aFailingJobBacksOffThenStopsForAnOperatorToRetry() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let store = JobStore(on: app)
            let policy = RetryPolicy(maximumAttempts: 2, firstDelay: 30, longestDelay: 60)
            try await store.enqueue(.refitImpact, key: "all")
            let first = try #require(try await store.claim(worker: "a", lease: 600))
            #expect(try await store.fail(first, worker: "a", error: "the registry could not be read", policy: policy))
            // Not before its back-off.
            #expect(try await store.claim(worker: "a", lease: 600) == nil)
            clock.advance(by: 30)
            let second = try #require(try await store.claim(worker: "a", lease: 600))
            #expect(try await store.fail(second, worker: "a", error: "still broken", policy: policy))
            let failed = try await store.jobs(in: [.failed])
            #expect(failed.map(\.attempts) == [2] && failed.map(\.lastError) == ["still broken"])
            clock.advance(by: 3_600)
            #expect(try await store.claim(worker: "a", lease: 600) == nil)

            // The operator sees it and sends it round again.
            let people = try await People.make(in: app)
            let page = try await people.send(app, .programmeTeam, .GET, "/admin/jobs")
            #expect(page.status == .ok && page.body.contains("1 failed after every try") && page.body.contains("still broken"))
            let retried = try await people.send(app, .programmeTeam, .POST, "/admin/jobs/\(first.id.uuidString)/retry")
            #expect(retried.status == .seeOther)
            #expect(try await store.jobs().map(\.state) == [.pending])
            #expect(try await store.claim(worker: "a", lease: 600)?.attempts == 1)
        }
    }

    @Test func manyWorkersAtOnceDoEachJobOnce() async throws {
        try await TestApp.run(seeded: false) { app in
            let store = JobStore(on: app)
            for number in 0..<12 { try await store.enqueue(.recomputeEvaluations, key: "scope-\(number)") }
            // MUT: four workers claim side by side until the queue is empty.
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let job = try await store.claim(worker: "w\(worker)", lease: 600) {
                            mine.append(job.id)
                            try await store.complete(job, worker: "w\(worker)")
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 12 && Set(claimed).count == 12)
            #expect(try await store.jobs().allSatisfy { $0.state == .done && $0.attempts == 1 })
        }
    }

    @Test func theCommandLineListsRetriesAndWorksTheQueue() async throws {
        try await TestApp.run { app in
            let store = JobStore(on: app)
            try await store.enqueue(.recomputeEvaluations, key: "all")
            let job = try #require(try await store.claim(worker: "gone", lease: 600))
            try await store.fail(
                job, worker: "gone", error: "boom", policy: RetryPolicy(maximumAttempts: 1, firstDelay: 1, longestDelay: 1))
            // MUT: an operator retries it by id and a lone worker does what is due.
            app.environment.arguments = ["vanguard", "jobs", "retry", job.id.uuidString]
            try await app.execute()
            app.environment.arguments = ["vanguard", "jobs", "retry", job.id.uuidString]
            await #expect(throws: (any Error).self) { try await app.execute() }
            app.environment.arguments = ["vanguard", "worker", "--once"]
            try await app.execute()
            // validate
            let jobs = try await store.jobs()
            #expect(jobs.map(\.state) == [.done] && jobs.map(\.attempts) == [1])
            let retry = try #require(try await AuditLog.entries(matching: .init(entity: "job"), on: app.db).first)
            #expect(retry.action == "retry_job" && retry.actor.channel == .cli)
        }
    }
}
