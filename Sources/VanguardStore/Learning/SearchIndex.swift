import FluentKit
import Foundation
import SQLKit
import VanguardCore

/// Full-text search over posts, vanguards and organisations: SQLite's FTS5 on the embedded
/// database, PostgreSQL's text search on PostgreSQL, with one way in and one shape of answer.
/// Both stem English words, rank titles above bodies, and mark matched words in a snippet.
public struct SearchIndex: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    struct Unsupported: Error {}

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw Unsupported() }
            return sql
        }
    }

    var isSQLite: Bool { (try? sql.dialect.name) == "sqlite" }

    /// Adds or replaces one document; `visibleFrom` keeps scheduled posts out until their time.
    public func put(_ kind: SearchHit.Kind, key: String, title: String, body: String, visibleFrom: Date = .distantPast) async throws {
        try await remove(kind, key: key)
        let from = visibleFrom.timeIntervalSince1970
        try await sql.raw(
            """
            INSERT INTO search_documents (kind, key, visible_from, title, body)
            VALUES (\(bind: kind.rawValue), \(bind: key), \(bind: from), \(bind: SearchHit.unmarked(title)), \(bind: SearchHit.unmarked(body)))
            """
        ).run()
    }

    public func remove(_ kind: SearchHit.Kind, key: String) async throws {
        try await sql.raw("DELETE FROM search_documents WHERE kind = \(bind: kind.rawValue) AND key = \(bind: key)").run()
    }

    /// The best matches first; every word of the query must appear (after stemming).
    public func search(_ query: SearchQuery, at date: Date, limit: Int = 30) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let now = date.timeIntervalSince1970
        let rows: [any SQLRow]
        if isSQLite {
            // Each term quoted, so FTS5 reads it as a word and never as an operator.
            let match = query.terms.map { "\"\($0)\"" }.joined(separator: " ")
            rows = try await sql.raw(
                """
                SELECT kind, key, title, -bm25(search_documents, 0.0, 0.0, 0.0, 10.0, 1.0) AS rank,
                       snippet(search_documents, 4, \(bind: SearchHit.matchStart), \(bind: SearchHit.matchEnd), '…', 24) AS snippet
                FROM search_documents
                WHERE search_documents MATCH \(bind: match) AND visible_from <= \(bind: now)
                ORDER BY rank DESC, title LIMIT \(bind: limit)
                """
            ).all()
        } else {
            let options =
                "StartSel=\(SearchHit.matchStart), StopSel=\(SearchHit.matchEnd), MaxWords=30, MinWords=12, ShortWord=2, FragmentDelimiter=…"
            rows = try await sql.raw(
                """
                SELECT kind, key, title, ts_rank(document, query)::DOUBLE PRECISION AS rank,
                       ts_headline('english', body, query, \(bind: options)) AS snippet
                FROM search_documents, plainto_tsquery('english', \(bind: query.terms.joined(separator: " "))) AS query
                WHERE document @@ query AND visible_from <= \(bind: now)
                ORDER BY rank DESC, title LIMIT \(bind: limit)
                """
            ).all()
        }
        return try rows.compactMap { row in
            guard let kind = SearchHit.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return SearchHit(
                kind: kind, key: try row.decode(column: "key", as: String.self), title: try row.decode(column: "title", as: String.self),
                rank: try row.decode(column: "rank", as: Double.self),
                snippet: SearchHit.pieces(fromMarked: try row.decode(column: "snippet", as: String.self)))
        }
    }

    /// Indexes one vanguard again, after its profile changed.
    public func indexVanguard(_ number: Int) async throws {
        guard let record = try await VanguardRecord.find(number, on: database) else { return }
        try await index(record)
    }

    func index(_ vanguard: VanguardRecord) async throws {
        guard let number = vanguard.id else { return }
        let model = CareModel(rawValue: vanguard.careModel)?.name ?? vanguard.careModel
        let body = [
            model, vanguard.areaDescription, vanguard.regionDescription, vanguard.leadOrganisationsAsWritten, vanguard.governance ?? "",
        ]
        .filter { !$0.isEmpty }.joined(separator: ". ")
        try await put(.vanguard, key: String(number), title: vanguard.name, body: body)
    }

    /// Indexes every vanguard and organisation afresh (after a seed, or when selection adds a vanguard).
    public func indexRegistry() async throws {
        try await sql.raw("DELETE FROM search_documents WHERE kind IN ('vanguard', 'organisation')").run()
        let memberships = try await VanguardPartnerRecord.query(on: database).all()
        let vanguards = try await VanguardRecord.query(on: database).all()
        let names = Dictionary(
            vanguards.compactMap { record in record.id.map { ($0, record.name) } }, uniquingKeysWith: { first, _ in first })
        for vanguard in vanguards { try await index(vanguard) }
        for organisation in try await OrganisationRecord.query(on: database).all() {
            guard let slug = organisation.id else { continue }
            let partnerships = memberships.filter { $0.organisationSlug == slug }.compactMap { names[$0.vanguardNumber] }
            let sector = Sector(rawValue: organisation.sector)?.name ?? organisation.sector
            let body = ([sector] + (organisation.odsCode.map { ["ODS \($0)"] } ?? []) + partnerships.map { "Partner in \($0)" }).joined(
                separator: ". ")
            try await put(.organisation, key: slug, title: organisation.name, body: body)
        }
    }
}
