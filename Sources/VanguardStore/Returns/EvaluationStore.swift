import FluentKit
import Foundation
import VanguardCore

/// Recomputes and serves the stored evaluations: each vanguard's footprint and the rest of England
/// (areas no vanguard covered), for every metric of the framework.
public struct EvaluationStore: Store {
    public let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public static func key(vanguard: Int, metric: String) -> String { "vanguard:\(vanguard):\(metric)" }
    public static func restOfEnglandKey(metric: String) -> String { "rest_of_england:\(metric)" }
    public static func careModelKey(_ model: CareModel, metric: String) -> String { "care_model:\(model.rawValue):\(metric)" }

    /// Recomputes everything against the registry as stored now; what every writer of returns calls.
    @discardableResult
    public func recompute() async throws -> Int {
        try await recomputeAll(registry: try await RegistryStore(database: database, now: now).registry())
    }

    /// Reads every current value once, evaluates every place and metric, and replaces the stored results.
    @discardableResult
    public func recomputeAll(registry: Registry, at date: Date? = nil) async throws -> Int {
        let places = Self.places(registry: registry, metrics: try await ReturnsStore(database: database, now: now).metrics())
        let values = try await ReturnsStore(database: database, now: now).currentValues()
        return try await recompute(places, from: values, at: date ?? now(), replacingAll: true)
    }

    /// Recomputes only what values of these metrics in these areas feed: the vanguards whose
    /// footprint holds one of the areas, their care models' pools, and the rest of England when an
    /// area is in no footprint. What an upload calls, so one vanguard's returns refresh its own
    /// figures rather than the whole country's.
    @discardableResult
    public func recompute(touching areas: Set<String>, metrics touched: Set<String>, registry: Registry, at date: Date? = nil)
        async throws -> (places: Int, vanguards: Int)
    {
        let metrics = try await ReturnsStore(database: database, now: now).metrics().filter { touched.contains($0.code) }
        let places = Self.places(registry: registry, metrics: metrics).filter { !$0.areas.isDisjoint(with: areas) }
        guard !places.isEmpty else { return (0, 0) }
        let read = Set(places.flatMap(\.areas))
        let values = try await ReturnsStore(database: database, now: now).currentValues(
            metrics: metrics.map(\.code), areas: read.sorted())
        let stored = try await recompute(places, from: values, at: date ?? now(), replacingAll: false)
        return (stored, Set(places.compactMap(\.vanguard)).count)
    }

    /// One figure kept: a metric over a vanguard's footprint, a care model's pooled vanguard areas, or
    /// the rest of England (the areas no vanguard covered).
    struct Place {
        let key: String
        let scope: String
        let metric: Metric
        let areas: Set<String>
        let vanguard: Int?
    }

    static func places(registry: Registry, metrics: [Metric]) -> [Place] {
        let covered = Set(registry.footprints.map(\.areaCode))
        let rest = Set(registry.areas.map(\.code).filter { !covered.contains($0) })
        var places: [Place] = []
        for metric in metrics {
            places.append(
                Place(key: restOfEnglandKey(metric: metric.code), scope: "rest_of_england", metric: metric, areas: rest, vanguard: nil))
            // Each care model's vanguard areas pooled, as the programme's national comparison did.
            for model in metric.careModels {
                let areas = Set(
                    registry.vanguards.filter { $0.careModel == model }.flatMap { registry.footprint(of: $0.number).map(\.areaCode) })
                places.append(
                    Place(
                        key: careModelKey(model, metric: metric.code), scope: "care_model:\(model.rawValue)", metric: metric, areas: areas,
                        vanguard: nil))
            }
            for vanguard in registry.vanguards where metric.careModels.contains(vanguard.careModel) {
                places.append(
                    Place(
                        key: key(vanguard: vanguard.number, metric: metric.code), scope: "vanguard:\(vanguard.number)", metric: metric,
                        areas: Set(registry.footprint(of: vanguard.number).map(\.areaCode)), vanguard: vanguard.number))
            }
        }
        return places
    }

