import FluentKit
import Foundation
import VanguardCore

/// A call's presentation plan, its solved timetable, and publishing it, which gives each panel
/// member a presentation-stage assessment of every partnership their panel hears.
public struct PresentationStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public struct Stored: Sendable {
        public let plan: PresentationPlan
        public let timetable: Timetable?
        public let publishedAt: Date?
    }

    public func stored(call: UUID) async throws -> Stored? {
        guard let record = try await PresentationPlanRecord.find(call, on: database),
            let plan = try? SelectionStore.decode(PresentationPlan.self, record.settings)
        else { return nil }
        return Stored(
            plan: plan, timetable: record.timetable.flatMap { try? SelectionStore.decode(Timetable.self, $0) },
            publishedAt: record.publishedAt)
    }

    /// Saves the plan and its timetable (nil when none exists); an unpublished timetable is replaced freely.
    public func save(_ plan: PresentationPlan, timetable: Timetable?, call: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            let record = try await PresentationPlanRecord.find(call, on: database) ?? PresentationPlanRecord()
            if record.publishedAt != nil {
                throw ValidationError.invalid(field: "plan", reason: "The timetable has been published; it can no longer change")
            }
            record.id = call
            record.settings = try SelectionStore.json(plan)
            record.timetable = try timetable.map(SelectionStore.json)
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "plan_presentations", entity: "call", id: call.uuidString,
                after: ["panels": plan.panels.map(\.name).joined(separator: ", "), "presentations": String(timetable?.slots.count ?? 0)],
                at: now(), on: database)
        }
    }

    public func publish(call: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await PresentationPlanRecord.find(call, on: database),
                let timetable = record.timetable.flatMap({ try? SelectionStore.decode(Timetable.self, $0) }),
                let plan = try? SelectionStore.decode(PresentationPlan.self, record.settings)
            else {
                throw ValidationError.invalid(field: "plan", reason: "There is no timetable to publish yet")
            }
            guard record.publishedAt == nil else {
                throw ValidationError.invalid(field: "plan", reason: "The timetable is already published")
            }
            let panels = Dictionary(uniqueKeysWithValues: plan.panels.map { ($0.name, $0.assessors) })
            for slot in timetable.slots {
                guard let application = UUID(uuidString: slot.applicant) else { continue }
                for assessor in panels[slot.panel] ?? [] {
                    guard let assessorID = UUID(uuidString: assessor) else { continue }
                    if try await AssessmentRecord.query(on: database).filter(\.$applicationID == application).filter(
                        \.$assessorID == assessorID
                    )
                    .filter(\.$stage == AssessmentStage.presentation.rawValue).first() != nil {
                        continue
                    }
                    try await AssessmentStore.createTask(
                        application: application, assessor: assessorID, stage: .presentation, at: now(), on: database)
                }
            }
            record.publishedAt = now()
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "publish_timetable", entity: "call", id: call.uuidString,
                after: ["presentations": String(timetable.slots.count)], at: now(), on: database)
        }
    }
}
