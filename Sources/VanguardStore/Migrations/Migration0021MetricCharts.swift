import FluentKit
import Foundation

/// Each metric names the SPC chart it is drawn on. The framework's two percentages of patients
/// move to Laney's P′ chart, as `data/metrics.csv` now says (the seed only adds missing metrics, so
/// existing databases are told here); the stored evaluations are read again with the new charts.
struct Migration0021MetricCharts: AsyncMigration {
    var name: String { "0021_metric_charts" }

    static let framework = ["ae_four_hour": "pp", "referral_to_treatment_18_weeks": "pp"]

    func prepare(on database: any Database) async throws {
        try await database.schema(MetricRecord.schema).field("chart", .string, .required, .sql(.default("xmr"))).update()
        for (code, chart) in Self.framework {
            guard let metric = try await MetricRecord.find(code, on: database) else { continue }
            metric.chart = chart
            try await metric.update(on: database)
        }
        if try await EvaluationRecord.query(on: database).count() > 0 {
            try await EvaluationStore(database: database).recompute()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MetricRecord.schema).deleteField("chart").update()
    }
}
