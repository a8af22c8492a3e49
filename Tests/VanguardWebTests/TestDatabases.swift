import FluentKit
import Foundation
import SQLKit
import VanguardStore
import Vapor

@testable import VanguardWeb

/// Each test's own database, copied from a template migrated (and seeded) once per test process, as
/// the SPI server copies a migrated template per test: seeding the 50 vanguards cost about a second
/// a test, more than most tests themselves. SQLite copies a file; PostgreSQL creates each test's
/// database from the template (`CREATE DATABASE … TEMPLATE`).
actor TestDatabases {
    static let shared = TestDatabases()

    private var templates: [Bool: Task<Template, any Error>] = [:]

    /// Where a template lives: a SQLite file, or a PostgreSQL database on the test server.
    enum Template: Sendable {
        case sqlite(path: String)
        case postgres(server: String, database: String)
    }

    /// A database for one test, and what to do when the test is done with it.
    struct Copy: Sendable {
        let location: DatabaseLocation
        let remove: @Sendable () async -> Void
    }

    func copy(seeded: Bool, for server: DatabaseLocation) async throws -> Copy {
        let template = try await template(seeded: seeded, on: server).value
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        switch template {
        case .sqlite(let path):
            let copy = Self.folder.appendingPathComponent("\(name).sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            return Copy(location: .sqliteFile(path: copy)) {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
            }
        case .postgres(let server, let database):
            try await Self.administer(server) { sql in
                try await Self.retryingWhileBusy { try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: database)").run() }
            }
            return Copy(location: .postgres(url: try Self.url(server, database: name))) {
                try? await Self.administer(server) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            }
        }
    }

    /// A database with nothing in it (no tables), for restoring a backup into.
    func empty(for server: DatabaseLocation) async throws -> Copy {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        switch server {
        case .postgres(let url):
            try await Self.administer(url) { sql in try await sql.raw("CREATE DATABASE \(ident: name)").run() }
            return Copy(location: .postgres(url: try Self.url(url, database: name))) {
                try? await Self.administer(url) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            }
        case .sqliteFile, .sqliteMemory:
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            let path = Self.folder.appendingPathComponent("\(name).sqlite").path
            return Copy(location: .sqliteFile(path: path)) {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
    }

    private func template(seeded: Bool, on server: DatabaseLocation) -> Task<Template, any Error> {
        if let task = templates[seeded] { return task }
        let task = Task { try await Self.build(seeded: seeded, on: server) }
        templates[seeded] = task
        return task
    }

    private static func build(seeded: Bool, on server: DatabaseLocation) async throws -> Template {
        let name = "vg_template_\(getpid())_\(seeded ? "seeded" : "migrated")"
        let template: Template
        let location: DatabaseLocation
        switch server {
        case .postgres(let url):
            try await administer(url) { sql in
                for row in try await sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'vg_template_%'").all() {
                    let old = try row.decode(column: "datname", as: String.self)
                    if let pid = Int32(old.split(separator: "_")[2]), !isRunning(pid) {
                        try await sql.raw("DROP DATABASE IF EXISTS \(ident: old) WITH (FORCE)").run()
                    }
                }
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
                try await sql.raw("CREATE DATABASE \(ident: name)").run()
            }
            template = .postgres(server: url, database: name)
            location = .postgres(url: try self.url(url, database: name))
        case .sqliteFile, .sqliteMemory:
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("\(name).sqlite").path
            try? FileManager.default.removeItem(atPath: path)
            template = .sqlite(path: path)
            location = .sqliteFile(path: path)
        }
        var config = TestApp.config(database: location)
        config.connectionsPerEventLoop = 1
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            if seeded { try await RegistrySeeder.seed(try TestApp.dataset.get(), on: app.db) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return template
    }

    /// This process's folder of SQLite files.
    static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "vanguard-tests-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where entry.hasPrefix(prefix) {
            if let pid = Int32(entry.dropFirst(prefix.count)), !isRunning(pid) {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(entry))
            }
        }
        return temporary.appendingPathComponent(prefix + String(getpid()))
    }()

    /// Templates and copies of test processes that are gone are removed when the next process starts.
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Runs `work` on the server's own database (the one `TEST_DATABASE_URL` names), where databases
    /// are created and dropped.
    private static func administer(_ server: String, _ work: (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try DatabaseLocation.postgres(url: server).configuration(connectionsPerEventLoop: 1), as: .psql)
            guard let sql = app.db as? any SQLDatabase else { preconditionFailure("PostgreSQL is an SQL database") }
            try await work(sql)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// A template's last connection can still be closing when the first copy is asked for.
    private static func retryingWhileBusy(_ work: () async throws -> Void) async throws {
        for attempt in 1... {
            do {
                return try await work()
            } catch  where attempt < 100 && String(reflecting: error).contains("is being accessed by other users") {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private static func url(_ server: String, database: String) throws -> String {
        guard var components = URLComponents(string: server) else { throw Unexpected(text: "TEST_DATABASE_URL is not a URL") }
        components.path = "/" + database
        guard let url = components.string else { throw Unexpected(text: "TEST_DATABASE_URL is not a URL") }
        return url
    }
}
