import FluentKit
import Foundation
import VanguardCore

/// Allocation, tranches, condition checks, release, reversal and spend returns.
extension FundingStore {
    public struct TrancheRequest: Sendable {
        public let quarter: FinancialQuarter
        public let pounds: Int
        public let condition: TrancheCondition?

        public init(quarter: FinancialQuarter, pounds: Int, condition: TrancheCondition?) {
            self.quarter = quarter
            self.pounds = pounds
            self.condition = condition
        }
    }

    public func tranches(plan: UUID) async throws -> [Tranche] {
        try await TrancheRecord.query(on: database).filter(\.$planID == plan).all().compactMap(Self.tranche).sorted {
            $0.quarter < $1.quarter
        }
    }

    public func ledger(round: UUID) async throws -> [LedgerEntry] {
        try await LedgerRecord.query(on: database).filter(\.$roundID == round).sort(\.$at).all().compactMap(Self.entry)
    }

    public func ledger(plan: UUID) async throws -> [LedgerEntry] {
        try await LedgerRecord.query(on: database).filter(\.$planID == plan).sort(\.$at).all().compactMap(Self.entry)
    }

    public func checks(plan: UUID) async throws -> [UUID: [(isMet: Bool, evidence: String, at: Date, by: String)]] {
        let tranches = try await TrancheRecord.query(on: database).filter(\.$planID == plan).all().compactMap(\.id)
        guard !tranches.isEmpty else { return [:] }
        var result: [UUID: [(isMet: Bool, evidence: String, at: Date, by: String)]] = [:]
        for record in try await ConditionCheckRecord.query(on: database).filter(\.$trancheID ~~ tranches).sort(\.$checkedAt).all() {
            result[record.trancheID, default: []].append((record.isMet, record.evidence, record.checkedAt, record.checkedBy))
        }
        return result
    }

    /// Allocates money to an eligible plan in tranches by quarter. Refused for a plan some partner
    /// has not signed, for amounts that are not positive, and beyond what is left in the pot.
    public func allocate(plan id: UUID, tranches: [TrancheRequest], knownMetrics: Set<String>, by actor: Actor) async throws {
        guard !tranches.isEmpty else { throw ValidationError.invalid(field: "tranches", reason: "Give at least one tranche") }
        if let bad = tranches.first(where: { $0.pounds <= 0 }) {
            throw ValidationError.invalid(field: "tranches", reason: "The tranche for \(bad.quarter) should be more than £0")
        }
        if Set(tranches.map(\.quarter)).count != tranches.count {
            throw ValidationError.invalid(field: "tranches", reason: "Give each quarter once")
        }
        for tranche in tranches { if let problem = tranche.condition?.problem(knownMetrics: knownMetrics) { throw problem } }
        try await database.guardedTransaction { database in
            let store = FundingStore(database: database, now: now)
            guard let (plan, _) = try await store.plan(id), let round = try await store.round(plan.roundID) else {
                throw ValidationError.invalid(field: "plan", reason: "The plan no longer exists")
            }
            guard plan.isEligible else {
                var names: [String: String] = [:]
                for slug in plan.current.content.partners {
                    names[slug] = try await OrganisationRecord.find(slug, on: database)?.name ?? slug
                }
                throw ValidationError.invalid(
                    field: "plan", reason: "The plan is not eligible: " + (plan.ineligibility { names[$0] ?? $0 } ?? ""))
            }
            if case .vanguard(let number) = plan.place,
                let careModel = try await VanguardRecord.find(number, on: database).flatMap({ CareModel(rawValue: $0.careModel) })
            {
                let metrics = try await ReturnsStore(database: database, now: now).metrics()
                for tranche in tranches {
                    if let problem = tranche.condition?.problem(careModel: careModel, metrics: metrics) { throw problem }
                }
            }
            if try await TrancheRecord.query(on: database).filter(\.$planID == id).first() != nil {
                throw ValidationError.invalid(
                    field: "plan", reason: "The plan already has an allocation; reverse it before allocating again")
            }
            let total = tranches.reduce(0) { $0 + $1.pounds }
            let left = round.potPounds - FundingPosition(try await store.ledger(round: round.id)).allocated
            guard total <= left else {
                throw ValidationError.invalid(
                    field: "tranches", reason: "\(Pounds.text(total)) is more than the \(Pounds.text(left)) left in the pot")
            }
            for request in tranches {
                let record = TrancheRecord()
                record.id = UUID()
                record.planID = id
                record.quarter = request.quarter.description
                record.pounds = request.pounds
                record.condition = try request.condition.map(SelectionStore.json)
                record.status = Tranche.Status.held.rawValue
                try await record.create(on: database)
            }
            try await Self.post(
                round: round.id, plan: id, tranche: nil, kind: .allocation, pounds: total,
                reason: "Allocated in \(tranches.count) tranche\(tranches.count == 1 ? "" : "s")",
                reverses: nil, by: actor, at: now(), on: database)
        }
    }

