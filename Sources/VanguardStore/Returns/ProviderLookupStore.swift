import FluentKit
import Foundation
import VanguardCore

/// The provider → area lookup: read by importers, edited by the programme team (web and CLI),
/// every change in the audit log.
public struct ProviderLookupStore: Store {
    public let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public struct Summary: Sendable, Equatable {
        public let added: Int
        public let changed: Int
        public let unchanged: Int
    }

    public func entries() async throws -> [ProviderArea] {
        try await ProviderAreaRecord.query(on: database).sort(\.$id).all().map(Self.entry)
    }

    /// ODS code → area code, as the importers take it.
    public func lookup() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await entries().map { ($0.orgCode, $0.areaCode) })
    }

    /// Adds or changes mappings, all or nothing. A mapping equal to the stored one is left alone.
    @discardableResult
    public func save(_ entries: [ProviderArea], by actor: Actor) async throws -> Summary {
        let areas = Set(try await AreaRecord.query(on: database).all().compactMap(\.id))
        for entry in entries {
            guard ProviderArea.isValidCode(entry.orgCode) else {
                throw ValidationError.invalid(
                    field: "org_code", reason: "'\(entry.orgCode)' is not an ODS code (3 to 10 letters and digits)")
            }
            guard areas.contains(entry.areaCode) else {
                throw ValidationError.invalid(field: "area_code", reason: "'\(entry.areaCode)' is not a sub-ICB location")
            }
        }
        return try await database.guardedTransaction { database in
            var added = 0, changed = 0, unchanged = 0
            for entry in entries {
                let existing = try await ProviderAreaRecord.find(entry.orgCode, on: database)
                if let existing, existing.areaCode == entry.areaCode, existing.orgName == entry.orgName || entry.orgName.isEmpty {
                    unchanged += 1
                    continue
                }
                let record = existing ?? ProviderAreaRecord()
                let before = existing.map(Self.snapshot)
                record.id = entry.orgCode
                record.orgName = entry.orgName.isEmpty ? (existing?.orgName ?? "") : entry.orgName
                record.areaCode = entry.areaCode
                record.updatedBy = actor.label
                record.updatedAt = now()
                if existing == nil {
                    try await record.create(on: database)
                    added += 1
                } else {
                    try await record.update(on: database)
                    changed += 1
                }
                try await AuditLog.record(
                    actor, existing == nil ? "create" : "update", entity: "provider_area", id: entry.orgCode,
                    before: before, after: Self.snapshot(record), at: now(), on: database)
            }
            return Summary(added: added, changed: changed, unchanged: unchanged)
        }
    }

    public func remove(orgCode: String, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await ProviderAreaRecord.find(orgCode.uppercased(), on: database) else {
                throw ValidationError.invalid(field: "org_code", reason: "'\(orgCode)' is not in the lookup")
            }
            let before = Self.snapshot(record)
            try await record.delete(on: database)
            try await AuditLog.record(
                actor, "delete", entity: "provider_area", id: orgCode.uppercased(), before: before, at: now(), on: database)
        }
    }

    static func entry(_ record: ProviderAreaRecord) -> ProviderArea {
        ProviderArea(orgCode: record.id ?? "", orgName: record.orgName, areaCode: record.areaCode)
    }

    static func snapshot(_ record: ProviderAreaRecord) -> [String: String] {
        ["org_name": record.orgName, "area_code": record.areaCode]
    }
}
