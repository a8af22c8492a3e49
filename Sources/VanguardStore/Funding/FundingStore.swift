import FluentKit
import Foundation
import VanguardCore

/// Funding rounds, plans, sign-off, allocation, release and spend returns. The rules are kept
/// here, inside each transaction: one plan per place per round; only the current version's
/// signatures count; money only to eligible plans and never beyond the pot; a tranche released
/// only when its condition is met or overridden with a reason; the ledger only added to.
public struct FundingStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    // MARK: Rounds

    public func rounds() async throws -> [FundingRound] {
        try await FundingRoundRecord.query(on: database).sort(\.$createdAt, .descending).all().compactMap(Self.round)
    }

    public func round(_ id: UUID) async throws -> FundingRound? {
        try await FundingRoundRecord.find(id, on: database).flatMap(Self.round)
    }

    public func create(_ round: FundingRound, by actor: Actor) async throws {
        if let problem = round.problems.first { throw problem }
        try await database.guardedTransaction { database in
            let record = FundingRoundRecord()
            record.id = round.id
            record.name = round.name
            record.potPounds = round.potPounds
            record.opensOn = round.opensOn.iso8601
            record.closesOn = round.closesOn.iso8601
            record.guidance = round.guidance
            record.transformationPercent = round.expectedTransformationPercent
            record.conditions = round.conditions
            record.varianceThreshold = round.varianceThresholdPercent
            record.createdAt = now()
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "funding_round", id: round.id.uuidString,
                after: [
                    "name": round.name, "pot": String(round.potPounds), "opens_on": round.opensOn.iso8601,
                    "closes_on": round.closesOn.iso8601,
                ], at: now(), on: database)
        }
    }

    // MARK: Plans and versions

    public func plans(round: UUID) async throws -> [FundingPlan] {
        let records = try await FundingPlanRecord.query(on: database).filter(\.$roundID == round).sort(\.$createdAt).all()
        return try await plans(records)
    }

    public func plan(_ id: UUID) async throws -> (plan: FundingPlan, lead: UUID)? {
        guard let record = try await FundingPlanRecord.find(id, on: database), let plan = try await plans([record]).first else {
            return nil
        }
        return (plan, record.leadUserID)
    }

    /// Starts a place's plan in a round as version 1; a place has one plan per round.
    public func startPlan(round: FundingRound, place: FundingPlace, content: FundingPlanContent, lead: UUID, by actor: Actor) async throws
        -> UUID
    {
        let id = UUID()
        try await database.guardedTransaction { database in
            let existing = try await FundingPlanRecord.query(on: database).filter(\.$roundID == round.id).all()
                .map { try SelectionStore.decode(FundingPlace.self, $0.place) }
            let footprints = Dictionary(grouping: try await FootprintRecord.query(on: database).all(), by: \.vanguardNumber).mapValues {
                Set($0.map(\.areaCode))
            }
            if let conflict = place.conflict(with: existing, footprints: footprints) { throw conflict }
            let record = FundingPlanRecord()
            record.id = id
            record.roundID = round.id
            record.placeKey = place.key
            record.place = try SelectionStore.json(place)
            record.leadUserID = lead
            record.createdAt = now()
            let required = try await Self.registryPartners(of: place, on: database)
            let missing = FundingPlan.missingPartners(content, required: required)
            guard missing.isEmpty else { throw try await Self.leftOut(missing, on: database) }
            record.confirmedPartners = try SelectionStore.json(required.sorted())
            try await record.create(on: database)
            try await Self.addVersion(1, plan: id, content: content, by: actor, at: now(), on: database)
            try await AuditLog.record(
                actor, "start_plan", entity: "funding_plan", id: id.uuidString,
                after: ["round": round.id.uuidString, "place": place.key, "version": "1"], at: now(), on: database)
        }
        return id
    }

    /// Saves an edit as a new version. Signatures stay with the versions they signed, so every
    /// partner must sign again; the audit says what changed.
    public func revise(_ id: UUID, content: FundingPlanContent, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard
                let latest = try await FundingPlanVersionRecord.query(on: database).filter(\.$planID == id).sort(\.$number, .descending)
                    .first()
            else {
                throw ValidationError.invalid(field: "plan", reason: "The plan no longer exists")
            }
            if try await TrancheRecord.query(on: database).filter(\.$planID == id).first() != nil {
                throw ValidationError.invalid(field: "plan", reason: "Money has been allocated to this plan; it can no longer change")
            }
            guard let plan = try await FundingPlanRecord.find(id, on: database) else {
                throw ValidationError.invalid(field: "plan", reason: "The plan no longer exists")
            }
            let missing = FundingPlan.missingPartners(
                content, required: try await Self.registryPartners(of: SelectionStore.decode(FundingPlace.self, plan.place), on: database))
            guard missing.isEmpty else { throw try await Self.leftOut(missing, on: database) }
            let before = try SelectionStore.decode(FundingPlanContent.self, latest.content)
            let changes = content.changes(from: before)
            guard !changes.isEmpty else { throw ValidationError.invalid(field: "plan", reason: "Nothing has changed") }
            try await Self.addVersion(latest.number + 1, plan: id, content: content, by: actor, at: now(), on: database)
            let cleared = try await PlanSignatureRecord.query(on: database).filter(\.$planID == id).filter(\.$version == latest.number)
                .count()
            try await AuditLog.record(
                actor, "revise_plan", entity: "funding_plan", id: id.uuidString,
                before: ["version": String(latest.number)],
                after: [
                    "version": String(latest.number + 1), "changed": changes.joined(separator: ", "), "signatures_cleared": String(cleared),
                ], at: now(), on: database)
        }
    }

    /// A partner organisation signs a version. Refused unless it is the current version and the
    /// organisation is one of its partners; the caller has checked the signatory's role.
    public func sign(_ id: UUID, version: Int, organisation: String, signatory: UUID, signatoryName: String, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard
                let latest = try await FundingPlanVersionRecord.query(on: database).filter(\.$planID == id).sort(\.$number, .descending)
                    .first()
            else {
                throw ValidationError.invalid(field: "plan", reason: "The plan no longer exists")
            }
            guard version == latest.number else {
                throw ValidationError.invalid(
                    field: "version",
                    reason:
                        "Version \(version) has been superseded by version \(latest.number); read the changes and sign the current version")
            }
            let content = try SelectionStore.decode(FundingPlanContent.self, latest.content)
            guard content.partners.contains(organisation) else {
                throw ValidationError.invalid(field: "organisation", reason: "\(organisation) is not a partner in this plan")
            }
            if try await PlanSignatureRecord.query(on: database).filter(\.$planID == id).filter(\.$version == version)
                .filter(\.$organisationSlug == organisation).first() != nil
            {
                throw ValidationError.invalid(field: "organisation", reason: "\(organisation) has already signed version \(version)")
            }
            let record = PlanSignatureRecord()
            record.id = UUID()
            record.planID = id
            record.version = version
            record.organisationSlug = organisation
            record.signatoryUserID = signatory
            record.signatoryName = signatoryName
            record.signedAt = now()
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "sign_plan", entity: "funding_plan", id: id.uuidString,
                after: ["version": String(version), "organisation": organisation], at: now(), on: database)
        }
    }

    /// The programme team confirms the partners the lead has named that the registry does not
    /// know as the place's, so they count toward sign-off.
    public func confirmPartners(_ id: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await FundingPlanRecord.find(id, on: database),
                let (plan, _) = try await FundingStore(database: database, now: now).plan(id)
            else {
                throw ValidationError.invalid(field: "plan", reason: "The plan no longer exists")
            }
            let added = plan.unconfirmedPartners
            guard !added.isEmpty else {
                throw ValidationError.invalid(field: "partners", reason: "Every partner of this plan is already confirmed")
            }
            record.confirmedPartners = try SelectionStore.json(plan.confirmedPartners.union(added).sorted())
            try await record.update(on: database)
            try await AuditLog.record(
                actor, "confirm_partners", entity: "funding_plan", id: id.uuidString,
                after: ["confirmed": added.joined(separator: ", ")], at: now(), on: database)
        }
    }

    /// A vanguard's partners in the registry sign its plan; a partnership has none until confirmed.
    static func registryPartners(of place: FundingPlace, on database: any Database) async throws -> [String] {
        guard case .vanguard(let number) = place else { return [] }
        return try await VanguardPartnerRecord.query(on: database).filter(\.$vanguardNumber == number).all().map(\.organisationSlug)
    }

    static func leftOut(_ slugs: [String], on database: any Database) async throws -> ValidationError {
        var names: [String] = []
        for slug in slugs { names.append(try await OrganisationRecord.find(slug, on: database)?.name ?? slug) }
        names.sort()
        return .invalid(
            field: "partners",
            reason:
                "\(names.joined(separator: ", ")) \(names.count == 1 ? "is a partner" : "are partners") of this vanguard in the registry and \(names.count == 1 ? "signs" : "sign") its plan; \(names.count == 1 ? "it" : "they") cannot be left out"
        )
    }

    // MARK: Mapping

    private static func addVersion(
        _ number: Int, plan: UUID, content: FundingPlanContent, by actor: Actor, at date: Date, on database: any Database
    ) async throws {
        let record = FundingPlanVersionRecord()
        record.id = UUID()
        record.planID = plan
        record.number = number
        record.content = try SelectionStore.json(content)
        record.createdAt = date
        record.createdBy = actor.label
        try await record.create(on: database)
    }

    private func plans(_ records: [FundingPlanRecord]) async throws -> [FundingPlan] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let versions = Dictionary(
            grouping: try await FundingPlanVersionRecord.query(on: database).filter(\.$planID ~~ ids).all(), by: \.planID)
        let signatures = Dictionary(
            grouping: try await PlanSignatureRecord.query(on: database).filter(\.$planID ~~ ids).all(), by: \.planID)
        return records.compactMap { record in
            guard let id = record.id, let place = try? SelectionStore.decode(FundingPlace.self, record.place) else { return nil }
            let planVersions = (versions[id] ?? []).compactMap { version in
                (try? SelectionStore.decode(FundingPlanContent.self, version.content)).map {
                    FundingPlanVersion(number: version.number, content: $0, createdAt: version.createdAt, createdBy: version.createdBy)
                }
            }
            guard !planVersions.isEmpty else { return nil }
            return FundingPlan(
                id: id, roundID: record.roundID, place: place, versions: planVersions,
                signatures: (signatures[id] ?? []).map {
                    PlanSignature(
                        version: $0.version, organisationSlug: $0.organisationSlug,
                        signatoryName: $0.signatoryName, signedAt: $0.signedAt)
                },
                confirmedPartners: Set((try? SelectionStore.decode([String].self, record.confirmedPartners)) ?? []))
        }
    }

    static func round(_ record: FundingRoundRecord) -> FundingRound? {
        guard let id = record.id, let opens = CalendarDate(iso8601: record.opensOn), let closes = CalendarDate(iso8601: record.closesOn)
        else { return nil }
        return FundingRound(
            id: id, name: record.name, potPounds: record.potPounds, opensOn: opens, closesOn: closes, guidance: record.guidance,
            expectedTransformationPercent: record.transformationPercent, conditions: record.conditions,
            varianceThresholdPercent: record.varianceThreshold)
    }
}
