import FluentKit
import SQLKit

/// A returns submission's references — its areas and metrics — checked once per code, in the
/// submission's own transaction, instead of once per row.
///
/// Why: SQLite checks each row's three foreign keys as it is written, a third of the time of a
/// million-row insert; a file names a few hundred codes at most. So a submission on SQLite runs on a
/// connection whose per-row checks are off for its transaction, and first reads every code it uses
/// from `areas` and `metrics` in that transaction; the submission row it references is written by
/// the same transaction. Every row written refers to a row that exists, as the constraints demand.
/// PostgreSQL keeps its own checks (COPY is not slowed by them the same way). Inside a transaction
/// already, SQLite ignores the switch and checks each row as usual.
enum ReferencesCheckedOnce {
    /// Runs `work` on one connection with SQLite's per-row foreign-key checks off, and back on after,
    /// whatever happens (the setting belongs to the connection, which goes back to the pool).
    static func run<T: Sendable>(on database: any Database, _ work: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite", !database.inTransaction else {
            return try await work(database)
        }
        return try await database.guardedConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let result = try await work(connection)
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                return result
            } catch {
                try? await sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    /// Fails, naming them, unless every code is in the registry as this transaction sees it.
    static func verify(areas: [String], metrics: [String], on database: any Database) async throws {
        let sql = try ReturnsStore.sql(database)
        for (table, codes) in [(AreaRecord.schema, areas), (MetricRecord.schema, metrics)] where !codes.isEmpty {
            let known = try await sql.select().column("code").from(table).where("code", .in, codes)
                .all(decodingColumn: "code", as: String.self)
            let missing = Set(codes).subtracting(known).sorted()
            if !missing.isEmpty { throw UnknownCodes(table: table, codes: missing) }
        }
    }

    struct UnknownCodes: Error, CustomStringConvertible {
        let table: String
        let codes: [String]

        var description: String {
            "no such \(table == AreaRecord.schema ? "area" : "metric"): \(codes.prefix(10).joined(separator: ", "))"
                + (codes.count > 10 ? " and \(codes.count - 10) more" : "")
        }
    }
}
