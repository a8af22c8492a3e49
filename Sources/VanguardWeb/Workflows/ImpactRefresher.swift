import VanguardStore
import Vapor

/// Refits the impact estimates in the background after returns are accepted, so the request that
/// sent them does not wait; a request during a refit asks for one more afterwards.
actor ImpactRefresher {
    private let application: Application
    private var running: Task<Void, Never>?
    private var pending = false

    init(application: Application) {
        self.application = application
    }

    func requestRefresh() {
        if running != nil {
            pending = true
            return
        }
        running = Task { await self.loop() }
    }

    private func loop() async {
        repeat {
            pending = false
            do {
                let count = try await ImpactStore(on: application).recompute()
                application.logger.info("impact estimates refitted", metadata: ["estimates": "\(count)"])
            } catch {
                application.logger.warning("impact estimates could not be refitted", metadata: ["error": "\(String(reflecting: error))"])
            }
        } while pending
        running = nil
    }

    /// Waits for a running refit to finish (shutdown, tests).
    func waitUntilIdle() async {
        while let task = running { await task.value }
    }
}

struct ImpactRefresherKey: StorageKey {
    typealias Value = ImpactRefresher
}

extension Application {
    var impactRefresher: ImpactRefresher {
        if let existing = storage[ImpactRefresherKey.self] { return existing }
        let refresher = ImpactRefresher(application: self)
        storage[ImpactRefresherKey.self] = refresher
        return refresher
    }
}

/// Waits for a background refit before the application shuts down, so no fit outlives its database.
struct ImpactRefresherLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.storage[ImpactRefresherKey.self]?.waitUntilIdle()
    }
}
