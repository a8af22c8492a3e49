import FluentKit
import Foundation
import VanguardCore

/// Counterfactual impact estimates: fitted from the current returns for every vanguard and every
/// metric of its care model, stored whole, read by the pages and the API.
public struct ImpactStore: Store {
    public let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public static func key(vanguard: Int, metric: String) -> String { "vanguard:\(vanguard):\(metric)" }

    /// Refits against the registry as stored now; what every writer of returns calls.
    @discardableResult
    public func recompute() async throws -> Int {
        try await recomputeAll(registry: try await RegistryStore(database: database, now: now).registry())
    }

    /// Fits everything from the returns as stored now — or only `metrics`, when given — and replaces
    /// those stored estimates in one transaction.
    @discardableResult
    public func recomputeAll(registry: Registry, metrics only: Set<String>? = nil, at date: Date? = nil) async throws -> Int {
        let date = date ?? now()
        let metrics = try await ReturnsStore(database: database, now: now).metrics().filter { only?.contains($0.code) ?? true }
        let values = try await ReturnsStore(database: database, now: now).currentValues()
        let covered = Set(registry.footprints.map(\.areaCode))
        let donors = registry.areas.map(\.code).filter { !covered.contains($0) }
        var studies:
            [(vanguard: Vanguard, metric: Metric, footprint: [String], rates: [String: [Month: Double]], populations: [String: Double])] =
                []
        var waves: [(careModel: CareModel, metric: Metric, rates: [String: [Month: Double]])] = []
        for metric in metrics {
            var rates: [String: [Month: Double]] = [:], populations: [String: Double] = [:]
            for value in values where value.metricCode == metric.code && value.denominator > 0 {
                rates[value.areaCode, default: [:]][value.period] = metric.rate(numerator: value.numerator, denominator: value.denominator)
                populations[value.areaCode] = value.denominator
            }
            guard !rates.isEmpty else { continue }
            for careModel in metric.careModels.sorted() { waves.append((careModel, metric, rates)) }
            for vanguard in registry.vanguards where metric.careModels.contains(vanguard.careModel) {
                let footprint = registry.footprint(of: vanguard.number).map(\.areaCode)
                guard footprint.contains(where: { rates[$0] != nil }) else { continue }
                studies.append((vanguard, metric, footprint, rates, populations))
            }
        }
        // Each study is fitted on its own (placebos, conformal intervals), so on every core.
        let impacts = try await mapOnEveryCore(studies) { study in
            VanguardImpact(
                vanguard: study.vanguard, metric: study.metric, footprint: study.footprint, donors: donors, rates: study.rates,
                populations: study.populations)
        }
        let waveResults = try await mapOnEveryCore(waves) { wave in
            WaveImpactResult(careModel: wave.careModel, metric: wave.metric, registry: registry, rates: wave.rates)
        }
        let encoder = JSONEncoder()
        let waveRecords = try waveResults.map { result in
            let record = WaveImpactRecord()
            record.id = "\(result.careModel.rawValue):\(result.metricCode)"
            record.careModel = result.careModel.rawValue
            record.metricCode = result.metricCode
            record.computedAt = date
            record.body = String(decoding: try encoder.encode(result), as: UTF8.self)
            return record
        }
        let records = try impacts.map { impact in
            let record = ImpactRecord()
            record.id = Self.key(vanguard: impact.vanguardNumber, metric: impact.metricCode)
            record.vanguardNumber = impact.vanguardNumber
            record.metricCode = impact.metricCode
            record.computedAt = date
            record.body = String(decoding: try encoder.encode(impact), as: UTF8.self)
            record.summary = String(decoding: try encoder.encode(ImpactSummary(impact)), as: UTF8.self)
            return record
        }
        try await database.guardedTransaction { database in
            if let only {
                try await ImpactRecord.query(on: database).filter(\.$metricCode ~~ Array(only)).delete()
                try await WaveImpactRecord.query(on: database).filter(\.$metricCode ~~ Array(only)).delete()
            } else {
                try await ImpactRecord.query(on: database).delete()
                try await WaveImpactRecord.query(on: database).delete()
            }
            try await records.create(on: database, inChunksOf: 50)
            try await waveRecords.create(on: database, inChunksOf: 50)
        }
        return records.count
    }

    public func impact(vanguard: Int, metric: String) async throws -> VanguardImpact? {
        guard let record = try await ImpactRecord.find(Self.key(vanguard: vanguard, metric: metric), on: database) else { return nil }
        return try JSONDecoder().decode(VanguardImpact.self, from: Data(record.body.utf8))
    }

    /// Every care model's wave estimate on each of its metrics, in care-model order.
    public func waveImpacts() async throws -> [WaveImpactResult] {
        let decoder = JSONDecoder()
        return try await WaveImpactRecord.query(on: database).all().map {
            try decoder.decode(WaveImpactResult.self, from: Data($0.body.utf8))
        }.sorted { ($0.careModel, $0.metricCode) < ($1.careModel, $1.metricCode) }
    }

    public func summaries() async throws -> [ImpactSummary] {
        let decoder = JSONDecoder()
        return try await ImpactRecord.query(on: database).sort(\.$vanguardNumber).sort(\.$metricCode).all().map {
            try decoder.decode(ImpactSummary.self, from: Data($0.summary.utf8))
        }
    }

    /// The metrics a vanguard has a stored estimate for.
    public func metricCodes(vanguard: Int) async throws -> Set<String> {
        Set(try await ImpactRecord.query(on: database).filter(\.$vanguardNumber == vanguard).all().map(\.metricCode))
    }

    /// When the estimates were last fitted, nil before the first time.
    public func computedAt() async throws -> Date? {
        try await ImpactRecord.query(on: database).first()?.computedAt
    }
}
