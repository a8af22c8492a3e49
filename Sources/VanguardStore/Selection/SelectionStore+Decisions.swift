import FluentKit
import Foundation
import VanguardCore

/// The shortlist, decisions, and the registry entry a selection creates.
extension SelectionStore {
    /// Puts a submitted application on the shortlist, or takes a shortlisted one off it.
    public func setShortlisted(_ id: UUID, _ shortlisted: Bool, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await ApplicationRecord.find(id, on: database) else {
                throw ValidationError.invalid(field: "application", reason: "The application no longer exists")
            }
            let from: ApplicationStatus = shortlisted ? .submitted : .shortlisted
            guard record.status == from.rawValue else {
                throw ValidationError.invalid(
                    field: "status",
                    reason: shortlisted
                        ? "Only a submitted application can be shortlisted (this one is \(ApplicationStatus(rawValue: record.status)?.name.lowercased() ?? record.status))"
                        : "The application is not on the shortlist")
            }
            let to: ApplicationStatus = shortlisted ? .shortlisted : .submitted
            record.status = to.rawValue
            try await record.save(on: database)
            try await AuditLog.record(
                actor, shortlisted ? "shortlist" : "unshortlist", entity: "application", id: id.uuidString,
                before: ["status": from.rawValue], after: ["status": to.rawValue], at: now(), on: database)
        }
    }

    public func decision(_ application: UUID) async throws -> SelectionDecision? {
        try await DecisionRecord.find(application, on: database).flatMap(Self.decision)
    }

    public func decisions(_ applications: [UUID]) async throws -> [UUID: SelectionDecision] {
        guard !applications.isEmpty else { return [:] }
        var result: [UUID: SelectionDecision] = [:]
        for record in try await DecisionRecord.query(on: database).filter(\.$id ~~ applications).all() {
            if let decision = Self.decision(record) { result[record.id!] = decision }
        }
        return result
    }

    /// Decides a submitted or shortlisted application, once. Selecting it creates the vanguard in
    /// the registry from the application (care model, footprint, partners), in the same
    /// transaction, so the registry and map show it at once. Returns the new vanguard's number.
    @discardableResult
    public func decide(
        _ id: UUID, outcome: SelectionOutcome, waveName: String?, announcedOn: CalendarDate?, feedback: String, by actor: Actor
    ) async throws -> Int? {
        if let problem = SelectionDecision.problems(outcome: outcome, waveName: waveName, announcedOn: announcedOn, feedback: feedback)
            .first
        {
            throw problem
        }
        return try await database.guardedTransaction { database in
            guard let record = try await ApplicationRecord.find(id, on: database),
                let callRecord = try await CallRecord.find(record.callID, on: database)
            else {
                throw ValidationError.invalid(field: "application", reason: "The application no longer exists")
            }
            guard record.status == ApplicationStatus.submitted.rawValue || record.status == ApplicationStatus.shortlisted.rawValue else {
                throw ValidationError.invalid(
                    field: "outcome",
                    reason: record.status == ApplicationStatus.draft.rawValue
                        ? "A draft cannot be decided: it was never submitted"
                        : "The application has already been decided")
            }
            if outcome != .notSelected && record.status != ApplicationStatus.shortlisted.rawValue {
                throw ValidationError.invalid(
                    field: "outcome", reason: "Only a shortlisted application can be selected or made a fast follower")
            }
            let application = Self.application(record)
            var number: Int?
            if outcome == .selected, let announcedOn, let waveName {
                number = try await Self.createVanguard(
                    from: application, call: Self.call(callRecord), waveName: waveName, announcedOn: announcedOn, on: database)
            }
            let decision = DecisionRecord()
            decision.id = id
            decision.outcome = outcome.rawValue
            decision.waveName = outcome == .selected ? waveName : nil
            decision.announcedOn = outcome == .selected ? announcedOn?.description : nil
            decision.feedback = feedback.trimmingCharacters(in: .whitespacesAndNewlines)
            decision.vanguardNumber = number
            decision.wasShortlisted = record.status == ApplicationStatus.shortlisted.rawValue
            decision.decidedBy = actor.label
            decision.decidedAt = now()
            try await decision.create(on: database)
            let before = record.status
            record.status = outcome.status.rawValue
            record.updatedAt = now()
            try await record.save(on: database)
            var after = ["status": outcome.status.rawValue, "feedback": decision.feedback]
            if let number { after["vanguard"] = String(number) }
            if let waveName, outcome == .selected { after["wave"] = waveName }
            try await AuditLog.record(
                actor, "decide", entity: "application", id: id.uuidString, before: ["status": before], after: after, at: now(), on: database
            )
            return number
        }
    }

    /// The registry entry for a selected application: the next number; the wave announced that
    /// day if one exists beyond 2015's, else a new one; footprint and partners as applied.
    private static func createVanguard(
        from application: CallApplication, call: Call, waveName: String, announcedOn: CalendarDate, on database: any Database
    ) async throws -> Int {
        let content = application.content
        guard let careModel = content.careModel else {
            throw ValidationError.invalid(field: "care_model", reason: "The application names no care model")
        }
        let vanguards = try await VanguardRecord.query(on: database).all()
        let number = (vanguards.compactMap(\.id).max() ?? 0) + 1
        let laterWaves = vanguards.filter { $0.wave > Wave.all.count }
        let wave =
            laterWaves.first { $0.announced == announcedOn.description }?.wave
            ?? max(Wave.all.count, vanguards.map(\.wave).max() ?? 0) + 1
        let areas = try await AreaRecord.query(on: database).filter(\.$id ~~ content.areaCodes).all()
        let icbs = try await ICBRecord.query(on: database).filter(\.$id ~~ Array(Set(areas.map(\.icbCode)))).all()
        let regions = try await RegionRecord.query(on: database).filter(\.$id ~~ Array(Set(icbs.map(\.regionCode)))).all()

        let record = VanguardRecord()
        record.id = number
        record.name = content.partnershipName
        record.careModel = careModel.rawValue
        record.announced = announcedOn.description
        record.wave = wave
        record.areaDescription = areas.map(\.name).sorted().joined(separator: "; ")
        record.regionDescription = regions.map(\.name).sorted().joined(separator: "; ")
        record.leadOrganisationsAsWritten = content.partners.map(\.name).joined(separator: "; ")
        record.sources = "Selected through Vanguard: \(call.title) (\(waveName))"
        record.confidence = SourceConfidence.sourced.rawValue
        record.notes = "Selected into \(waveName), announced \(announcedOn.description), from application \(application.id.uuidString)."
        try await record.create(on: database)

        for code in content.areaCodes {
            let footprint = FootprintRecord()
            footprint.id = UUID()
            footprint.vanguardNumber = number
            footprint.areaCode = code
            footprint.ccg2015Names = ""
            footprint.ccg2015Codes = ""
            footprint.basis = "footprint given in the application"
            footprint.confidence = "high"
            try await footprint.create(on: database)
        }
        let directory = try await OrganisationRecord.query(on: database).all().map {
            Organisation(slug: $0.id ?? "", name: $0.name, sector: Sector(rawValue: $0.sector) ?? .unclassified, odsCode: $0.odsCode)
        }
        var taken = Set(directory.map(\.slug)), members = Set<String>()
        for (index, match) in PartnerMatch.match(content.partners, directory: directory).enumerated() {
            let partner = match.proposed
            let slug: String
            if let existing = match.organisation {
                slug = existing.slug
                if existing.odsCode == nil, let ods = partner.odsCode,
                    let organisation = try await OrganisationRecord.find(slug, on: database)
                {
                    organisation.odsCode = ods
                    try await organisation.save(on: database)
                }
            } else {
                // A new organisation whose name's slug is taken (same name, another ODS code) gets a numbered slug.
                let base = Organisation.slug(for: partner.name)
                var candidate = base, suffix = 2
                while taken.contains(candidate) { candidate = "\(base)-\(suffix)"; suffix += 1 }
                slug = candidate
                taken.insert(slug)
                let organisation = OrganisationRecord()
                organisation.id = slug
                organisation.name = partner.name
                organisation.sector = partner.sector.rawValue
                organisation.odsCode = partner.odsCode
                try await organisation.create(on: database)
            }
            guard members.insert(slug).inserted else { continue }
            let membership = VanguardPartnerRecord()
            membership.id = UUID()
            membership.vanguardNumber = number
            membership.organisationSlug = slug
            membership.isLead = index == 0
            membership.asWritten = partner.name
            try await membership.create(on: database)
        }
        try await SearchIndex(database: database).indexRegistry()
        return number
    }

    static func decision(_ record: DecisionRecord) -> SelectionDecision? {
        guard let outcome = SelectionOutcome(rawValue: record.outcome) else { return nil }
        return SelectionDecision(
            outcome: outcome, waveName: record.waveName, announcedOn: record.announcedOn.flatMap { CalendarDate(iso8601: $0) },
            feedback: record.feedback, vanguardNumber: record.vanguardNumber, wasShortlisted: record.wasShortlisted,
            decidedAt: record.decidedAt
        )
    }

    // MARK: Presentation availability

    public func unavailability(_ id: UUID) async throws -> [TimetableProblem.Unavailability] {
        guard let record = try await ApplicationRecord.find(id, on: database) else { return [] }
        return record.unavailable.flatMap { try? Self.decode([TimetableProblem.Unavailability].self, $0) } ?? []
    }

    /// The times a shortlisted partnership cannot present, as its lead gives them.
    public func setUnavailability(_ id: UUID, _ times: [TimetableProblem.Unavailability], by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await ApplicationRecord.find(id, on: database) else {
                throw ValidationError.invalid(field: "application", reason: "The application no longer exists")
            }
            guard record.status == ApplicationStatus.shortlisted.rawValue else {
                throw ValidationError.invalid(field: "unavailable", reason: "Unavailable times are asked of shortlisted partnerships only")
            }
            record.unavailable = try Self.json(times)
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "set_unavailability", entity: "application", id: id.uuidString,
                after: ["times": times.map { "\($0.date) \($0.start ?? "")-\($0.end ?? "")" }.joined(separator: "; ")], at: now(),
                on: database)
        }
    }
}
