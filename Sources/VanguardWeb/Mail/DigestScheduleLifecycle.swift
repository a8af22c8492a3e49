import NIOCore
import Vapor

/// While the server runs, writes the due digests to the outbox every hour, so digests go out
/// without an outside scheduler. A digest is marked sent in the same transaction that writes it,
/// so a run overlapping `vanguard digests` sends nothing twice.
struct DigestScheduleLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let logger = application.logger
        let database = application.db
        let publicURL = application.appConfig.publicURL
        let now = application.appConfig.now
        let loop = application.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(1)) { _ in
            loop.makeFutureWithTask {
                do {
                    let sent = try await DigestMail.sendDue(database: database, publicURL: publicURL, at: now())
                    if sent > 0 { logger.info("digests written to the outbox", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.warning("digests could not be composed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
        application.storage[DigestTaskKey.self] = task
    }

    func shutdown(_ application: Application) {
        application.storage[DigestTaskKey.self]?.cancel()
    }
}

struct DigestTaskKey: StorageKey {
    typealias Value = RepeatedTask
}
