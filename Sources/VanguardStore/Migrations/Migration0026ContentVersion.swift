import FluentKit
import SQLKit

/// The content version (`ContentVersion`) and the triggers that move it.
///
/// PostgreSQL: one deferred row trigger per table, so the version row is locked only while a
/// transaction commits (two writers never wait on each other's content in the middle of their work,
/// which could deadlock) and moved once per transaction however many rows it wrote. SQLite has one
/// writer at a time: a plain row trigger for each change.
struct Migration0026ContentVersion: AsyncMigration {
    var name: String { "0026_content_version" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE TABLE content_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL, moved_in BIGINT)").run()
            try await sql.raw("INSERT INTO content_version (id, version) VALUES (1, 1)").run()
            try await sql.raw(
                """
                CREATE FUNCTION move_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE content_version SET version = version + 1, moved_in = txid_current()
                    WHERE id = 1 AND moved_in IS DISTINCT FROM txid_current();
                    RETURN NULL;
                END $$
                """
            ).run()
            for table in ContentVersion.watchedTables {
                try await sql.raw(
                    """
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: Self.trigger(on: table)) AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_content_version()
                    """
                ).run()
            }
        } else {
            try await sql.raw("CREATE TABLE content_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)").run()
            try await sql.raw("INSERT INTO content_version (id, version) VALUES (1, 1)").run()
            for table in ContentVersion.watchedTables {
                for change in Self.changes {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: Self.trigger(on: table, for: change)) AFTER \(unsafeRaw: change) ON \(ident: table)
                        BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END
                        """
                    ).run()
                }
            }
        }
    }

    static let changes = ["INSERT", "UPDATE", "DELETE"]

    /// One name per table (PostgreSQL, one trigger for every change) or per table and change (SQLite).
    static func trigger(on table: String, for change: String? = nil) -> String {
        ["content_version", table, change?.lowercased()].compactMap { $0 }.joined(separator: "_")
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for table in ContentVersion.watchedTables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.trigger(on: table)) ON \(ident: table)").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS move_content_version()").run()
        } else {
            for table in ContentVersion.watchedTables {
                for change in Self.changes {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.trigger(on: table, for: change))").run()
                }
            }
        }
        try await sql.raw("DROP TABLE content_version").run()
    }
}
