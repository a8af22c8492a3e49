import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt on threads of its own. Hashing takes about a quarter of a second of CPU by design; on the
/// application's shared thread pool, where SQLite runs its queries, forty sign-ins at once queued
/// every query behind them and requests failed waiting for a database connection. Here a burst of
/// hashing waits only for other hashing, and no caller holds a connection while it waits.
final class PasswordHasher: Sendable {
    let pool: NIOThreadPool
    let cost: Int
    private let decoy = NIOLockedValueBox<String?>(nil)

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

    /// Checks `password` against `hash`, or against a decoy when there is no account, so that an
    /// address with no account takes as long to refuse as a wrong password.
    func verify(_ password: String, createdOrDecoy hash: String?) async throws -> Bool {
        guard let hash else {
            _ = try await verify(password, created: decoyHash())
            return false
        }
        return try await verify(password, created: hash)
    }

    /// The hash of a random secret, made once on first use: not at configuration, where it cost
    /// every command line (`vanguard impact synth` among them) a quarter of a second. A server
    /// makes it as it boots (`PasswordHasherLifecycle`), so no sign-in waits for it.
    func decoyHash() async throws -> String {
        if let made = decoy.withLockedValue({ $0 }) { return made }
        let made = try await hash(Secrets.make())
        return decoy.withLockedValue { stored in
            if let stored { return stored }
            stored = made
            return made
        }
    }
}

struct PasswordHasherKey: StorageKey {
    typealias Value = PasswordHasher
}

/// Makes the decoy hash as a server boots, and stops the hashing threads when the application shuts down.
struct PasswordHasherLifecycle: LifecycleHandler {
    let hasher: PasswordHasher
    let isServing: Bool

    func didBootAsync(_ application: Application) async throws {
        if isServing { _ = try await hasher.decoyHash() }
    }

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
