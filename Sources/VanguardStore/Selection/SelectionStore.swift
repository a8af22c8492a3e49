import FluentKit
import Foundation
import VanguardCore

/// Calls and applications: every change in one transaction with its audit entry.
public struct SelectionStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    // MARK: Calls

    /// Every call, the most recently opened first.
    public func calls() async throws -> [Call] {
        try await CallRecord.query(on: database).sort(\.$opensAt, .descending).all().map(Self.call)
    }

    public func call(_ id: UUID) async throws -> Call? {
        try await CallRecord.find(id, on: database).map(Self.call)
    }

    /// Saves a new call; the caller has checked `call.problems` is empty.
    public func create(_ call: Call, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            let record = CallRecord()
            record.id = call.id
            record.createdBy = actor.label
            record.createdAt = now()
            try Self.fill(record, from: call)
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "call", id: call.id.uuidString, after: Self.summary(of: call), at: now(), on: database)
        }
    }

    /// Changes a call. Once an application has been submitted, its questions and criteria are fixed:
    /// changing them would leave submitted answers and scores about a different call.
    public func update(_ call: Call, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await CallRecord.find(call.id, on: database) else {
                throw ValidationError.invalid(field: "call", reason: "The call no longer exists")
            }
            let before = Self.call(record)
            let submitted = try await ApplicationRecord.query(on: database).filter(\.$callID == call.id)
                .filter(\.$status != ApplicationStatus.draft.rawValue).count()
            if submitted > 0 && (before.questions != call.questions || before.criteria != call.criteria) {
                throw ValidationError.invalid(
                    field: "questions",
                    reason:
                        "\(submitted) application\(submitted == 1 ? " has" : "s have") been submitted: the questions and criteria can no longer change"
                )
            }
            try Self.fill(record, from: call)
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "update", entity: "call", id: call.id.uuidString,
                before: Self.summary(of: before), after: Self.summary(of: call), at: now(), on: database)
        }
    }

    // MARK: Applications

    /// Starts a draft led by `lead`.
    public func startApplication(to call: Call, lead: UUID, content: ApplicationContent, by actor: Actor) async throws -> CallApplication {
        let application = CallApplication(
            id: UUID(), callID: call.id, leadAccountID: lead, content: content, status: .draft, submittedAt: nil, updatedAt: now())
        try await database.guardedTransaction { database in
            let record = ApplicationRecord()
            record.id = application.id
            record.callID = call.id
            record.leadUserID = lead
            record.content = try Self.json(content)
            record.status = ApplicationStatus.draft.rawValue
            record.updatedAt = application.updatedAt
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "start", entity: "application", id: application.id.uuidString,
                after: ["call": call.id.uuidString, "partnership": content.partnershipName], at: now(), on: database)
        }
        return application
    }

    public func application(_ id: UUID) async throws -> CallApplication? {
        try await ApplicationRecord.find(id, on: database).map(Self.application)
    }

    /// The applications an account leads, newest first.
    public func applications(ledBy lead: UUID) async throws -> [CallApplication] {
        try await ApplicationRecord.query(on: database).filter(\.$leadUserID == lead).sort(\.$updatedAt, .descending).all().map(
            Self.application)
    }

    public func applications(to call: UUID) async throws -> [CallApplication] {
        try await ApplicationRecord.query(on: database).filter(\.$callID == call).all().map(Self.application)
            .sorted { ($0.content.partnershipName, $0.id.uuidString) < ($1.content.partnershipName, $1.id.uuidString) }
    }

    /// Saves a draft as written; refused once submitted, and once the call has closed (after the
    /// close, applications are locked as they stand).
    public func saveDraft(_ id: UUID, content: ApplicationContent, at now: Date? = nil, by actor: Actor) async throws {
        let now = now ?? self.now()
        try await database.guardedTransaction { database in
            let record = try await Self.editable(id, on: database)
            if let call = try await CallRecord.find(record.callID, on: database), Self.call(call).phase(at: now) == .closed {
                throw ValidationError.invalid(
                    field: "call", reason: "The call closed on \(CalendarText.dateTime(call.closesAt)); applications are locked")
            }
            record.content = try Self.json(content)
            record.updatedAt = now
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "save_draft", entity: "application", id: id.uuidString, after: ["partnership": content.partnershipName], at: now,
                on: database)
        }
    }

    /// Submits the draft as it is stored, after the same checks the page shows, made again inside
    /// the transaction so a draft cannot slip past a closing time or a changed call.
    public func submit(_ id: UUID, at now: Date, knownAreas: Set<String>, knownMetrics: Set<String>, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            let record = try await Self.editable(id, on: database)
            guard let callRecord = try await CallRecord.find(record.callID, on: database) else {
                throw ValidationError.invalid(field: "call", reason: "The call no longer exists")
            }
            let content = try Self.decode(ApplicationContent.self, record.content)
            let problems = SubmissionCheck.problems(
                content, call: Self.call(callRecord), at: now, knownAreas: knownAreas, knownMetrics: knownMetrics)
            if let first = problems.first { throw first }
            record.status = ApplicationStatus.submitted.rawValue
            record.submittedAt = now
            record.updatedAt = now
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "submit", entity: "application", id: id.uuidString,
                before: ["status": ApplicationStatus.draft.rawValue], after: ["status": ApplicationStatus.submitted.rawValue], at: now,
                on: database)
        }
    }

    private static func editable(_ id: UUID, on database: any Database) async throws -> ApplicationRecord {
        guard let record = try await ApplicationRecord.find(id, on: database) else {
            throw ValidationError.invalid(field: "application", reason: "The application no longer exists")
        }
        guard let status = ApplicationStatus(rawValue: record.status), status.isEditable else {
            throw ValidationError.invalid(field: "application", reason: "The application has been submitted and can no longer be changed")
        }
        return record
    }

    // MARK: Mapping

    static func call(_ record: CallRecord) -> Call {
        Call(
            id: record.id!, title: record.title, description: record.description, opensAt: record.opensAt, closesAt: record.closesAt,
            careModels: record.careModels.split(separator: " ").compactMap { CareModel(rawValue: String($0)) },
            questions: (try? decode([CallQuestion].self, record.questions)) ?? [],
            criteria: (try? decode([AssessmentCriterion].self, record.criteria)) ?? [],
            isHistorical: record.isHistorical
        )
    }

    static func application(_ record: ApplicationRecord) -> CallApplication {
        CallApplication(
            id: record.id!, callID: record.callID, leadAccountID: record.leadUserID,
            content: (try? decode(ApplicationContent.self, record.content)) ?? ApplicationContent(),
            status: ApplicationStatus(rawValue: record.status) ?? .draft, submittedAt: record.submittedAt, updatedAt: record.updatedAt
        )
    }

    private static func fill(_ record: CallRecord, from call: Call) throws {
        record.title = call.title
        record.description = call.description
        record.opensAt = call.opensAt
        record.closesAt = call.closesAt
        record.careModels = call.careModels.map(\.rawValue).joined(separator: " ")
        record.questions = try json(call.questions)
        record.criteria = try json(call.criteria)
        record.isHistorical = call.isHistorical
    }

    private static func summary(of call: Call) -> [String: String] {
        [
            "title": call.title, "opens_at": CalendarText.editable(call.opensAt), "closes_at": CalendarText.editable(call.closesAt),
            "care_models": call.careModels.map(\.rawValue).joined(separator: " "),
            "questions": CallText.text(of: call.questions), "criteria": CallText.text(of: call.criteria),
        ]
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
