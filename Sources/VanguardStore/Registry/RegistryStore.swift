import FluentKit
import Foundation
import VanguardCore

/// Reads the registry out of the database as Core values.
public struct RegistryStore: Store {
    public let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    /// The whole registry but the boundaries, in a handful of queries on one connection, so a
    /// page costs one pooled connection however many tables it reads.
    public func registry() async throws -> Registry {
        try await database.guardedConnection { connection in
            try await Self.registry(on: connection)
        }
    }

    private static func registry(on database: any Database) async throws -> Registry {
        let regionRows = try await RegionRecord.query(on: database).all()
        let icbRows = try await ICBRecord.query(on: database).all()
        let areaRows = try await AreaRecord.query(on: database).all()
        let vanguardRows = try await VanguardRecord.query(on: database).all()
        let footprintRows = try await FootprintRecord.query(on: database).all()
        let organisationRows = try await OrganisationRecord.query(on: database).all()
        let membershipRows = try await VanguardPartnerRecord.query(on: database).all()
        let factRows = try await ProgrammeFactRecord.query(on: database).all()

        let vanguardRecords = vanguardRows
        var vanguards: [Vanguard] = []
        var governance: [Int: VanguardGovernance] = [:]
        for record in vanguardRecords {
            guard let vanguard = Vanguard(record) else { throw CorruptRow(table: VanguardRecord.schema, key: "\(record.id ?? 0)") }
            vanguards.append(vanguard)
            governance[vanguard.number] = VanguardGovernance(
                governance: record.governance, contracting: record.contracting.flatMap(ContractingArrangement.init(rawValue:))
            )
        }
        return Registry(
            regions: regionRows.map { NHSRegion(code: $0.id ?? "", name: $0.name) },
            icbs: icbRows.map { IntegratedCareBoard(code: $0.id ?? "", name: $0.name, regionCode: $0.regionCode) },
            areas: areaRows.map {
                SubICBLocation(
                    code: $0.id ?? "", name: $0.name, icbCode: $0.icbCode, odsCode: $0.odsCode, lsoaCount: $0.lsoaCount,
                    localAuthorities: $0.localAuthorities.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            },
            vanguards: vanguards,
            governance: governance,
            footprints: footprintRows.map {
                FootprintArea(
                    vanguardNumber: $0.vanguardNumber, areaCode: $0.areaCode,
                    ccg2015Names: Self.list($0.ccg2015Names), ccg2015Codes: Self.list($0.ccg2015Codes),
                    basis: $0.basis, confidence: $0.confidence, note: $0.note, source: $0.source
                )
            },
            organisations: organisationRows.map {
                Organisation(slug: $0.id ?? "", name: $0.name, sector: Sector(rawValue: $0.sector) ?? .unclassified, odsCode: $0.odsCode)
            },
            memberships: membershipRows.map {
                Membership(
                    vanguardNumber: $0.vanguardNumber, organisationSlug: $0.organisationSlug, isLead: $0.isLead, asWritten: $0.asWritten)
            },
            facts: factRows.map { ProgrammeFact(key: $0.id ?? "", value: $0.value, source: $0.source) }
        )
    }

    /// Outlines for the given areas, or every area when `codes` is nil.
    public func boundaries(for codes: [String]? = nil) async throws -> [String: AreaBoundary] {
        var query = AreaBoundaryRecord.query(on: database)
        if let codes { query = query.filter(\.$id ~~ codes) }
        var result: [String: AreaBoundary] = [:]
        for record in try await query.all() {
            guard let code = record.id else { continue }
            result[code] = AreaBoundary(
                svgPath: record.svgPath,
                bounds: PlaneBounds(minX: record.minX, minY: record.minY, maxX: record.maxX, maxY: record.maxY)
            )
        }
        return result
    }

    /// Counts rows in the main tables; the seed's idempotence and `/healthz` use it.
    public func counts() async throws -> [String: Int] {
        [
            "regions": try await RegionRecord.query(on: database).count(),
            "icbs": try await ICBRecord.query(on: database).count(),
            "areas": try await AreaRecord.query(on: database).count(),
            "vanguards": try await VanguardRecord.query(on: database).count(),
            "organisations": try await OrganisationRecord.query(on: database).count(),
            "vanguard_partners": try await VanguardPartnerRecord.query(on: database).count(),
            "vanguard_areas": try await FootprintRecord.query(on: database).count(),
        ]
    }

    /// Records an organisation's ODS code (the directory says it is editable), with its audit entry.
    public func setODSCode(_ code: String?, forOrganisation slug: String, by actor: Actor) async throws -> Bool {
        try await database.guardedTransaction { database in
            guard let record = try await OrganisationRecord.find(slug, on: database) else { return false }
            let before = ["ods_code": record.odsCode ?? ""]
            record.odsCode = code
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "update", entity: "organisation", id: slug, before: before, after: ["ods_code": code ?? ""], at: now(), on: database)
            return true
        }
    }

    /// Records how a vanguard is governed and contracted, with its audit entry.
    public func setGovernance(_ governance: VanguardGovernance, forVanguard number: Int, by actor: Actor) async throws -> Bool {
        try await database.guardedTransaction { database in
            guard let record = try await VanguardRecord.find(number, on: database) else { return false }
            let before = ["governance": record.governance ?? "", "contracting": record.contracting ?? ""]
            record.governance = governance.governance
            record.contracting = governance.contracting?.rawValue
            try await record.save(on: database)
            let after = ["governance": record.governance ?? "", "contracting": record.contracting ?? ""]
            if after != before {
                try await AuditLog.record(
                    actor, "update", entity: "vanguard", id: String(number), before: before, after: after, at: now(), on: database)
                try await SearchIndex(database: database).indexVanguard(number)
            }
            return true
        }
    }

    static func list(_ text: String) -> [String] {
        text.components(separatedBy: "; ").filter { !$0.isEmpty }
    }

    /// A stored row that no longer reads as a domain value (e.g. an unknown care model).
    public struct CorruptRow: Error, CustomStringConvertible {
        public let table: String
        public let key: String
        public var description: String { "row \(key) of \(table) cannot be read" }
    }
}

extension Vanguard {
    init?(_ record: VanguardRecord) {
        guard let number = record.id, let careModel = CareModel(rawValue: record.careModel),
            let announced = CalendarDate(iso8601: record.announced),
            let wave = Wave(number: record.wave) ?? (record.wave > Wave.all.count ? Wave(later: record.wave, announced: announced) : nil),
            let confidence = SourceConfidence(rawValue: record.confidence)
        else { return nil }
        self.init(
            number: number, name: record.name, careModel: careModel, announced: announced, wave: wave,
            areaDescription: record.areaDescription, regionDescription: record.regionDescription,
            leadOrganisationsAsWritten: record.leadOrganisationsAsWritten,
            sources: record.sources.split(separator: "\n").map(String.init), confidence: confidence, notes: record.notes
        )
    }
}
