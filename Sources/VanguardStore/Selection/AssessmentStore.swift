import FluentKit
import Foundation
import VanguardCore

/// Conflicts of interest, assessors' tasks and scores, and moderation. The fairness rules are
/// enforced here, inside each transaction, whatever page or command calls: no assessor sees an
/// application they are conflicted with; scores are independent and final once submitted;
/// moderation waits for every score.
public struct AssessmentStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    // MARK: Conflicts of interest

    public func conflicts(of assessor: UUID) async throws -> [(id: UUID, conflict: ConflictOfInterest)] {
        try await ConflictRecord.query(on: database).filter(\.$assessorID == assessor).sort(\.$declaredAt).all().compactMap { record in
            Self.conflict(record).map { (record.id!, $0) }
        }
    }

    /// Every assessor's conflicts.
    public func allConflicts() async throws -> [UUID: [ConflictOfInterest]] {
        var result: [UUID: [ConflictOfInterest]] = [:]
        for record in try await ConflictRecord.query(on: database).all() {
            if let conflict = Self.conflict(record) { result[record.assessorID, default: []].append(conflict) }
        }
        return result
    }

    /// Records a conflict and withdraws the assessor from every application it touches, scores
    /// and all. Returns the applications they were withdrawn from.
    @discardableResult
    public func declare(_ conflict: ConflictOfInterest, assessor: UUID, by actor: Actor) async throws -> [UUID] {
        try await database.guardedTransaction { database in
            let (kind, value) = Self.parts(conflict)
            if try await ConflictRecord.query(on: database).filter(\.$assessorID == assessor).filter(\.$kind == kind).filter(
                \.$value == value
            ).first() != nil {
                throw ValidationError.invalid(field: "value", reason: "You have already declared this")
            }
            let record = ConflictRecord()
            record.id = UUID()
            record.assessorID = assessor
            record.kind = kind
            record.value = value
            record.declaredAt = now()
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "declare_conflict", entity: "assessor", id: assessor.uuidString, after: ["kind": kind, "value": value], at: now(),
                on: database)
            var withdrawn: [UUID] = []
            for task in try await AssessmentRecord.query(on: database).filter(\.$assessorID == assessor).all() {
                guard let application = try await ApplicationRecord.find(task.applicationID, on: database),
                    conflict.touches(SelectionStore.application(application).content)
                else { continue }
                try await task.delete(on: database)
                withdrawn.append(task.applicationID)
                try await AuditLog.record(
                    actor, "withdraw_assessor", entity: "application", id: task.applicationID.uuidString,
                    before: ["assessor": assessor.uuidString, "stage": task.stage, "scored": task.submittedAt == nil ? "no" : "yes"],
                    after: ["reason": "conflict of interest declared: \(kind) \(value)"], at: now(), on: database)
            }
            return withdrawn
        }
    }

    // MARK: Assignment

    public func assessment(_ id: UUID) async throws -> Assessment? {
        guard let record = try await AssessmentRecord.find(id, on: database) else { return nil }
        return try await assessments([record]).first
    }

    public func assessments(application: UUID, stage: AssessmentStage) async throws -> [Assessment] {
        try await assessments(
            AssessmentRecord.query(on: database).filter(\.$applicationID == application).filter(\.$stage == stage.rawValue).all())
    }

    public func assessments(applications: [UUID]) async throws -> [Assessment] {
        guard !applications.isEmpty else { return [] }
        return try await assessments(AssessmentRecord.query(on: database).filter(\.$applicationID ~~ applications).all())
    }

    public func assessments(assessor: UUID) async throws -> [Assessment] {
        try await assessments(AssessmentRecord.query(on: database).filter(\.$assessorID == assessor).sort(\.$assignedAt).all())
    }

    /// Shares the applications among the assessors, `perApplication` each, balanced, never
    /// conflicted. Submitted scores stay and count toward an application's number; unscored
    /// tasks are drawn again.
    public func assignAutomatically(
        applications: [CallApplication], assessors: [UUID], perApplication: Int, stage: AssessmentStage, by actor: Actor
    ) async throws {
        guard (1...20).contains(perApplication) else {
            throw ValidationError.invalid(field: "per_application", reason: "Give between 1 and 20 assessors per application")
        }
        try await database.guardedTransaction { database in
            let conflicts = try await AssessmentStore(database: database, now: now).allConflicts()
            let ids = applications.map(\.id)
            let existing =
                ids.isEmpty
                ? []
                : try await AssessmentRecord.query(on: database).filter(\.$applicationID ~~ ids).filter(\.$stage == stage.rawValue).all()
            for task in existing where task.submittedAt == nil { try await task.delete(on: database) }
            var kept: [String: Set<String>] = [:]
            for task in existing where task.submittedAt != nil {
                kept[task.applicationID.uuidString, default: []].insert(task.assessorID.uuidString)
            }
            let contents = Dictionary(uniqueKeysWithValues: applications.map { ($0.id.uuidString, $0.content) })
            let byID = Dictionary(uniqueKeysWithValues: assessors.map { ($0.uuidString, $0) })
            let plan: [String: [String]]
            do {
                plan = try AssessorAssignment.balance(
                    needs: applications.map { ($0.id.uuidString, max(0, perApplication - (kept[$0.id.uuidString]?.count ?? 0))) },
                    assessors: assessors.map(\.uuidString),
                    conflicted: { application, assessor in
                        kept[application]?.contains(assessor) == true
                            || (conflicts[byID[assessor]!] ?? []).contains { $0.touches(contents[application]!) }
                    }
                )
            } catch {
                throw ValidationError.invalid(field: "per_application", reason: "\(error)")
            }
            for application in applications {
                let chosen = plan[application.id.uuidString] ?? []
                for assessor in chosen {
                    try await Self.createTask(application: application.id, assessor: byID[assessor]!, stage: stage, at: now(), on: database)
                }
                try await AuditLog.record(
                    actor, "assign_assessors", entity: "application", id: application.id.uuidString,
                    after: ["stage": stage.rawValue, "assessors": chosen.sorted().joined(separator: " ")], at: now(), on: database)
            }
        }
    }

    /// Adds one assessor to an application by hand; refused when they are conflicted or already on it.
    public func addAssessor(_ assessor: UUID, to application: CallApplication, stage: AssessmentStage, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            if let conflict = try await AssessmentStore(database: database, now: now).conflicts(of: assessor).map(\.conflict).first(where: {
                $0.touches(application.content)
            }) {
                throw ValidationError.invalid(
                    field: "assessor", reason: "That assessor has declared a conflict with this application (\(Self.parts(conflict).value))"
                )
            }
            if try await AssessmentRecord.query(on: database).filter(\.$applicationID == application.id).filter(\.$assessorID == assessor)
                .filter(\.$stage == stage.rawValue).first() != nil
            {
                throw ValidationError.invalid(field: "assessor", reason: "That assessor is already assessing this application")
            }
            try await Self.createTask(application: application.id, assessor: assessor, stage: stage, at: now(), on: database)
            try await AuditLog.record(
                actor, "add_assessor", entity: "application", id: application.id.uuidString,
                after: ["stage": stage.rawValue, "assessor": assessor.uuidString], at: now(), on: database)
        }
    }

    /// Takes an assessor off an application; refused once they have submitted scores.
    public func removeAssessment(_ id: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let task = try await AssessmentRecord.find(id, on: database) else {
                throw ValidationError.invalid(field: "assessment", reason: "That assessment no longer exists")
            }
            guard task.submittedAt == nil else {
                throw ValidationError.invalid(
                    field: "assessment", reason: "The assessor has submitted scores; they stay as part of the record")
            }
            try await task.delete(on: database)
            try await AuditLog.record(
                actor, "remove_assessor", entity: "application", id: task.applicationID.uuidString,
                before: ["stage": task.stage, "assessor": task.assessorID.uuidString], at: now(), on: database)
        }
    }

    // MARK: Scoring

    /// Submits an assessor's scores, once. Refused when the task is someone else's, when the
    /// assessor is conflicted with the application, when scores are missing or off the scale,
    /// or when they have already submitted.
    public func submit(_ sheet: AssessorScores, for id: UUID, assessor: UUID, criteria: [AssessmentCriterion], by actor: Actor) async throws
    {
        try await database.guardedTransaction { database in
            guard let task = try await AssessmentRecord.find(id, on: database), task.assessorID == assessor else {
                throw ValidationError.invalid(field: "assessment", reason: "This application is not assigned to you")
            }
            guard task.submittedAt == nil else {
                throw ValidationError.invalid(field: "assessment", reason: "You have submitted your scores; they cannot change")
            }
            guard let application = try await ApplicationRecord.find(task.applicationID, on: database) else {
                throw ValidationError.invalid(field: "assessment", reason: "The application no longer exists")
            }
            let content = SelectionStore.application(application).content
            if try await AssessmentStore(database: database, now: now).conflicts(of: assessor).contains(where: {
                $0.conflict.touches(content)
            }) {
                throw ValidationError.invalid(field: "assessment", reason: "You have declared a conflict of interest with this application")
            }
            if let problem = sheet.problems(against: criteria).first { throw problem }
            task.scores = try SelectionStore.json(sheet)
            task.submittedAt = now()
            try await task.save(on: database)
            var after = sheet.scores.mapValues(String.init)
            after["stage"] = task.stage
            try await AuditLog.record(
                actor, "score", entity: "application", id: task.applicationID.uuidString, after: after, at: now(), on: database)
        }
    }

    // MARK: Moderation

    public func moderated(application: UUID, stage: AssessmentStage) async throws -> [ModeratedScore] {
        try await ModeratedScoreRecord.query(on: database).filter(\.$applicationID == application).filter(\.$stage == stage.rawValue).all()
            .map { ModeratedScore(criterion: $0.criterion, score: $0.score, reason: $0.reason, by: $0.moderatedBy) }
    }

    public func moderated(applications: [UUID]) async throws -> [UUID: [AssessmentStage: [ModeratedScore]]] {
        guard !applications.isEmpty else { return [:] }
        var result: [UUID: [AssessmentStage: [ModeratedScore]]] = [:]
        for record in try await ModeratedScoreRecord.query(on: database).filter(\.$applicationID ~~ applications).all() {
            guard let stage = AssessmentStage(rawValue: record.stage) else { continue }
            result[record.applicationID, default: [:]][stage, default: []].append(
                ModeratedScore(criterion: record.criterion, score: record.score, reason: record.reason, by: record.moderatedBy))
        }
        return result
    }

    /// Records the agreed score for a criterion with its reason; refused until every assigned
    /// assessor has submitted. A later agreement replaces an earlier one, both in the audit log.
    public func moderate(
        application: UUID, stage: AssessmentStage, criterion: AssessmentCriterion, score: Int, reason: String, by actor: Actor
    ) async throws {
        try await database.guardedTransaction { database in
            let tasks = try await AssessmentRecord.query(on: database).filter(\.$applicationID == application).filter(
                \.$stage == stage.rawValue
            ).all()
            guard !tasks.isEmpty else { throw ValidationError.invalid(field: "moderation", reason: "No assessor has been assigned yet") }
            let waiting = tasks.count { $0.submittedAt == nil }
            guard waiting == 0 else {
                throw ValidationError.invalid(
                    field: "moderation",
                    reason: "\(waiting) of \(tasks.count) assessors have not submitted their scores; moderation waits for all of them")
            }
            guard (0...criterion.scaleMaximum).contains(score) else {
                throw ValidationError.invalid(
                    field: "score", reason: "\(criterion.name) is scored from 0 to \(criterion.scaleMaximum), not \(score)")
            }
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !why.isEmpty else { throw ValidationError.invalid(field: "reason", reason: "Give the reason for the agreed score") }
            let existing = try await ModeratedScoreRecord.query(on: database).filter(\.$applicationID == application)
                .filter(\.$stage == stage.rawValue).filter(\.$criterion == criterion.name).first()
            let record = existing ?? ModeratedScoreRecord()
            let before = existing.map { ["score": String($0.score), "reason": $0.reason] }
            if existing == nil {
                record.id = UUID()
                record.applicationID = application
                record.stage = stage.rawValue
                record.criterion = criterion.name
            }
            record.score = score
            record.reason = why
            record.moderatedBy = actor.label
            record.moderatedAt = now()
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "moderate", entity: "application", id: application.uuidString, before: before,
                after: ["stage": stage.rawValue, "criterion": criterion.name, "score": String(score), "reason": why], at: now(),
                on: database)
        }
    }

    // MARK: Mapping

    static func createTask(application: UUID, assessor: UUID, stage: AssessmentStage, at date: Date, on database: any Database) async throws
    {
        let record = AssessmentRecord()
        record.id = UUID()
        record.applicationID = application
        record.assessorID = assessor
        record.stage = stage.rawValue
        record.assignedAt = date
        try await record.create(on: database)
    }

    private func assessments(_ records: [AssessmentRecord]) async throws -> [Assessment] {
        let people = Set(records.map(\.assessorID))
        var names: [UUID: String] = [:]
        if !people.isEmpty {
            for user in try await UserRecord.query(on: database).filter(\.$id ~~ Array(people)).all() { names[user.id!] = user.displayName }
        }
        return records.compactMap { record in
            guard let stage = AssessmentStage(rawValue: record.stage) else { return nil }
            return Assessment(
                id: record.id!, applicationID: record.applicationID, assessorID: record.assessorID,
                assessorName: names[record.assessorID] ?? "unknown",
                stage: stage, sheet: record.scores.flatMap { try? SelectionStore.decode(AssessorScores.self, $0) },
                submittedAt: record.submittedAt
            )
        }
    }

    static func conflict(_ record: ConflictRecord) -> ConflictOfInterest? {
        switch record.kind {
        case "organisation": .organisation(name: record.value)
        case "area": .area(code: record.value)
        default: nil
        }
    }

    static func parts(_ conflict: ConflictOfInterest) -> (kind: String, value: String) {
        switch conflict {
        case .organisation(let name): ("organisation", name.trimmingCharacters(in: .whitespaces))
        case .area(let code): ("area", code.uppercased().trimmingCharacters(in: .whitespaces))
        }
    }
}
