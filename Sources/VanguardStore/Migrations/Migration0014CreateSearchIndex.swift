import FluentKit
import SQLKit

/// The full-text index: an FTS5 table on SQLite, a table with a weighted `tsvector` and a GIN
/// index on PostgreSQL. `SearchIndex` hides the difference.
struct Migration0014CreateSearchIndex: AsyncMigration {
    var name: String { "0014_create_search_index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            // Porter stemming so "admissions" finds "admission", as PostgreSQL's English configuration does.
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE search_documents USING fts5(
                    kind UNINDEXED, key UNINDEXED, visible_from UNINDEXED, title, body,
                    tokenize = 'porter unicode61 remove_diacritics 2')
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE search_documents (
                    kind TEXT NOT NULL, key TEXT NOT NULL, visible_from DOUBLE PRECISION NOT NULL,
                    title TEXT NOT NULL, body TEXT NOT NULL,
                    document TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED,
                    PRIMARY KEY (kind, key))
                """
            ).run()
            try await sql.raw("CREATE INDEX search_documents_document ON search_documents USING GIN (document)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE search_documents").run()
    }
}
