import Foundation
import VanguardCore

/// A signed-in person as the app sees them: who they are and the roles they hold.
public struct Account: Sendable, Hashable {
    public let id: UUID
    public let email: String
    public let displayName: String
    public let organisation: String?
    public let isConfirmed: Bool
    public let grants: [StoredGrant]

    public var roleGrants: [RoleGrant] { grants.map(\.grant) }

    public init(id: UUID, email: String, displayName: String, organisation: String?, isConfirmed: Bool, grants: [StoredGrant]) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.organisation = organisation
        self.isConfirmed = isConfirmed
        self.grants = grants
    }

    public var actor: Actor { Actor(userID: id, label: email, channel: .web) }
}

/// A grant as stored, with the id needed to revoke it.
public struct StoredGrant: Sendable, Hashable {
    public let id: UUID
    public let grant: RoleGrant

    public init(id: UUID, grant: RoleGrant) {
        self.id = id
        self.grant = grant
    }
}

/// An API token as listed to its owner (never the secret itself).
public struct APITokenSummary: Sendable, Hashable {
    public let id: UUID
    public let name: String
    public let prefix: String
    /// Nil for a programme token.
    public let vanguardNumber: Int?
    public let createdAt: Date
    public let revokedAt: Date?
    public let lastUsedAt: Date?
}

/// An outbox message.
public struct OutboxMessage: Sendable, Hashable {
    public let id: UUID
    public let recipient: String
    public let subject: String
    public let body: String
    public let createdAt: Date
    public let sentAt: Date?
    public let attempts: Int
    public let lastError: String?
}
