import FluentKit
import SQLKit

/// One number that changes, in the same commit, with any change to what public pages show.
///
/// A server may keep a rendered page only while this number is what it was when the page was made:
/// each request reads it (one single-row query), so a change made through any server, the CLI or
/// plain SQL shows on the very next request everywhere. Triggers keep it, not the stores, so no
/// write path can forget it.
public enum ContentVersion {
    /// The tables public pages are made from; a change to any of them moves the version.
    /// A new table either joins this list (with a migration adding its triggers) or `unwatchedTables`;
    /// `ContentVersionTests` fails while a table is in neither.
    public static let watchedTables = Migration0026ContentVersion.tables + Migration0027CreateWaveImpactEstimates.watchedTables

    /// Tables no public page shows, and why each is left out.
    public static let unwatchedTables: [String: String] = [
        "_fluent_migrations": "the schema's own bookkeeping",
        "content_version": "the version itself",
        "return_values":
            "every change comes with a row in submissions, in the same transaction (a trigger per value row would tax a million-row import)",
        "search_documents": "rewritten with the content it indexes, in the same transaction",
        "jobs": "the work queue", "outbox": "mail waiting to go", "audit_log": "shown only to the programme team, never cached",
        "user_sessions": "sign-ins", "api_tokens": "credentials", "account_links": "one-time links",
        "rate_limit_hits": "throttling", "sign_in_attempts": "throttling", "subscriptions": "each person's own, never cached",
    ]

    /// The version now.
    public static func current(on database: any Database) async throws -> Int64 {
        try await read(on: database).get()
    }

    /// The version now, without leaving the event loop to ask (the hot path of every public page).
    public static func read(on database: any Database) -> EventLoopFuture<Int64> {
        guard let sql = database as? any SQLDatabase else { return database.eventLoop.makeFailedFuture(ContentVersionUnavailable()) }
        return sql.raw("SELECT version FROM content_version WHERE id = 1").first().flatMapThrowing { row in
            guard let version = try row?.decode(column: "version", as: Int64.self) else { throw ContentVersionUnavailable() }
            return version
        }
    }

    /// Moves the version by a random step: after a restore, the database may be back at a number a
    /// server has already seen with other content.
    public static func leap(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw ContentVersionUnavailable() }
        try await sql.raw(
            "UPDATE content_version SET version = version + \(literal: Int64.random(in: 1_000_000...1_000_000_000_000)) WHERE id = 1"
        ).run()
    }
}

/// The database has no content version (not migrated, or not an SQL database).
public struct ContentVersionUnavailable: Error, CustomStringConvertible {
    public init() {}

    public var description: String { "the database has no content_version row: run `vanguard migrate`" }
}
