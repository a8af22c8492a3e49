import FluentKit
import Foundation

/// An account. The password is stored only as a bcrypt hash.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @OptionalField(key: "organisation") public var organisation: String?
    @Field(key: "password_hash") public var passwordHash: String
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One role held by one account, scoped to a vanguard or an organisation where the role is scoped.
public final class RoleGrantRecord: Model, @unchecked Sendable {
    public static let schema = "role_grants"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String
    @OptionalField(key: "vanguard_number") public var vanguardNumber: Int?
    @OptionalField(key: "organisation_slug") public var organisationSlug: String?
    @Field(key: "granted_at") public var grantedAt: Date

    public init() {}
}

/// A signed-in session. The cookie holds a random secret; only its SHA-256 is stored here.
public final class UserSessionRecord: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    @ID(custom: "secret_hash", generatedBy: .user) public var id: String?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}

/// A single-use link sent by e-mail: to confirm an address or reset a password. Stored hashed.
public final class AccountLinkRecord: Model, @unchecked Sendable {
    public static let schema = "account_links"

    @ID(custom: "secret_hash", generatedBy: .user) public var id: String?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}

/// An API token for one vanguard's data submission. Shown once; only its SHA-256 is kept.
public final class APITokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// Nil for a programme token, which acts with its owner's programme-team role.
    @OptionalField(key: "vanguard_number") public var vanguardNumber: Int?
    @Field(key: "name") public var name: String
    @Field(key: "secret_hash") public var secretHash: String
    /// The first characters of the token, so a person can tell their tokens apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    public init() {}
}

/// An e-mail waiting to be sent (or kept after sending): the durable outbox.
public final class OutboxMessageRecord: Model, @unchecked Sendable {
    public static let schema = "outbox"

    @ID(key: .id) public var id: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    /// Failed deliveries so far, and the last reason; delivery stops after a few.
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    /// An account e-mail carrying a one-time link: not shown, and its body emptied once sent.
    @Field(key: "sensitive") public var sensitive: Bool
    /// A digest's one-click unsubscribe address, sent as its List-Unsubscribe header.
    @OptionalField(key: "list_unsubscribe") public var listUnsubscribe: String?

    public init() {}
}

/// One entry of the audit log. Nothing in the app updates or deletes these.
public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "channel") public var channel: String
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityID: String
    /// JSON objects of the changed fields, or nil for a creation (before) or deletion (after).
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}
}

/// A sign-in attempt, counted to slow down guessing.
public final class SignInAttemptRecord: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "address") public var address: String
    @Field(key: "at") public var at: Date
    @Field(key: "succeeded") public var succeeded: Bool

    public init() {}
}
