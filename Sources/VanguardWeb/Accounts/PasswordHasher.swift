import NIOPosix
import Vapor

/// bcrypt on threads of its own. Hashing takes about a quarter of a second of CPU by design; on the
/// application's shared thread pool, where SQLite runs its queries, forty sign-ins at once queued
/// every query behind them and requests failed waiting for a database connection. Here a burst of
/// hashing waits only for other hashing, and no caller holds a connection while it waits.
final class PasswordHasher: Sendable {
    let pool: NIOThreadPool
    let cost: Int

    init(cost: Int, threads: Int = System.coreCount) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}

struct PasswordHasherKey: StorageKey {
    typealias Value = PasswordHasher
}

/// Stops the hashing threads when the application shuts down.
struct PasswordHasherLifecycle: LifecycleHandler {
    let hasher: PasswordHasher

    func shutdownAsync(_ application: Application) async {
        try? await hasher.pool.shutdownGracefully()
    }
}

extension Application {
    var passwordHasher: PasswordHasher { configured(PasswordHasherKey.self) }
}

extension Request {
    var passwordHasher: PasswordHasher { application.passwordHasher }
}