    /// Records what `TrancheRelease` decides for a held tranche, in one transaction: the check (for a
    /// conditional tranche) and, when released, the ledger entry. Returns the check.
    @discardableResult
    public func release(
        tranche id: UUID, place: [String: MetricEvaluation], restOfEngland: [String: MetricEvaluation],
        override: String?, by actor: Actor
    ) async throws -> ConditionCheck {
        try await database.guardedTransaction { database in
            guard let record = try await TrancheRecord.find(id, on: database), let tranche = Self.tranche(record),
                let planRecord = try await FundingPlanRecord.find(record.planID, on: database)
            else {
                throw ValidationError.invalid(field: "tranche", reason: "The tranche no longer exists")
            }
            let decision = try TrancheRelease(deciding: tranche, place: place, restOfEngland: restOfEngland, override: override)
            let check = decision.check
            if decision.isRecorded {
                let checkRecord = ConditionCheckRecord()
                checkRecord.id = UUID()
                checkRecord.trancheID = id
                checkRecord.isMet = check.isMet
                checkRecord.evidence = check.evidence
                checkRecord.checkedAt = now()
                checkRecord.checkedBy = actor.label
                try await checkRecord.create(on: database)
                try await AuditLog.record(
                    actor, "check_condition", entity: "tranche", id: id.uuidString,
                    after: ["met": check.isMet ? "yes" : "no", "evidence": check.evidence], at: now(), on: database)
            }
            guard let why = decision.releaseReason else {
                return check  // held: recorded, nothing released
            }
            record.status = Tranche.Status.released.rawValue
            try await record.save(on: database)
            try await Self.post(
                round: planRecord.roundID, plan: record.planID, tranche: id, kind: .release, pounds: tranche.pounds, reason: why,
                reverses: nil, by: actor, at: now(), on: database)
            return check
        }
    }

