import FluentKit
import Foundation
import SQLKit
import VanguardCore

extension MetricRecord {
    convenience init(_ metric: Metric) {
        self.init()
        id = metric.code
        name = metric.name
        definition = metric.definition
        numerator = metric.numerator
        denominator = metric.denominator
        unit = metric.unit
        multiplier = metric.multiplier
        direction = metric.direction.rawValue
        careModels = metric.careModels.map(\.rawValue).joined(separator: ";")
        source = metric.source
        target = metric.target
        chart = metric.chart.rawValue
    }

    var metric: Metric? {
        guard let code = id, let direction = ImprovementDirection(rawValue: direction) else { return nil }
        return Metric(
            code: code, name: name, definition: definition, numerator: numerator, denominator: denominator, unit: unit,
            multiplier: multiplier,
            direction: direction, careModels: careModels.split(separator: ";").compactMap { CareModel(rawValue: String($0)) },
            source: source, target: target,
            chart: SPCChartKind(rawValue: chart) ?? .xmr
        )
    }
}

/// What an accepted submission did.
public struct SubmissionSummary: Sendable, Equatable {
    public let submissionID: UUID
    public let rows: Int
    public let added: Int
    public let revised: Int
    public let unchanged: Int
}

/// One revision of a value, as its history shows it.
public struct ValueRevision: Sendable, Equatable {
    public let revision: Int
    public let numerator: Double
    public let denominator: Double
    public let isCurrent: Bool
    public let submittedAt: Date
    public let submittedBy: String
    public let channel: String
}

/// Metrics and monthly returns: accepted whole in one transaction, revised rather than overwritten.
public struct ReturnsStore: Store {
    public let database: any Database
    public let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public func metrics() async throws -> [Metric] {
        try await MetricRecord.query(on: database).sort(\.$id).all().compactMap(\.metric)
    }

