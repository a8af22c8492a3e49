import FluentKit
import Foundation
import VanguardCore

/// The innovations catalogue and who adopted what, where and when.
public struct InnovationStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public func innovations() async throws -> [Innovation] {
        try await InnovationRecord.query(on: database).sort(\.$name).all().compactMap(Self.innovation)
    }

    public func innovation(_ slug: String) async throws -> Innovation? {
        try await InnovationRecord.find(slug, on: database).flatMap(Self.innovation)
    }

    public func add(name: String, summary: String, careModel: CareModel, originVanguard: Int, by actor: Actor) async throws -> Innovation {
        let innovation = Innovation(
            slug: Post.slug(from: name), name: name.trimmingCharacters(in: .whitespaces), summary: summary,
            careModel: careModel, originVanguard: originVanguard)
        if let problem = innovation.problems.first { throw problem }
        try await database.guardedTransaction { database in
            if try await InnovationRecord.find(innovation.slug, on: database) != nil {
                throw ValidationError.invalid(field: "name", reason: "The catalogue already has '\(innovation.name)'")
            }
            guard try await VanguardRecord.find(originVanguard, on: database) != nil else {
                throw ValidationError.invalid(field: "vanguard", reason: "Choose the vanguard that originated it")
            }
            let record = InnovationRecord()
            record.id = innovation.slug
            record.name = innovation.name
            record.summary = innovation.summary
            record.careModel = careModel.rawValue
            record.originVanguard = originVanguard
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "innovation", id: innovation.slug, after: ["name": innovation.name], at: now(), on: database)
        }
        return innovation
    }

    public func adoptions(of slug: String) async throws -> [Adoption] {
        try await AdoptionRecord.query(on: database).filter(\.$innovationSlug == slug).all().compactMap(Self.adoption)
            .sorted { $0.adoptedOn < $1.adoptedOn }
    }

    /// Records an adoption after checking it against the areas the registry knows, refusing a
    /// duplicate and a person's twenty-first of the day, and works out the adopting area's change on
    /// the care model's metrics once, now, so the page only reads it.
    /// The adopting area's change since 2014/15 on each metric of the care model, from its returns now.
    static func areaChanges(area: String, careModel: CareModel, on database: any Database) async throws -> [Adoption.AreaChange] {
        let returns = ReturnsStore(database: database)
        var changes: [Adoption.AreaChange] = []
        for metric in try await returns.metrics() where metric.careModels.contains(careModel) {
            let values = try await returns.series(area: area, metric: metric.code)
            changes.append(.init(values.isEmpty ? nil : MetricEvaluation(metric: metric, values: values), metricCode: metric.code))
        }
        return changes
    }

    public func recordAdoption(
        of slug: String, adopter: String, areaCode: String, adoptedOn: CalendarDate?, contact: String,
        by account: UUID, actor: Actor, today: CalendarDate, at now: Date? = nil
    ) async throws -> Adoption {
        let now = now ?? self.now()
        let areas = Set(try await AreaRecord.query(on: database).all().compactMap(\.id))
        if let problem = Adoption.problems(
            adopter: adopter, areaCode: areaCode, knownAreas: areas, adoptedOn: adoptedOn, today: today, contact: contact
        ).first {
            throw problem
        }
        guard let innovation = try await innovation(slug) else {
            throw ValidationError.invalid(field: "innovation", reason: "There is no such innovation")
        }
        let organisation = try await OrganisationRecord.find(Organisation.slug(for: adopter), on: database)
        let changes = try await Self.areaChanges(area: areaCode, careModel: innovation.careModel, on: database)
        let adoption = Adoption(
            id: UUID(), innovationSlug: slug, adopter: adopter.trimmingCharacters(in: .whitespaces), organisationSlug: organisation?.id,
            areaCode: areaCode, adoptedOn: adoptedOn!, contact: contact.trimmingCharacters(in: .whitespaces), recordedBy: account,
            areaChanges: changes)
        try await database.guardedTransaction { database in
            let existing = try await AdoptionRecord.query(on: database).filter(\.$innovationSlug == slug).filter(\.$areaCode == areaCode)
                .all().compactMap(Self.adoption)
            if existing.contains(where: adoption.duplicates) {
                throw ValidationError.invalid(
                    field: "adopter", reason: "\(adoption.adopter) is already recorded as adopting it in this area")
            }
            let today = try await AdoptionRecord.query(on: database).filter(\.$recordedBy == account)
                .filter(\.$recordedAt > now.addingTimeInterval(-24 * 60 * 60)).count()
            if today >= Adoption.dailyLimitPerPerson {
                throw ValidationError.invalid(
                    field: "adopter",
                    reason:
                        "You have recorded \(Adoption.dailyLimitPerPerson) adoptions in the last 24 hours, the most one person may; try again tomorrow"
                )
            }
            let record = AdoptionRecord()
            record.id = adoption.id
            record.innovationSlug = slug
            record.adopter = adoption.adopter
            record.organisationSlug = adoption.organisationSlug
            record.areaCode = areaCode
            record.adoptedOn = adoption.adoptedOn.iso8601
            record.contact = adoption.contact
            record.recordedBy = account
            record.recordedAt = now
            record.areaChanges = String(decoding: try JSONEncoder().encode(adoption.areaChanges), as: UTF8.self)
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "adopt", entity: "innovation", id: slug,
                after: ["adopter": adoption.adopter, "area": areaCode, "adopted_on": adoption.adoptedOn.iso8601], at: now, on: database)
        }
        return adoption
    }

    static func innovation(_ record: InnovationRecord) -> Innovation? {
        guard let slug = record.id, let model = CareModel(rawValue: record.careModel) else { return nil }
        return Innovation(slug: slug, name: record.name, summary: record.summary, careModel: model, originVanguard: record.originVanguard)
    }

    static func adoption(_ record: AdoptionRecord) -> Adoption? {
        guard let id = record.id, let date = CalendarDate(iso8601: record.adoptedOn) else { return nil }
        let changes = record.areaChanges.flatMap { try? JSONDecoder().decode([Adoption.AreaChange].self, from: Data($0.utf8)) } ?? []
        return Adoption(
            id: id, innovationSlug: record.innovationSlug, adopter: record.adopter, organisationSlug: record.organisationSlug,
            areaCode: record.areaCode, adoptedOn: date, contact: record.contact, recordedBy: record.recordedBy, areaChanges: changes)
    }
}