    /// Puts a ledger entry right with its opposite; the entry itself is never touched. Reversing
    /// a release holds its tranche again.
    public func reverse(entry id: UUID, reason: String, by actor: Actor) async throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ValidationError.invalid(field: "reason", reason: "Give the reason for the reversal") }
        try await database.guardedTransaction { database in
            guard let record = try await LedgerRecord.find(id, on: database), let kind = LedgerEntry.Kind(rawValue: record.kind),
                kind != .reversal
            else {
                throw ValidationError.invalid(field: "entry", reason: "Only an allocation or a release can be reversed")
            }
            if try await LedgerRecord.query(on: database).filter(\.$reverses == id).first() != nil {
                throw ValidationError.invalid(field: "entry", reason: "That entry has already been reversed")
            }
            if kind == .release, let tranche = record.trancheID, let trancheRecord = try await TrancheRecord.find(tranche, on: database) {
                trancheRecord.status = Tranche.Status.held.rawValue
                try await trancheRecord.save(on: database)
            }
            if kind == .allocation {
                let released = FundingPosition(try await FundingStore(database: database, now: now).ledger(plan: record.planID)).released
                guard released == 0 else {
                    throw ValidationError.invalid(
                        field: "entry", reason: "Reverse the releases first: \(Pounds.text(released)) has been released")
                }
                for tranche in try await TrancheRecord.query(on: database).filter(\.$planID == record.planID).all() {
                    // Tranches are plan rows, not money: the reversal entry keeps the money's history.
                    try await ConditionCheckRecord.query(on: database).filter(\.$trancheID == tranche.id!).delete()
                    try await tranche.delete(on: database)
                }
            }
            try await Self.post(
                round: record.roundID, plan: record.planID, tranche: record.trancheID, kind: .reversal, pounds: -record.pounds,
                reason: why, reverses: id, by: actor, at: now(), on: database)
        }
    }

    // MARK: Spend returns

    /// All spend returns of a plan, oldest first; for a quarter, the latest is the one that counts.
    public func spendReturns(plan: UUID) async throws -> [SpendReturn] {
        try await SpendReturnRecord.query(on: database).filter(\.$planID == plan).sort(\.$submittedAt).all().compactMap { record in
            FinancialQuarter(record.quarter).map {
                SpendReturn(
                    quarter: $0, sustainabilityPounds: record.sustainabilityPounds, transformationPounds: record.transformationPounds,
                    narrative: record.narrative, submittedAt: record.submittedAt)
            }
        }
    }

    /// Records a quarter's spend; refused for a quarter not yet begun. A resubmission is a new
    /// row, so the earlier return stays.
    public func submitSpend(_ spend: SpendReturn, plan: UUID, today: CalendarDate, by actor: Actor) async throws {
        guard spend.quarter.start <= today else {
            throw ValidationError.invalid(
                field: "quarter", reason: "\(spend.quarter) has not begun (it starts \(spend.quarter.start.longForm))")
        }
        guard spend.sustainabilityPounds >= 0, spend.transformationPounds >= 0 else {
            throw ValidationError.invalid(field: "spend", reason: "Spend cannot be negative")
        }
        try await database.guardedTransaction { database in
            let record = SpendReturnRecord()
            record.id = UUID()
            record.planID = plan
            record.quarter = spend.quarter.description
            record.sustainabilityPounds = spend.sustainabilityPounds
            record.transformationPounds = spend.transformationPounds
            record.narrative = spend.narrative
            record.submittedAt = spend.submittedAt
            record.submittedBy = actor.label
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "spend_return", entity: "funding_plan", id: plan.uuidString,
                after: [
                    "quarter": spend.quarter.description, "sustainability": String(spend.sustainabilityPounds),
                    "transformation": String(spend.transformationPounds),
                ], at: now(), on: database)
        }
    }

    // MARK: Mapping

    private static func post(
        round: UUID, plan: UUID, tranche: UUID?, kind: LedgerEntry.Kind, pounds: Int, reason: String, reverses: UUID?,
        by actor: Actor, at date: Date, on database: any Database
    ) async throws {
        let record = LedgerRecord()
        record.id = UUID()
        record.roundID = round
        record.planID = plan
        record.trancheID = tranche
        record.kind = kind.rawValue
        record.pounds = pounds
        record.reason = reason
        record.reverses = reverses
        record.at = date
        record.by = actor.label
        try await record.create(on: database)
        var after = ["kind": kind.rawValue, "pounds": String(pounds), "reason": reason]
        if let tranche { after["tranche"] = tranche.uuidString }
        if let reverses { after["reverses"] = reverses.uuidString }
        try await AuditLog.record(
            actor, kind.rawValue, entity: "funding_ledger", id: record.id!.uuidString, after: after, at: date, on: database)
    }

    static func tranche(_ record: TrancheRecord) -> Tranche? {
        guard let id = record.id, let quarter = FinancialQuarter(record.quarter), let status = Tranche.Status(rawValue: record.status)
        else { return nil }
        return Tranche(
            id: id, planID: record.planID, quarter: quarter, pounds: record.pounds,
            condition: record.condition.flatMap { try? SelectionStore.decode(TrancheCondition.self, $0) }, status: status)
    }

    static func entry(_ record: LedgerRecord) -> LedgerEntry? {
        guard let id = record.id, let kind = LedgerEntry.Kind(rawValue: record.kind) else { return nil }
        return LedgerEntry(
            id: id, planID: record.planID, trancheID: record.trancheID, kind: kind, pounds: record.pounds, reason: record.reason,
            reverses: record.reverses, at: record.at, by: record.by)
    }
}

extension FundingStore {
    /// The evaluations a place's tranche conditions are checked against, by metric: a vanguard's
    /// stored ones; for a partnership over other areas, computed now from its areas' returns.
    /// Either way the comparison is the stored rest of England (England outside the vanguards).
    public func evaluations(for place: FundingPlace) async throws -> (
        place: [String: MetricEvaluation], restOfEngland: [String: MetricEvaluation]
    ) {
        let stored = EvaluationStore(database: database, now: now)
        switch place {
        case .vanguard(let number):
            let (own, rest) = try await stored.evaluations(vanguard: number)
            return (Dictionary(own.map { ($0.metricCode, $0) }, uniquingKeysWith: { first, _ in first }), rest)
        case .areas(let codes):
            let rest = try await stored.evaluations(vanguard: 0).restOfEngland
            let returns = ReturnsStore(database: database, now: now)
            var own: [String: MetricEvaluation] = [:]
            for metric in try await returns.metrics() {
                var values: [ReturnValue] = []
                for code in codes { values += try await returns.series(area: code, metric: metric.code) }
                if !values.isEmpty { own[metric.code] = MetricEvaluation(metric: metric, values: values) }
            }
            return (own, rest)
        }
    }
}
