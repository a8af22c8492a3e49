import FluentKit
import Foundation
import VanguardCore

/// Writes and reads the audit log. Writers call `record` inside the same transaction as the change,
/// so a change and its entry land together or not at all.
public enum AuditLog {
    public static func record(
        _ actor: Actor, _ action: String, entity: String, id: String,
        before: [String: String]? = nil, after: [String: String]? = nil, at: Date, on database: any Database
    ) async throws {
        let record = AuditEntryRecord()
        record.at = at
        record.actorUserID = actor.userID
        record.actorLabel = actor.label
        record.channel = actor.channel.rawValue
        record.action = action
        record.entity = entity
        record.entityID = id
        record.before = try before.map(encode)
        record.after = try after.map(encode)
        try await record.create(on: database)
    }

    /// What the audit page can filter by; nil means any.
    public struct Filter: Sendable, Equatable {
        public var entity: String?
        public var entityID: String?
        public var actor: String?
        public var channel: Actor.Channel?

        public init(entity: String? = nil, entityID: String? = nil, actor: String? = nil, channel: Actor.Channel? = nil) {
            self.entity = entity
            self.entityID = entityID
            self.actor = actor
            self.channel = channel
        }
    }

    /// The newest entries first.
    public static func entries(matching filter: Filter, limit: Int = 200, on database: any Database) async throws -> [AuditEntry] {
        var query = AuditEntryRecord.query(on: database)
        if let entity = filter.entity { query = query.filter(\.$entity == entity) }
        if let entityID = filter.entityID { query = query.filter(\.$entityID == entityID) }
        if let actor = filter.actor { query = query.filter(\.$actorLabel == actor) }
        if let channel = filter.channel { query = query.filter(\.$channel == channel.rawValue) }
        return try await query.sort(\.$at, .descending).limit(limit).all().map { record in
            AuditEntry(
                id: record.id ?? UUID(), at: record.at,
                actor: Actor(
                    userID: record.actorUserID, label: record.actorLabel, channel: Actor.Channel(rawValue: record.channel) ?? .web),
                action: record.action, entity: record.entity, entityID: record.entityID,
                before: record.before.flatMap(decode), after: record.after.flatMap(decode)
            )
        }
    }

    static func encode(_ values: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
