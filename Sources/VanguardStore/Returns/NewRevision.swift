import FluentKit
import Foundation
import SQLKit
import VanguardCore

/// A value about to be written as a new current revision.
///
/// Writing goes through SQLKit rather than Fluent models: a returns file can hold a million rows,
/// and building a Fluent model per row cost more than the database did. The columns and encodings
/// are those of `ReturnValueRecord` (the same binds Fluent itself would send).
struct NewRevision {
    let value: ReturnValue
    let revision: Int

    static let columns = [
        "id", "area_code", "metric_code", "period", "numerator", "denominator", "revision", "is_current", "submission_id",
    ]
    /// 2,000 rows × 9 columns stays under SQLite's 32,766 bound parameters per statement.
    static let rowsPerStatement = 2_000

    static func insert(_ rows: [NewRevision], submission: UUID, on database: any Database, progress: (Int) -> Void) async throws {
        guard let sql = database as? any SQLDatabase else { throw SQLUnsupported() }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let end = min(start + rowsPerStatement, rows.count)
            var insert = sql.insert(into: ReturnValueRecord.schema).columns(columns)
            for row in rows[start..<end] {
                let value = row.value
                insert = insert.values(
                    [
                        UUID(), value.areaCode, value.metricCode, value.period.description, value.numerator, value.denominator,
                        row.revision, true, submission,
                    ] as [any Encodable & Sendable])
            }
            try await insert.run()
            progress(end)
        }
    }

    struct SQLUnsupported: Error, CustomStringConvertible {
        var description: String { "returns are written with SQL; this database driver does not speak it" }
    }
}
