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

    @Test func aWorkerStillAtItsJobRenewsItsClaimAndAJobThatKeepsKillingWorkersStops() async throws {
        let clock = TestClock()
        try await TestApp.run(seeded: false, clock: clock) { app in
            let store = JobStore(on: app)
            try await store.enqueue(.refitImpact, key: "all")
            let held = try #require(try await store.claim(worker: "a", lease: 60))
            clock.advance(by: 50)
            #expect(try await store.renew(held, worker: "a", lease: 60))
            clock.advance(by: 50)
            // A hundred seconds on, the renewed claim still holds.
            #expect(try await store.claim(worker: "b", lease: 60) == nil)
            clock.advance(by: 11)
            let taken = try #require(try await store.claim(worker: "b", lease: 60))
            #expect(!(try await store.renew(held, worker: "a", lease: 60)))
            // Each later worker dies under it too: after the tenth lost claim it stops, with the reason.
            var attempts = taken.attempts
            while let again = try await {
                clock.advance(by: 61); return try await store.claim(worker: "w\(attempts)", lease: 60)
            }() {
                attempts = again.attempts
            }
            #expect(attempts == JobStore.maximumLostLeases)
            let stopped = try #require(try await store.jobs().first)
            #expect(stopped.state == .failed)
            #expect(stopped.lastError == "Its worker stopped 10 times while doing it (killed, or out of memory), so it was not tried again")
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
            // (The worker also queued and wrote this hour's digests, as every worker round does.)
            let jobs = try await store.jobs()
            #expect(jobs.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.recomputeEvaluations, .sendDigests])
            #expect(jobs.allSatisfy { $0.state == .done && $0.attempts == 1 })
            let retry = try #require(try await AuditLog.entries(matching: .init(entity: "job"), on: app.db).first)
            #expect(retry.action == "retry_job" && retry.actor.channel == .cli)
        }
    }

    @Test func recurringWorkIsQueuedOnceHoweverManyServersAsk() async throws {
        let clock = TestClock(at: Date(timeIntervalSince1970: 1_796_638_500))  // 2026-12-07 10:15 UTC
        try await TestApp.run(seeded: false, clock: clock) { app in
            let mailer = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: 1, from: "vanguard@test.nhs.uk"), group: app.eventLoopGroup)
            let servers = ["a", "b", "c"].map { name in
                JobWorker(
                    database: app.db, now: clock.now, logger: app.logger, publicURL: "https://vanguard.test", mailer: mailer, name: name)
            }
            let store = JobStore(on: app)
            // Sending is queued only while something waits in the outbox.
            for server in servers { try await server.scheduleRecurring() }
            #expect(try await store.jobs().map(\.kind) == [.sendDigests])
            try await AccountStore(on: app).enqueue(to: "lead@example.nhs.uk", subject: "Your plan", body: "Sign it")
            for server in servers { try await server.scheduleRecurring() }
            var waiting = try await store.jobs().map { "\($0.kind.rawValue) \($0.key)" }.sorted()
            #expect(waiting == ["deliver_outbox outbox", "send_digests 2026-12-07T10"])
            // While one server sends the outbox, no other queues a second sending beside it.
            let sending = try #require(try await store.claim(worker: "a", lease: 600))
            #expect(sending.kind == .deliverOutbox || sending.kind == .sendDigests)
            for server in servers { try await server.scheduleRecurring() }
            #expect(try await store.jobs().count == 2)
            // The next hour's digests are queued once, whoever asks.
            clock.advance(by: 3_600)
            for server in servers { try await server.scheduleRecurring() }
            waiting = try await store.jobs().map { "\($0.kind.rawValue) \($0.key)" }.sorted()
            #expect(waiting == ["deliver_outbox outbox", "send_digests 2026-12-07T10", "send_digests 2026-12-07T11"])
            // A week after they were done, finished jobs are let go.
            try await store.complete(sending, worker: "a")
            while let claimed = try await store.claim(worker: "a", lease: 600) { try await store.complete(claimed, worker: "a") }
            clock.advance(by: 8 * 86_400)
            try await servers[0].scheduleRecurring()
            // (The message still waits, so sending is queued again beside the new hour's digests.)
            #expect(try await store.jobs().map(\.key).sorted() == ["2026-12-15T11", "outbox"])
        }
    }

    @Test func aJobWhoseWorkIsGoneStopsAtOnceWithItsReason() async throws {
        try await TestApp.run { app in
            let store = JobStore(on: app)
            try await store.enqueue(.refitImpact, key: "a_metric_since_removed")
            // MUT
            #expect(try await app.jobWorker.runDue() == 1)
            // validate: failed at the first try, not retried, with words an operator can act on
            let failed = try await store.jobs(in: [.failed])
            #expect(failed.map(\.attempts) == [1])
            #expect(
                failed.first?.lastError
                    == "The metric a_metric_since_removed is not in the framework any more, so there is nothing to refit")
            #expect(try await store.jobs(in: [.pending]).isEmpty)
        }
    }
}
