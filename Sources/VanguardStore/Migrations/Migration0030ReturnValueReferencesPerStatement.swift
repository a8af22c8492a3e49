import FluentKit
import SQLKit

/// On PostgreSQL, the references of `return_values` (its area, metric and submission) checked once
/// per statement instead of once per row.
///
/// Why: a foreign key checks, and locks, its referenced row for every row written: three lookups
/// each, eleven of the thirteen seconds of a million-row COPY. A statement trigger sees every row a
/// statement wrote at once (a transition table) and checks them as a set: each code it names is
/// locked `FOR KEY SHARE`, as a foreign key would lock it, then an anti-join finds any that do not
/// exist. The other side of the constraint — a referenced area, metric or submission may not be
/// deleted or rekeyed — is a row trigger on each of those tables, which locks the row before it
/// looks, so neither side can slip past a concurrent transaction of the other. The guarantee is the
/// foreign keys' for every writer, plain SQL included (TRUNCATE excepted, which fires no triggers).
/// SQLite keeps its foreign keys: it has one writer at a time, and a submission switches its per-row
/// checks off for its own transaction instead (`ReferencesCheckedOnce`).
struct Migration0030ReturnValueReferencesPerStatement: AsyncMigration {
    var name: String { "0030_return_value_references_per_statement" }

    /// Referenced table, its key, and the column of `return_values` that names it.
    static let references = [("areas", "code", "area_code"), ("metrics", "code", "metric_code"), ("submissions", "id", "submission_id")]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await database.guardedTransaction { database in
            let sql = database as! any SQLDatabase
            try await sql.raw(
                """
                DO $$
                DECLARE reference text;
                BEGIN
                    FOR reference IN SELECT conname FROM pg_constraint WHERE conrelid = 'return_values'::regclass AND contype = 'f' LOOP
                        EXECUTE format('ALTER TABLE return_values DROP CONSTRAINT %I', reference);
                    END LOOP;
                END $$
                """
            ).run()
            // The transition table is read once (a million rows name a few thousand combinations);
            // each reference is then checked on the handful of codes it names.
            let checks = Self.references.map { table, key, column in
                """
                    PERFORM 1 FROM \(table) WHERE \(key) = ANY (\(column)s) FOR KEY SHARE;
                    SELECT named::text INTO missing FROM unnest(\(column)s) AS named
                        WHERE NOT EXISTS (SELECT 1 FROM \(table) p WHERE p.\(key) = named) LIMIT 1;
                    IF FOUND THEN
                        RAISE foreign_key_violation USING MESSAGE = format('return_values: %s is not in \(table)', missing);
                    END IF;
                """
            }.joined(separator: "\n")
            try await sql.raw(
                """
                CREATE FUNCTION return_values_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    area_codes text[];
                    metric_codes text[];
                    submission_ids uuid[];
                    missing text;
                BEGIN
                    WITH named AS (SELECT DISTINCT area_code, metric_code, submission_id FROM written)
                    SELECT array_agg(DISTINCT area_code), array_agg(DISTINCT metric_code), array_agg(DISTINCT submission_id)
                        INTO area_codes, metric_codes, submission_ids FROM named;
                \(unsafeRaw: checks)
                    RETURN NULL;
                END $$
                """
            ).run()
            for change in ["INSERT", "UPDATE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: "return_values_\(change.lowercased())_references") AFTER \(unsafeRaw: change) ON return_values
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION return_values_references_exist()
                    """
                ).run()
            }
            for (table, key, column) in Self.references {
                try await sql.raw(
                    """
                    CREATE FUNCTION \(unsafeRaw: "\(table)_referenced_by_return_values")() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF (TG_OP = 'DELETE' OR OLD.\(unsafeRaw: key) IS DISTINCT FROM NEW.\(unsafeRaw: key))
                            AND EXISTS (SELECT 1 FROM return_values WHERE \(unsafeRaw: column) = OLD.\(unsafeRaw: key)) THEN
                            RAISE foreign_key_violation USING MESSAGE = format('\(unsafeRaw: table) %s has returns', OLD.\(unsafeRaw: key));
                        END IF;
                        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
                    END $$
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: "\(table)_referenced_by_return_values") BEFORE DELETE OR UPDATE ON \(unsafeRaw: table)
                    FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: "\(table)_referenced_by_return_values")()
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await database.guardedTransaction { database in
            let sql = database as! any SQLDatabase
            for change in ["insert", "update"] {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: "return_values_\(change)_references") ON return_values").run()
            }
            try await sql.raw("DROP FUNCTION return_values_references_exist()").run()
            for (table, key, column) in Self.references {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: "\(table)_referenced_by_return_values") ON \(unsafeRaw: table)").run()
                try await sql.raw("DROP FUNCTION \(unsafeRaw: "\(table)_referenced_by_return_values")()").run()
                try await sql.raw(
                    "ALTER TABLE return_values ADD FOREIGN KEY (\(unsafeRaw: column)) REFERENCES \(unsafeRaw: table) (\(unsafeRaw: key))"
                ).run()
            }
        }
    }
}
