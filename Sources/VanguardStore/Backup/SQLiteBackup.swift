import FluentKit
import Foundation
import SQLKit

/// A SQLite database copied whole while it is in use, and restored into an empty one. `VACUUM INTO`
/// writes a consistent snapshot (readers and writers carry on); restoring attaches the copy and
/// rebuilds every table and index from it in one transaction, so an interrupted restore leaves the
/// target as empty as it was.
public enum SQLiteBackup {
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the copy to `file`, which the caller has checked does not exist (`VACUUM INTO` also
    /// refuses a file with anything in it).
    public static func backup(_ database: any Database, to file: URL) async throws {
        try await sql(database).raw("VACUUM INTO \(bind: file.path)").run()
    }

    /// Restores `file` into `database`, which must hold no tables.
    public static func restore(_ database: any Database, from file: URL) async throws -> [String] {
        guard FileManager.default.fileExists(atPath: file.path) else { throw Refused(description: "\(file.path) does not exist") }
        return try await database.withConnection { connection in
            let sql = try sql(connection)
            let existing = try await tables(sql, schema: "main")
            guard existing.isEmpty else {
                throw Refused(
                    description: "the database is not empty (it has \(existing.count) tables): restore only into an empty database")
            }
            try await sql.raw("ATTACH DATABASE \(bind: file.path) AS backup").run()
            do {
                let restored = try await copyEverything(sql)
                try await sql.raw("DETACH DATABASE backup").run()
                return restored
            } catch {
                try? await sql.raw("ROLLBACK").run()
                try? await sql.raw("DETACH DATABASE backup").run()
                throw error
            }
        }
    }

    private static func copyEverything(_ sql: any SQLDatabase) async throws -> [String] {
        struct Entry: Decodable {
            let type: String
            let name: String
            let sql: String?
        }
        let entries = try await sql.raw(
            "SELECT type, name, sql FROM backup.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type = 'index', sql NOT LIKE 'CREATE VIRTUAL TABLE%', rowid"
        ).all(decoding: Entry.self)
        guard entries.contains(where: { $0.type == "table" }) else {
            throw Refused(description: "the file holds no tables: is it a backup?")
        }
        try await sql.raw("BEGIN").run()
        var restored: [String] = []
        for entry in entries {
            guard let create = entry.sql else { continue }
            if entry.type == "table", try await tables(sql, schema: "main").contains(entry.name) {
                // A full-text index's own tables, made with it: their rows are copied as they are,
                // so the restored index is the same index, not a rebuilt one.
                try await sql.raw("INSERT OR REPLACE INTO main.\(ident: entry.name) SELECT * FROM backup.\(ident: entry.name)").run()
                restored.append(entry.name)
                continue
            }
            try await sql.raw("\(unsafeRaw: create)").run()
            if entry.type == "table", !create.uppercased().hasPrefix("CREATE VIRTUAL TABLE") {
                try await sql.raw("INSERT INTO main.\(ident: entry.name) SELECT * FROM backup.\(ident: entry.name)").run()
                restored.append(entry.name)
            }
        }
        try await sql.raw("COMMIT").run()
        return restored
    }

    static func tables(_ sql: any SQLDatabase, schema: String) async throws -> [String] {
        try await sql.raw("SELECT name FROM \(ident: schema).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    private static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw Refused(description: "not an SQL database") }
        return sql
    }
}
