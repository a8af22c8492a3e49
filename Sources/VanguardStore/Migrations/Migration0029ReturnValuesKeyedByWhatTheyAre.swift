import FluentKit
import SQLKit

/// `return_values` keyed by what a value is — metric, area, month and revision — instead of a
/// made-up identifier beside a unique index on those same columns.
///
/// Why: the identifier was 36 bytes of text per row with an index of its own, and nothing read a
/// value by it; for a million-row import that index was a fifth of the file and most of the write
/// beyond the rows themselves. On SQLite the table is now `WITHOUT ROWID`, clustered on the key, so a
/// series (one metric in one area) is one contiguous range of the table and a new month is appended
/// to it; on PostgreSQL the unique constraint gives way to a primary key on the same columns.
struct Migration0029ReturnValuesKeyedByWhatTheyAre: AsyncMigration {
    var name: String { "0029_return_values_keyed_by_what_they_are" }

    func prepare(on database: any Database) async throws {
        try await database.guardedTransaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            if sql.dialect.name == "postgresql" {
                try await sql.raw(
                    """
                    DO $$
                    DECLARE unique_key text;
                    BEGIN
                        SELECT conname INTO unique_key FROM pg_constraint
                        WHERE conrelid = 'return_values'::regclass AND contype = 'u';
                        ALTER TABLE return_values DROP COLUMN id;
                        EXECUTE format('ALTER TABLE return_values DROP CONSTRAINT %I', unique_key);
                        ALTER TABLE return_values ADD PRIMARY KEY (metric_code, area_code, period, revision);
                    END $$
                    """
                ).run()
            } else {
                try await Self.rebuildOnSQLite(sql, identifiedBy: nil)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.guardedTransaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            if sql.dialect.name == "postgresql" {
                try await sql.raw("ALTER TABLE return_values DROP CONSTRAINT return_values_pkey").run()
                try await sql.raw("ALTER TABLE return_values ADD COLUMN id UUID PRIMARY KEY DEFAULT gen_random_uuid()").run()
                try await sql.raw("ALTER TABLE return_values ALTER COLUMN id DROP DEFAULT").run()
                try await sql.raw("ALTER TABLE return_values ADD UNIQUE (metric_code, area_code, period, revision)").run()
            } else {
                // A version-4 identifier per row, upper-case as Fluent writes them on SQLite.
                let identifier = """
                    upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                        || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
                    """
                try await Self.rebuildOnSQLite(sql, identifiedBy: identifier)
            }
        }
    }

    /// SQLite cannot change a table's key in place: a new table, the rows copied in key order, the
    /// old one dropped and the new one renamed (nothing references `return_values`, so nothing else
    /// changes). Keyed by what a value is, or (`identifier`: the SQL that makes one per row) by an
    /// `id` column beside a unique index on the same columns, as before this migration.
    private static func rebuildOnSQLite(_ sql: any SQLDatabase, identifiedBy identifier: String?) async throws {
        let values = "area_code, metric_code, period, numerator, denominator, revision, is_current, submission_id"
        let columns = identifier == nil ? "" : "\"id\" UUID PRIMARY KEY, "
        let key =
            identifier == nil
            ? "PRIMARY KEY (metric_code, area_code, period, revision)) WITHOUT ROWID"
            : "UNIQUE (metric_code, area_code, period, revision))"
        try await sql.raw(
            """
            CREATE TABLE return_values_rebuilt (\(unsafeRaw: columns)\
            "area_code" TEXT NOT NULL REFERENCES "areas" ("code"), \
            "metric_code" TEXT NOT NULL REFERENCES "metrics" ("code"), \
            "period" TEXT NOT NULL, "numerator" DOUBLE NOT NULL, "denominator" DOUBLE NOT NULL, \
            "revision" INTEGER NOT NULL, "is_current" INTEGER NOT NULL, \
            "submission_id" UUID NOT NULL REFERENCES "submissions" ("id"), \(unsafeRaw: key)
            """
        ).run()
        let selected = identifier.map { "\($0), \(values)" } ?? values
        let inserted = identifier == nil ? values : "id, \(values)"
        try await sql.raw(
            """
            INSERT INTO return_values_rebuilt (\(unsafeRaw: inserted)) SELECT \(unsafeRaw: selected) FROM return_values \
            ORDER BY metric_code, area_code, period, revision
            """
        ).run()
        try await sql.raw("DROP TABLE return_values").run()
        try await sql.raw("ALTER TABLE return_values_rebuilt RENAME TO return_values").run()
    }
}
