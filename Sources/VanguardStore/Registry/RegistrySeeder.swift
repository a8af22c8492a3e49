import FluentKit
import Foundation
import VanguardCore

/// Writes a checked `RegistryDataset` into the database in one transaction.
///
/// Seeding is an upsert keyed by the data's own identifiers (ONS codes, vanguard numbers,
/// organisation names), so running it again changes nothing, and it never deletes: what people
/// have added or edited since (an ODS code, governance fields) survives a re-seed.
public enum RegistrySeeder {
    public struct Summary: Sendable, Equatable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
    }

    @discardableResult
    public static func seed(
        _ dataset: RegistryDataset, on database: any Database, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Summary {
        try await database.guardedTransaction { database in
            var summary = Summary()
            progress("regions and ICBs")
            try await upsert(dataset.regions, on: database, summary: &summary, key: \.code) { (record: RegionRecord, region) in
                record.id = region.code
                record.name = region.name
            }
            try await upsert(dataset.icbs, on: database, summary: &summary, key: \.code) { (record: ICBRecord, icb) in
                record.id = icb.code
                record.name = icb.name
                record.regionCode = icb.regionCode
            }
            progress("\(dataset.areas.count) sub-ICB locations and their boundaries")
            try await upsert(dataset.areas, on: database, summary: &summary, key: \.code) { (record: AreaRecord, area) in
                record.id = area.code
                record.name = area.name
                record.icbCode = area.icbCode
                record.odsCode = area.odsCode
                record.lsoaCount = area.lsoaCount
                record.localAuthorities = area.localAuthorities.joined(separator: "; ")
            }
            let boundaries = dataset.boundaries.sorted { $0.key < $1.key }.map { (code: $0.key, boundary: $0.value) }
            try await upsert(boundaries, on: database, summary: &summary, key: \.code) { (record: AreaBoundaryRecord, item) in
                record.id = item.code
                record.svgPath = item.boundary.svgPath
                record.minX = item.boundary.bounds.minX
                record.minY = item.boundary.bounds.minY
                record.maxX = item.boundary.bounds.maxX
                record.maxY = item.boundary.bounds.maxY
            }
            try await upsert(dataset.ccgs, on: database, summary: &summary, key: \.key) { (record: CCGRecord, ccg) in
                record.id = ccg.key
                record.odsCode = ccg.odsCode
                record.name = ccg.name
                record.areaCode = ccg.areaCode
            }
            progress("\(dataset.vanguards.count) vanguards")
            try await upsert(dataset.vanguards, on: database, summary: &summary, key: \.number) { (record: VanguardRecord, vanguard) in
                record.id = vanguard.number
                record.name = vanguard.name
                record.careModel = vanguard.careModel.rawValue
                record.announced = vanguard.announced.iso8601
                record.wave = vanguard.wave.number
                record.areaDescription = vanguard.areaDescription
                record.regionDescription = vanguard.regionDescription
                record.leadOrganisationsAsWritten = vanguard.leadOrganisationsAsWritten
                record.sources = vanguard.sources.joined(separator: "\n")
                record.confidence = vanguard.confidence.rawValue
                record.notes = vanguard.notes
            }
            progress("partner organisations")
            var organisations: [String: Organisation] = [:]
            for partner in dataset.partners {
                let slug = Organisation.slug(for: partner.name)
                if organisations[slug] == nil {
                    organisations[slug] = Organisation(
                        slug: slug, name: partner.name, sector: partner.sector,
                        odsCode: dataset.odsCode(forOrganisationNamed: partner.name)
                    )
                }
            }
            try await upsert(organisations.values.sorted { $0.slug < $1.slug }, on: database, summary: &summary, key: \.slug) {
                (record: OrganisationRecord, organisation) in
                record.id = organisation.slug
                record.name = organisation.name
                record.sector = organisation.sector.rawValue
                // An ODS code set by a person is kept; the seed only fills a gap.
                if record.odsCode == nil { record.odsCode = organisation.odsCode }
            }
            try await upsertMemberships(dataset.partners, on: database, summary: &summary)
            try await upsertFootprints(dataset.footprints, on: database, summary: &summary)
            try await upsert(dataset.facts, on: database, summary: &summary, key: \.key) { (record: ProgrammeFactRecord, fact) in
                record.id = fact.key
                record.value = fact.value
                record.source = fact.source
            }
            progress("the metric framework")
            try await insertMissingMetrics(dataset.metrics, on: database, summary: &summary)
            progress("the search index")
            try await SearchIndex(database: database).indexRegistry()
            return summary
        }
    }

    private static func fingerprint(of record: some Model) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(record)
    }

    /// Inserts rows that are missing and updates rows whose fields differ, keyed by the record's ID.
    private static func upsert<Item, Record: Model>(
        _ items: [Item], on database: any Database, summary: inout Summary, key: KeyPath<Item, Record.IDValue>,
        apply: (Record, Item) -> Void
    ) async throws where Record.IDValue: Hashable {
        let existing = try await Record.query(on: database).all()
        var byID: [Record.IDValue: Record] = [:]
        for record in existing {
            if let id = record.id { byID[id] = record }
        }
        for item in items {
            if let record = byID[item[keyPath: key]] {
                // Fluent counts any assignment as a change, so compare what would be stored instead.
                let before = try fingerprint(of: record)
                apply(record, item)
                if try fingerprint(of: record) != before {
                    try await record.update(on: database)
                    summary.updated += 1
                } else {
                    summary.unchanged += 1
                }
            } else {
                let record = Record()
                apply(record, item)
                try await record.create(on: database)
                summary.inserted += 1
            }
        }
    }

    private static func upsertMemberships(_ partners: [PartnerOrganisation], on database: any Database, summary: inout Summary) async throws
    {
        let existing = try await VanguardPartnerRecord.query(on: database).all()
        var byKey = Dictionary(
            existing.map { ("\($0.vanguardNumber)/\($0.organisationSlug)", $0) }, uniquingKeysWith: { first, _ in first })
        for partner in partners {
            let slug = Organisation.slug(for: partner.name)
            let key = "\(partner.vanguardNumber)/\(slug)"
            let record = byKey[key] ?? VanguardPartnerRecord()
            let before = byKey[key] == nil ? nil : try fingerprint(of: record)
            record.vanguardNumber = partner.vanguardNumber
            record.organisationSlug = slug
            record.isLead = partner.isLead
            record.asWritten = partner.asWritten
            try await save(record, before: before, on: database, summary: &summary)
            byKey[key] = record
        }
    }

    private static func upsertFootprints(_ footprints: [FootprintArea], on database: any Database, summary: inout Summary) async throws {
        let existing = try await FootprintRecord.query(on: database).all()
        let byKey = Dictionary(existing.map { ("\($0.vanguardNumber)/\($0.areaCode)", $0) }, uniquingKeysWith: { first, _ in first })
        for footprint in footprints {
            let key = "\(footprint.vanguardNumber)/\(footprint.areaCode)"
            let record = byKey[key] ?? FootprintRecord()
            let before = byKey[key] == nil ? nil : try fingerprint(of: record)
            record.vanguardNumber = footprint.vanguardNumber
            record.areaCode = footprint.areaCode
            record.ccg2015Names = footprint.ccg2015Names.joined(separator: "; ")
            record.ccg2015Codes = footprint.ccg2015Codes.joined(separator: "; ")
            record.basis = footprint.basis
            record.confidence = footprint.confidence
            record.note = footprint.note
            record.source = footprint.source
            try await save(record, before: before, on: database, summary: &summary)
        }
    }

    /// Metrics are the programme team's to edit once they exist, so the seed only adds missing ones.
    private static func insertMissingMetrics(_ metrics: [Metric], on database: any Database, summary: inout Summary) async throws {
        let existing = Set(try await MetricRecord.query(on: database).all().compactMap(\.id))
        for metric in metrics {
            guard !existing.contains(metric.code) else {
                summary.unchanged += 1
                continue
            }
            try await MetricRecord(metric).create(on: database)
            summary.inserted += 1
        }
    }

    /// Saves a record read earlier (`before` is its fingerprint then) or a new one (`before` is nil).
    private static func save(_ record: some Model, before: Data?, on database: any Database, summary: inout Summary) async throws {
        guard let before else {
            try await record.create(on: database)
            summary.inserted += 1
            return
        }
        if try fingerprint(of: record) != before {
            try await record.update(on: database)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }
}
