import FluentKit
import Foundation
import SQLKit
import VanguardCore

/// Who is calling, read in one round trip per request: the session or token joined with its
/// account and every role the account holds, so pages pay one query for knowing their caller.
extension AccountStore {
    /// The account a live session belongs to; an expired session is removed and answers nil.
    public func account(sessionHash: String) async throws -> Account? {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.accountColumns), s.expires_at AS credential_expires_at
            FROM user_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN role_grants g ON g.user_id = u.id
            WHERE s.secret_hash = \(bind: sessionHash)
            """
        ).all()
        guard let first = rows.first else { return nil }
        guard try first.decode(column: "credential_expires_at", as: Date.self) > now() else {
            try await deleteSession(secretHash: sessionHash)
            return nil
        }
        return try Self.account(from: rows)
    }

    /// A live token with its account and the vanguard it acts for (nil for a programme token).
    public struct TokenHolder: Sendable {
        public let account: Account
        public let vanguard: Int?
    }

    /// Why a token cannot be used: unknown and revoked tokens are not told apart from each other.
    public enum TokenRefusal: Error, Equatable, Sendable {
        case unknownOrRevoked
        case expired
    }

    /// The account and vanguard of a token that is known, not revoked and not expired. Whether the
    /// owner still holds the role the token acts with is the permission matrix's to say.
    public func authenticate(tokenHash: String) async throws -> Result<TokenHolder, TokenRefusal> {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.accountColumns), t.id AS token_id, t.vanguard_number AS token_vanguard,
                   t.revoked_at AS token_revoked_at, t.expires_at AS token_expires_at, t.last_used_at AS token_last_used_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN role_grants g ON g.user_id = u.id
            WHERE t.secret_hash = \(bind: tokenHash)
            """
        ).all()
        guard let first = rows.first, try first.decodeNil(column: "token_revoked_at") else { return .failure(.unknownOrRevoked) }
        let expiresAt = try first.decode(column: "token_expires_at", as: Date?.self)
        if let expiresAt, expiresAt <= now() { return .failure(.expired) }
        // Marked at most once a minute, so a busy client does not write on every request.
        let lastUsed = try first.decode(column: "token_last_used_at", as: Date?.self)
        if lastUsed.map({ now().timeIntervalSince($0) > 60 }) ?? true {
            let id = try first.decode(column: "token_id", as: UUID.self)
            try await sql.update(APITokenRecord.schema).set("last_used_at", to: now()).where("id", .equal, id).run()
        }
        return .success(
            TokenHolder(account: try Self.account(from: rows), vanguard: try first.decode(column: "token_vanguard", as: Int?.self)))
    }

    static let accountColumns = """
        u.id AS user_id, u.email AS user_email, u.display_name AS user_display_name, u.organisation AS user_organisation,
        u.confirmed_at AS user_confirmed_at, g.id AS grant_id, g.role AS grant_role, g.vanguard_number AS grant_vanguard,
        g.organisation_slug AS grant_organisation, g.granted_at AS grant_granted_at
        """

    /// One account from the rows of a join with its grants (one row per grant, or one with none).
    static func account(from rows: [any SQLRow]) throws -> Account {
        let first = rows[0]
        var grants: [(Date, StoredGrant)] = []
        for row in rows where !(try row.decodeNil(column: "grant_id")) {
            guard let role = Role(rawValue: try row.decode(column: "grant_role", as: String.self)) else { continue }
            let scope: Scope? =
                try row.decode(column: "grant_vanguard", as: Int?.self).map(Scope.vanguard)
                ?? row.decode(column: "grant_organisation", as: String?.self).map(Scope.organisation)
            guard let grant = try? RoleGrant(role: role, scope: scope) else { continue }
            grants.append(
                (
                    try row.decode(column: "grant_granted_at", as: Date.self),
                    StoredGrant(id: try row.decode(column: "grant_id", as: UUID.self), grant: grant)
                ))
        }
        return Account(
            id: try first.decode(column: "user_id", as: UUID.self), email: try first.decode(column: "user_email", as: String.self),
            displayName: try first.decode(column: "user_display_name", as: String.self),
            organisation: try first.decode(column: "user_organisation", as: String?.self),
            isConfirmed: !(try first.decodeNil(column: "user_confirmed_at")),
            grants: grants.sorted { $0.0 < $1.0 }.map(\.1)
        )
    }

    var sql: any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("both supported drivers are SQL databases") }
        return sql
    }
}
