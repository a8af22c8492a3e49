import NIOCore
import Vapor

/// While the server runs, its worker queues the recurring work and does what is due, every two
/// seconds. A database that has gone away makes a round fail; the next round tries again, so the
/// loop resumes by itself.
struct JobWorkerLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let worker = application.jobWorker
        let logger = application.logger
        let loop = application.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(1), delay: .seconds(2)) { _ in
            loop.makeFutureWithTask {
                do {
                    try await worker.scheduleRecurring()
                    try await worker.runDue()
                } catch {
                    logger.warning("the job queue could not be read", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
        application.storage[JobWorkerTaskKey.self] = task
    }

    func shutdownAsync(_ application: Application) async {
        // A job under way finishes (or its lease lets another worker take it) before the database closes.
        guard let task = application.storage[JobWorkerTaskKey.self] else { return }
        let stopped = application.eventLoopGroup.next().makePromise(of: Void.self)
        task.cancel(promise: stopped)
        try? await stopped.futureResult.get()
    }
}

struct JobWorkerTaskKey: StorageKey {
    typealias Value = RepeatedTask
}

extension Application {
    /// This process's worker, on the app's database and clock.
    var jobWorker: JobWorker {
        JobWorker(
            database: db, now: appConfig.now, logger: logger, publicURL: appConfig.publicURL,
            mailer: appConfig.smtp.map { SMTPClient(settings: $0, group: eventLoopGroup) }, lease: appConfig.jobLease)
    }
}
