import Foundation
import SQLKit
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// `vanguard backup` and `vanguard restore` on the test database (SQLite, or PostgreSQL through
/// pg_dump and pg_restore), compared table by table, row by row.
@Suite struct BackupTests {
    @Test func aBackupRestoresIntoAnEmptyDatabaseTableForTable() async throws {
        try await TestApp.run { source in
            // setup: the seeded registry, accounts, a submission and a queued job
            _ = try await People.make(in: source)
            let values = [
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2016, month: 5),
                    numerator: 100, denominator: 300_000)
            ]
            _ = try await ReturnsStore(on: source).submit(
                values, fileName: "may.csv", by: .operatorAtCLI("test"), queueing: [(.refitImpact, "all")])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vanguard-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            // MUT: back up, then restore into an empty database
            source.environment.arguments = ["vanguard", "backup", file.path]
            try await source.execute()
            source.environment.arguments = ["vanguard", "backup", file.path]
            await #expect(throws: (any Error).self) { try await source.execute() }  // never overwrites
            let target = try await TestDatabases.shared.empty(for: try TestApp.databaseLocation)
            let restored = try await Application.make(.testing)
            do {
                try await configure(restored, config: TestApp.config(database: target.location))
                restored.environment.arguments = ["vanguard", "restore", file.path]
                try await restored.execute()
                // validate: every table, every row
                let tables = try await Self.tables(source)
                #expect(tables.count > 30 && tables.contains("jobs") && tables.contains("return_values"))
                #expect(try await Self.tables(restored) == tables)
                for table in tables where table != "content_version" {
                    let (before, after) = (try await Self.fingerprint(table, in: source), try await Self.fingerprint(table, in: restored))
                    #expect(before == after, "table \(table)")
                }
                // The content version leaps, so no server keeps a page made at that number from other content.
                #expect(try await ContentVersion.current(on: restored.db) >= ContentVersion.current(on: source.db) + 1_000_000)
                // A database with anything in it is never restored over.
                restored.environment.arguments = ["vanguard", "restore", file.path]
                await #expect(throws: (any Error).self) { try await restored.execute() }
            } catch {
                try? await restored.asyncShutdown()
                await target.remove()
                throw error
            }
            try await restored.asyncShutdown()
            await target.remove()
        }
    }

    static func tables(_ app: Application) async throws -> [String] {
        let sql = TestApp.sql(app)
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// The table's rows, each written out whole and sorted, so two tables compare equal only when
    /// they hold the same rows.
    static func fingerprint(_ table: String, in app: Application) async throws -> String {
        let sql = TestApp.sql(app)
        if sql.dialect.name == "sqlite" {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                .map { try $0.decode(column: "name", as: String.self) }
            let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
            return try await sql.raw(
                "SELECT count(*) || ':' || coalesce(group_concat(r, '|'), '') AS f FROM (SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY r)"
            )
            .first()?.decode(column: "f", as: String.self) ?? ""
        }
        return try await sql.raw(
            "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS f FROM \(ident: table) t"
        )
        .first()?.decode(column: "f", as: String.self) ?? ""
    }
}