    /// Replaces a metric's editable fields (not its code), with its audit entry.
    public func update(_ metric: Metric, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await MetricRecord.find(metric.code, on: database) else {
                throw ValidationError.invalid(field: "code", reason: "There is no metric \(metric.code)")
            }
            let before = Self.snapshot(record)
            let updated = MetricRecord(metric)
            record.name = updated.name
            record.definition = updated.definition
            record.unit = updated.unit
            record.direction = updated.direction
            record.careModels = updated.careModels
            record.target = updated.target
            record.chart = updated.chart
            try await record.update(on: database)
            let after = Self.snapshot(record)
            if after != before {
                try await AuditLog.record(
                    actor, "update", entity: "metric", id: metric.code, before: before, after: after, at: now(), on: database)
            }
        }
    }

    static func snapshot(_ record: MetricRecord) -> [String: String] {
        [
            "name": record.name, "definition": record.definition, "unit": record.unit, "direction": record.direction,
            "care_models": record.careModels, "target": record.target.map { String($0) } ?? "", "chart": record.chart,
        ]
    }

    public func areaCodes() async throws -> Set<String> {
        Set(try await AreaRecord.query(on: database).all().compactMap(\.id))
    }

    /// Writes checked values as one submission. A value equal to the current one is left alone; a
    /// different one becomes a new revision and the earlier revision is kept. All or nothing, with
    /// the `jobs` the new figures need queued in the same transaction, so none is lost to a crash.
    public func submit(
        _ values: [ReturnValue], fileName: String, by actor: Actor, queueing jobs: [(kind: JobKind, key: String)] = [],
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> SubmissionSummary {
        let submissionID = UUID()
        let at = now()
        return try await ReferencesCheckedOnce.run(on: database) { database in
            try await database.guardedTransaction { database in
                let codes = ReturnValue.codes(in: values)
                let metricCodes = Array(codes.metrics), areaCodes = Array(codes.areas)
                try await ReferencesCheckedOnce.verify(areas: areaCodes, metrics: metricCodes, on: database)
                let current = try await Self.currentRevisions(metrics: metricCodes, areas: areaCodes, on: database)
                var inserts: [NewRevision] = []
                inserts.reserveCapacity(values.count)
                var superseded: [(key: ReturnValue.Key, revision: Int)] = []
                var added = 0, revised = 0, unchanged = 0
                for value in values {
                    let existing = current.isEmpty ? nil : current[value.key]
                    if let existing, existing.numerator == value.numerator, existing.denominator == value.denominator {
                        unchanged += 1
                        continue
                    }
                    inserts.append(NewRevision(value: value, revision: (existing?.revision ?? 0) + 1))
                    if let existing {
                        superseded.append((value.key, existing.revision))
                        revised += 1
                    } else {
                        added += 1
                    }
                }
                let submission = SubmissionRecord()
                submission.id = submissionID
                submission.at = at
                submission.actorUserID = actor.userID
                submission.actorLabel = actor.label
                submission.channel = actor.channel.rawValue
                submission.fileName = String(fileName.prefix(200))
                submission.rowCount = values.count
                submission.added = added
                submission.revised = revised
                try await submission.create(on: database)
                try await Self.markSuperseded(superseded, on: database)
                let total = inserts.count
                try await NewRevision.insert(inserts, submission: submissionID, on: database) { written in progress(written, total) }
                try await AuditLog.record(
                    actor, "submit", entity: "submission", id: submissionID.uuidString,
                    after: [
                        "file": fileName, "rows": "\(values.count)", "added": "\(added)", "revised": "\(revised)",
                        "unchanged": "\(unchanged)",
                    ],
                    at: at, on: database
                )
                for job in jobs { try await JobStore(database: database, now: now).enqueue(job.kind, key: job.key) }
                return SubmissionSummary(
                    submissionID: submissionID, rows: values.count, added: added, revised: revised, unchanged: unchanged)
            }
        }
    }

    /// The revisions a submission replaces are kept, no longer current. Chunks of 1,000 keys keep
    /// each statement under SQLite's limit on bound parameters.
    static func markSuperseded(_ revisions: [(key: ReturnValue.Key, revision: Int)], on database: any Database) async throws {
        let sql = try Self.sql(database)
        for start in stride(from: 0, to: revisions.count, by: 1_000) {
            let keys = revisions[start..<min(start + 1_000, revisions.count)].map { key, revision -> SQLQueryString in
                "(\(bind: key.metricCode), \(bind: key.areaCode), \(bind: key.period.description), \(bind: revision))"
            }
            try await sql.raw(
                """
                UPDATE \(ident: ReturnValueRecord.schema) SET is_current = \(bind: false) \
                WHERE (\(idents: ReturnValueRecord.key, joinedBy: ", ")) IN (VALUES \(keys.joined(separator: ", ")))
                """
            ).run()
        }
    }

    /// The current revision of every value of these metrics in these areas, read as plain rows: a
    /// file that revises a million values would otherwise build a million Fluent models.
    static func currentRevisions(metrics: [String], areas: [String], on database: any Database) async throws -> [ReturnValue.Key:
        CurrentRevision]
    {
        let sql = try Self.sql(database)
        var current: [ReturnValue.Key: CurrentRevision] = [:]
        if metrics.isEmpty || areas.isEmpty { return current }
        for row in try await sql.select()
            .columns("area_code", "metric_code", "period", "numerator", "denominator", "revision")
            .from(ReturnValueRecord.schema).where("is_current", .equal, true)
            .where("metric_code", .in, metrics).where("area_code", .in, areas).all()
        {
            guard let period = Month(try row.decode(column: "period", as: String.self)) else { continue }
            let key = ReturnValue.Key(
                areaCode: try row.decode(column: "area_code", as: String.self),
                metricCode: try row.decode(column: "metric_code", as: String.self),
                period: period)
            current[key] = CurrentRevision(
                numerator: try row.decode(column: "numerator", as: Double.self),
                denominator: try row.decode(column: "denominator", as: Double.self),
                revision: try row.decode(column: "revision", as: Int.self))
        }
        return current
    }

    struct CurrentRevision {
        let numerator: Double
        let denominator: Double
        let revision: Int
    }

    /// Every revision of one value, newest first, with who sent it.
    public func history(area: String, metric: String, period: Month) async throws -> [ValueRevision] {
        try await revisions(area: area, metric: metric).first { $0.period == period }?.revisions ?? []
    }

    /// Every revision of one metric in one area, by month (oldest first) and newest revision first.
    public func revisions(area: String, metric: String) async throws -> [(period: Month, revisions: [ValueRevision])] {
        let records = try await records()
            .where("metric_code", .equal, metric).where("area_code", .equal, area)
            .orderBy("period").orderBy("revision", .descending).all(decoding: ReturnValueRecord.self)
        let submissionIDs = Array(Set(records.map(\.submissionID)))
        var submissions: [UUID: SubmissionRecord] = [:]
        for chunk in stride(from: 0, to: submissionIDs.count, by: 500) {
            for submission in try await SubmissionRecord.query(on: database).filter(
                \.$id ~~ Array(submissionIDs[chunk..<min(chunk + 500, submissionIDs.count)])
            ).all() {
                if let id = submission.id { submissions[id] = submission }
            }
        }
        var result: [(period: Month, revisions: [ValueRevision])] = []
        for record in records {
            guard let period = Month(record.period) else { continue }
            let submission = submissions[record.submissionID]
            let revision = ValueRevision(
                revision: record.revision, numerator: record.numerator, denominator: record.denominator, isCurrent: record.isCurrent,
                submittedAt: submission?.at ?? Date(timeIntervalSince1970: 0), submittedBy: submission?.actorLabel ?? "unknown",
                channel: submission?.channel ?? "unknown"
            )
            if result.last?.period == period {
                result[result.count - 1].revisions.append(revision)
            } else {
                result.append((period, [revision]))
            }
        }
        return result
    }

    /// The metrics an area has returns for.
    public func metricCodes(area: String) async throws -> [String] {
        try await sql().select().distinct().column("metric_code").from(ReturnValueRecord.schema)
            .where("area_code", .equal, area).where("is_current", .equal, true).orderBy("metric_code")
            .all(decodingColumn: "metric_code", as: String.self)
    }

    /// The current values of one metric in one area, in month order.
    public func series(area: String, metric: String) async throws -> [ReturnValue] {
        try await records()
            .where("metric_code", .equal, metric).where("area_code", .equal, area).where("is_current", .equal, true)
            .orderBy("period").all(decoding: ReturnValueRecord.self).compactMap { record in
                Month(record.period).map {
                    ReturnValue(
                        areaCode: record.areaCode, metricCode: record.metricCode, period: $0, numerator: record.numerator,
                        denominator: record.denominator)
                }
            }
    }

    /// Every current value, read with SQL rather than Fluent models: evaluation reads them all at
    /// every accepted return, and model building dominated that read.
    public func currentValues() async throws -> [ReturnValue] {
        try await currentValues(metrics: nil, areas: nil)
    }

    /// The current values of these metrics in these areas (nil: all of them).
    public func currentValues(metrics: [String]?, areas: [String]?) async throws -> [ReturnValue] {
        let sql = try sql()
        // `IN ()` is an error on PostgreSQL (SQLite reads it as false): nothing asked for, nothing read.
        if metrics?.isEmpty == true || areas?.isEmpty == true { return [] }
        let query = sql.select().columns("area_code", "metric_code", "period", "numerator", "denominator")
            .from(ReturnValueRecord.schema).where("is_current", .equal, true)
        if let metrics { query.where("metric_code", .in, metrics) }
        if let areas { query.where("area_code", .in, areas) }
        let rows = try await query.all()
        var values: [ReturnValue] = []
        values.reserveCapacity(rows.count)
        for row in rows {
            guard let period = Month(try row.decode(column: "period", as: String.self)) else { continue }
            values.append(
                ReturnValue(
                    areaCode: try row.decode(column: "area_code", as: String.self),
                    metricCode: try row.decode(column: "metric_code", as: String.self),
                    period: period, numerator: try row.decode(column: "numerator", as: Double.self),
                    denominator: try row.decode(column: "denominator", as: Double.self)
                ))
        }
        return values
    }

    public func counts() async throws -> (values: Int, current: Int, submissions: Int) {
        let counted = try await sql().select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "revisions")
            .column(SQLFunction("SUM", args: SQLRaw("CASE WHEN is_current THEN 1 ELSE 0 END")), as: "current")
            .from(ReturnValueRecord.schema).first()
        return (
            try counted?.decode(column: "revisions", as: Int.self) ?? 0,
            try counted?.decode(column: "current", as: Int?.self) ?? 0,
            try await SubmissionRecord.query(on: database).count()
        )
    }

    /// The database as SQL, which every read and write of returns speaks.
    static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw NewRevision.SQLUnsupported() }
        return sql
    }

    private func sql() throws -> any SQLDatabase { try Self.sql(database) }

    /// Every revision of every value, to be narrowed.
    func records() throws -> SQLSelectBuilder {
        try sql().select().columns(ReturnValueRecord.CodingKeys.allCases.map(\.rawValue)).from(ReturnValueRecord.schema)
    }
}
