import NIOCore
import VanguardStore
import Vapor

/// While the server runs with SMTP settings, sends what waits in the outbox every few seconds.
///
/// With several app servers each would try the same messages; run delivery on one (or use
/// `vanguard outbox send` from a scheduler) until the outbox claims messages with row locks.
struct OutboxDeliveryLifecycle: LifecycleHandler {
    let settings: SMTPSettings

    func didBootAsync(_ application: Application) async throws {
        let client = SMTPClient(settings: settings, group: application.eventLoopGroup)
        let logger = application.logger
        let database = application.db
        let now = application.appConfig.now
        let loop = application.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(1), delay: .seconds(5)) { _ in
            loop.makeFutureWithTask {
                do {
                    let result = try await OutboxDelivery.deliverPending(store: AccountStore(database: database, now: now), client: client)
                    if result.sent + result.failed > 0 {
                        logger.info("outbox delivery", metadata: ["sent": "\(result.sent)", "failed": "\(result.failed)"])
                    }
                } catch {
                    logger.warning("outbox delivery could not read the outbox", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
        application.storage[OutboxTaskKey.self] = task
    }

    func shutdown(_ application: Application) {
        application.storage[OutboxTaskKey.self]?.cancel()
    }
}

struct OutboxTaskKey: StorageKey {
    typealias Value = RepeatedTask
}
