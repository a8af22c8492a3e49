import Foundation

/// Who made a change and through which door, as the audit log records it.
public struct Actor: Hashable, Sendable, Codable {
    public enum Channel: String, Sendable, Codable, CaseIterable {
        case web, api, cli, seed
    }

    public let userID: UUID?
    /// The account's e-mail address, or a description for operators ("operator at the CLI").
    public let label: String
    public let channel: Channel

    public init(userID: UUID?, label: String, channel: Channel) {
        self.userID = userID
        self.label = label
        self.channel = channel
    }

    public static func operatorAtCLI(_ user: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown") -> Actor {
        Actor(userID: nil, label: "operator \(user) at the CLI", channel: .cli)
    }
}

/// One line of the audit log: who, when, through which door, what changed, before and after.
public struct AuditEntry: Hashable, Sendable, Codable {
    public let id: UUID
    public let at: Date
    public let actor: Actor
    public let action: String
    public let entity: String
    public let entityID: String
    public let before: [String: String]?
    public let after: [String: String]?

    public init(
        id: UUID, at: Date, actor: Actor, action: String, entity: String, entityID: String, before: [String: String]?,
        after: [String: String]?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}
