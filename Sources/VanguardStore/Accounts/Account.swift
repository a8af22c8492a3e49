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

    public var actor: Actor { Actor(userID: id, label: publicLabel, channel: .web) }

    /// How the person is named where others can see what they did (returns history, revisions,
    /// rebase notes): name and role, never the e-mail address, which is staff contact data.
    public var publicLabel: String {
        let role = roleGrants.map(\.role).min() ?? .member
        return "\(displayName) (\(role.name))"
    }
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
    /// Nil only for tokens made before tokens expired; those are given 90 days from their creation.
    public let expiresAt: Date?
    public let revokedAt: Date?
    public let lastUsedAt: Date?

    public func isLive(at date: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > date } ?? true)
    }
}

/// An outbox message.
public struct OutboxMessage: Sendable, Hashable {
    public let id: UUID
    public let recipient: String
    public let subject: String
    public let body: String
    /// An account e-mail (a confirmation or reset link): never shown, and its body dropped once sent.
    public let isSensitive: Bool
    public let createdAt: Date
    public let sentAt: Date?
    public let attempts: Int
    public let lastError: String?
    public var listUnsubscribe: String? = nil

    /// The text the outbox page and CLI show: an account e-mail's live link is never among it.
    public var readableBody: String {
        isSensitive ? "(An account e-mail. Its text carries a one-time link, so it is not shown here, and it is deleted once sent.)" : body
    }
}