    /// Evaluates `places` from `values` and stores them in one transaction: in place of every stored
    /// evaluation, or of just these places'.
    private func recompute(_ places: [Place], from values: [ReturnValue], at date: Date, replacingAll: Bool) async throws -> Int {
        var byAreaAndMetric: [String: [ReturnValue]] = [:]
        for value in values { byAreaAndMetric[value.areaCode + "/" + value.metricCode, default: []].append(value) }
        var rebases: [String: [Month]] = [:]
        for record in try await RebaseRecord.query(on: database).all() {
            if let month = Month(record.period) { rebases["\(record.scope)/\(record.metricCode)", default: []].append(month) }
        }
        // Places are evaluated and encoded on every core: a big file's charts are long, and their
        // JSON was most of the time.
        let inputs = places.map { place in
            (
                place,
                place.areas.sorted().flatMap { byAreaAndMetric[$0 + "/" + place.metric.code] ?? [] },
                place.vanguard == nil ? [] : rebases["\(place.scope)/\(place.metric.code)"] ?? []
            )
        }
        let bodies = try await mapOnEveryCore(Array(inputs.enumerated())) { index, input -> (Int, MetricEvaluation, String)? in
            let (place, values, rebaseMonths) = input
            let evaluation = MetricEvaluation(metric: place.metric, values: values, rebaseMonths: rebaseMonths)
            guard !evaluation.months.isEmpty else { return nil }
            return (index, evaluation, String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self))
        }
        var records: [EvaluationRecord] = []
        for (index, evaluation, body) in bodies {
            let place = places[index]
            let record = EvaluationRecord()
            record.id = place.key
            record.scope = place.scope
            record.metricCode = evaluation.metricCode
            record.computedAt = date
            record.body = body
            record.variationIcon = evaluation.reading?.variationIcon
            record.assuranceIcon = evaluation.chart?.assuranceIcon
            record.changeAgainstBaseline = evaluation.changeAgainstBaseline
            records.append(record)
        }
        let computed = records
        let keys = places.map(\.key)
        try await database.guardedTransaction { database in
            if replacingAll {
                try await EvaluationRecord.query(on: database).delete()
            } else {
                for chunk in stride(from: 0, to: keys.count, by: 500) {
                    try await EvaluationRecord.query(on: database).filter(\.$id ~~ Array(keys[chunk..<min(chunk + 500, keys.count)]))
                        .delete()
                }
            }
            try await computed.create(on: database, inChunksOf: 200)
        }
        return computed.count
    }

    /// The stored evaluations of a vanguard, and of the rest of England for the same metrics.
    public func evaluations(vanguard: Int) async throws -> (vanguard: [MetricEvaluation], restOfEngland: [String: MetricEvaluation]) {
        let decoder = JSONDecoder()
        let own = try await EvaluationRecord.query(on: database).filter(\.$scope == "vanguard:\(vanguard)").sort(\.$metricCode).all()
            .map { try decoder.decode(MetricEvaluation.self, from: Data($0.body.utf8)) }
        var rest: [String: MetricEvaluation] = [:]
        for record in try await EvaluationRecord.query(on: database).filter(\.$scope == "rest_of_england").all() {
            rest[record.metricCode] = try decoder.decode(MetricEvaluation.self, from: Data(record.body.utf8))
        }
        return (own, rest)
    }

    /// Adds a rebase point to a vanguard's chart of a metric, audited; the caller recomputes.
    public func addRebase(vanguard: Int, metric: String, period: Month, reason: String, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            let scope = "vanguard:\(vanguard)"
            if try await RebaseRecord.query(on: database).filter(\.$scope == scope).filter(\.$metricCode == metric)
                .filter(\.$period == period.description).first() != nil
            {
                throw ValidationError.invalid(field: "period", reason: "The chart is already rebased at \(period)")
            }
            let record = RebaseRecord()
            record.id = UUID()
            record.scope = scope
            record.metricCode = metric
            record.period = period.description
            record.reason = reason
            record.createdBy = actor.label
            record.createdAt = now()
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "rebase", entity: "chart", id: "\(scope):\(metric)",
                after: ["period": period.description, "reason": reason], at: now(), on: database)
        }
    }

    /// Removes a rebase point, with the reason for removing it in the audit log; the caller recomputes.
    public func removeRebase(vanguard: Int, metric: String, period: Month, reason: String, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            let scope = "vanguard:\(vanguard)"
            guard
                let record = try await RebaseRecord.query(on: database).filter(\.$scope == scope).filter(\.$metricCode == metric)
                    .filter(\.$period == period.description).first()
            else {
                throw ValidationError.invalid(field: "period", reason: "The chart of \(metric) has no rebase point at \(period)")
            }
            try await record.delete(on: database)
            try await AuditLog.record(
                actor, "remove_rebase", entity: "chart", id: "\(scope):\(metric)",
                before: ["period": period.description, "reason": record.reason], after: ["removal_reason": reason], at: now(), on: database)
        }
    }

    /// The rebase points of a vanguard's charts, by metric, oldest month first.
    public func rebases(vanguard: Int) async throws -> [String: [RebasePoint]] {
        var result: [String: [RebasePoint]] = [:]
        for record in try await RebaseRecord.query(on: database).filter(\.$scope == "vanguard:\(vanguard)").sort(\.$period).all() {
            guard let month = Month(record.period) else { continue }
            result[record.metricCode, default: []].append(
                RebasePoint(
                    metricCode: record.metricCode, period: month, reason: record.reason, createdBy: record.createdBy,
                    createdAt: record.createdAt)
            )
        }
        return result
    }

    /// A summary of every stored evaluation (no chart bodies), for the national view.
    /// The months each pooled figure (a care model's vanguard areas, the rest of England) covers, and
    /// the months left out because only some of its areas reported them.
    public struct PooledCoverage: Sendable, Equatable {
        public let scope: String
        public let metricCode: String
        public let first: Month?
        public let last: Month?
        public let leftOut: [Month]
    }

    public func pooledCoverage() async throws -> [PooledCoverage] {
        let decoder = JSONDecoder()
        return try await EvaluationRecord.query(on: database).all().filter { !$0.scope.hasPrefix("vanguard:") }.map { record in
            let evaluation = try decoder.decode(MetricEvaluation.self, from: Data(record.body.utf8))
            return PooledCoverage(
                scope: record.scope, metricCode: record.metricCode, first: evaluation.months.first, last: evaluation.months.last,
                leftOut: evaluation.monthsLeftOut)
        }
    }

    public func summaries() async throws -> [EvaluationSummary] {
        try await EvaluationRecord.query(on: database).all().compactMap { record in
            guard let key = record.id else { return nil }
            return EvaluationSummary(
                key: key, scope: record.scope, metricCode: record.metricCode, variationIcon: record.variationIcon,
                assuranceIcon: record.assuranceIcon, changeAgainstBaseline: record.changeAgainstBaseline
            )
        }
    }

    /// Whether any data shown came from the demo generator, so pages can say "generated data".
    public func hasGeneratedData() async throws -> Bool {
        try await InjectedEffectRecord.query(on: database).count() > 0
    }

    public func recordEffects(_ effects: [InjectedEffect], seed: UInt64) async throws {
        try await database.guardedTransaction { database in
            try await InjectedEffectRecord.query(on: database).delete()
            var records: [InjectedEffectRecord] = []
            for effect in effects {
                let record = InjectedEffectRecord()
                record.id = UUID()
                record.seed = Int(truncatingIfNeeded: seed)
                record.areaCode = effect.areaCode
                record.metricCode = effect.metricCode
                record.vanguardNumber = effect.vanguardNumber
                record.start = effect.start.description
                record.relativeEffect = effect.relativeEffect
                record.rampMonths = effect.rampMonths
                records.append(record)
            }
            try await records.create(on: database, inChunksOf: 200)
        }
    }
}

/// One stored evaluation without its series.
public struct EvaluationSummary: Sendable, Equatable {
    public let key: String
    /// `vanguard:{number}`, `care_model:{code}` or `rest_of_england`.
    public let scope: String
    public let metricCode: String
    public let variationIcon: String?
    public let assuranceIcon: String?
    public let changeAgainstBaseline: Double?

    public var vanguardNumber: Int? {
        scope.hasPrefix("vanguard:") ? Int(scope.dropFirst("vanguard:".count)) : nil
    }

    public var careModel: CareModel? {
        scope.hasPrefix("care_model:") ? CareModel(rawValue: String(scope.dropFirst("care_model:".count))) : nil
    }
}
