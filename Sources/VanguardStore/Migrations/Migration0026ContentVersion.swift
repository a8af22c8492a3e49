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
        } else {
            try await sql.raw("CREATE TABLE content_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)").run()
            try await sql.raw("INSERT INTO content_version (id, version) VALUES (1, 1)").run()
        }
        try await Self.watch(Self.tables, on: sql)
    }

    /// The watched tables when this migration was written: later tables get their triggers from
    /// the migration that creates them, so this list never changes.
    static let tables = [
        "regions", "icbs", "areas", "area_boundaries", "ccgs_2015", "vanguards", "vanguard_areas", "vanguard_partners",
        "organisations", "programme_facts", "metrics", "submissions", "rebase_points", "evaluations", "impact_estimates",
        "injected_effects", "provider_areas", "calls", "applications", "assessments", "assessor_conflicts", "moderated_scores",
        "selection_decisions", "presentation_plans", "funding_rounds", "funding_plans", "funding_plan_versions", "plan_signatures",
        "tranches", "funding_ledger", "spend_returns", "condition_checks", "posts", "post_revisions", "post_images", "post_topics",
        "post_categories", "comments", "comment_flags", "events", "event_sign_ups", "innovations", "adoptions", "blocked_words",
        "users", "role_grants",
    ]

    /// Adds the triggers that move the content version on any change to `tables`.
    static func watch(_ tables: [String], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw(
                    """
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: trigger(on: table)) AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_content_version()
                    """
                ).run()
            } else {
                for change in changes {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: trigger(on: table, for: change)) AFTER \(unsafeRaw: change) ON \(ident: table)
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
            for table in Self.tables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.trigger(on: table)) ON \(ident: table)").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS move_content_version()").run()
        } else {
            for table in Self.tables {
                for change in Self.changes {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.trigger(on: table, for: change))").run()
                }
            }
        }
        try await sql.raw("DROP TABLE content_version").run()
    }
}
