import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import VanguardCore

/// A value about to be written as a new current revision.
///
/// Writing bypasses Fluent models and SQLKit's `Encodable` binding: a returns file can hold a
/// million rows, and a model or an encoder per value cost more than the database did. SQLite gets
/// multi-row inserts bound with its own values; PostgreSQL gets `COPY … FROM STDIN`. The columns and
/// encodings are those `ReturnValueRecord` reads (on SQLite a submission's identifier is upper-case
/// text, as Fluent writes it, and a flag an integer), which `BulkReturnsTests` reads back.
struct NewRevision {
    let value: ReturnValue
    let revision: Int

    static let columns = [
        "area_code", "metric_code", "period", "numerator", "denominator", "revision", "is_current", "submission_id",
    ]
    /// The columns bound per row on SQLite: all but `is_current` and `submission_id`.
    static let boundColumns = 6
    /// 5,460 rows × 6 bound columns (and the submission) stay under SQLite's 32,766 bound
    /// parameters per statement.
    static let sqliteRowsPerStatement = 5_460
    /// COPY is sent in pieces of about a megabyte, reporting progress after each.
    static let postgresRowsPerWrite = 10_000

    static func insert(_ rows: [NewRevision], submission: UUID, on database: any Database, progress: @escaping @Sendable (Int) -> Void)
        async throws
    {
        let ordered = inIndexOrder(rows)
        if let sqlite = database as? any SQLiteDatabase {
            try await insert(ordered, submission: submission, on: sqlite, progress: progress)
        } else if database is any PostgresDatabase {
            try await copy(ordered, submission: submission, on: database, progress: progress)
        } else {
            throw SQLUnsupported()
        }
    }

    private static func insert(
        _ rows: [NewRevision], submission: UUID, on sqlite: any SQLiteDatabase, progress: (Int) -> Void
    ) async throws {
        // SQLite parses every parameter marker of every statement (SQLiteNIO prepares each time), so
        // the two values that are the same on every row are bound once or written as a literal.
        let head = "INSERT INTO \"\(ReturnValueRecord.schema)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        // The submission is bound once, as ?1; each row's own values follow it.
        let firstRow = "(?2" + String(repeating: ",?", count: boundColumns - 1) + ",1,?1)"
        let nextRow = "(?" + String(repeating: ",?", count: boundColumns - 1) + ",1,?1)"
        var periods: [Month: SQLiteData] = [:]
        var statements: [Int: String] = [:]
        // SQLite's default page cache (2 MB) spills to disk mid-transaction once a file is large
        // (and on a spill takes the exclusive lock early, holding readers off); a big file gets a
        // bigger cache for its writing, given back after (after a failure the connection keeps it:
        // memory, not harm).
        let largeFile = rows.count > 50_000
        if largeFile { _ = try await sqlite.query("PRAGMA cache_size = -262144") }
        // Each statement's values are made while SQLite (on its own thread) runs the one before.
        var running: (statement: EventLoopFuture<[SQLiteRow]>, end: Int)?
        for start in stride(from: 0, to: rows.count, by: sqliteRowsPerStatement) {
            let end = min(start + sqliteRowsPerStatement, rows.count)
            var binds: [SQLiteData] = [.text(submission.uuidString)]
            binds.reserveCapacity((end - start) * boundColumns + 1)
            for index in start..<end {
                let row = rows[index], value = row.value
                let period: SQLiteData
                if let known = periods[value.period] {
                    period = known
                } else {
                    period = .text(value.period.description)
                    periods[value.period] = period
                }
                binds.append(.text(value.areaCode))
                binds.append(.text(value.metricCode))
                binds.append(period)
                binds.append(.float(value.numerator))
                binds.append(.float(value.denominator))
                binds.append(.integer(row.revision))
            }
            let sql = statements[end - start] ?? head + firstRow + String(repeating: "," + nextRow, count: end - start - 1)
            statements[end - start] = sql
            if let running {
                _ = try await running.statement.get()
                progress(running.end)
            }
            let statement: EventLoopFuture<[SQLiteRow]> = sqlite.query(sql, binds)
            running = (statement, end)
        }
        if let running {
            _ = try await running.statement.get()
            progress(running.end)
        }
        if largeFile { _ = try await sqlite.query("PRAGMA cache_size = -2000") }
    }

    private static func copy(
        _ rows: [NewRevision], submission: UUID, on database: any Database, progress: @escaping @Sendable (Int) -> Void
    ) async throws {
        let tail = "\tt\t\(submission.uuidString)\n"
        // Codes come from the framework and the registry, checked before this point; each is still
        // escaped for COPY's text format (once per code), so no code could ever split a row.
        var escaped: [String: String] = [:]
        for row in rows {
            for code in [row.value.areaCode, row.value.metricCode] where escaped[code] == nil { escaped[code] = copyText(code) }
        }
        let codes = escaped
        let logger = database.logger
        try await database.transactionConnection { connection in
            try await connection.copyFrom(table: ReturnValueRecord.schema, columns: columns, logger: logger) { writer in
                for start in stride(from: 0, to: rows.count, by: postgresRowsPerWrite) {
                    let end = min(start + postgresRowsPerWrite, rows.count)
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity((end - start) * 120)
                    for index in start..<end {
                        let row = rows[index], value = row.value
                        buffer.writeString(codes[value.areaCode, default: ""])
                        buffer.writeString("\t")
                        buffer.writeString(codes[value.metricCode, default: ""])
                        buffer.writeString("\t")
                        buffer.writeString(value.period.description)
                        buffer.writeString("\t")
                        buffer.writeString(value.numerator.description)
                        buffer.writeString("\t")
                        buffer.writeString(value.denominator.description)
                        buffer.writeString("\t")
                        buffer.writeString(String(row.revision))
                        buffer.writeString(tail)
                    }
                    try await writer.write(buffer)
                    progress(end)
                }
            }
        }
    }

    /// The rows in the order of the table's key (metric, area, period), codes compared by their
    /// bytes as both engines do. Why: a file arrives month by month, so its rows, written as they
    /// come, land on a different page of the key each; in key order they are appended, which halved
    /// SQLite's own time for a million rows. Sorted on one integer per row.
    static func inIndexOrder(_ rows: [NewRevision]) -> [NewRevision] {
        // Each code is numbered as first seen (one hash per code per row), then the numbers are
        // mapped to the codes' order.
        var metricNumbers: [String: Int] = [:], areaNumbers: [String: Int] = [:]
        var numbered: [(metric: Int, area: Int)] = []
        numbered.reserveCapacity(rows.count)
        for row in rows {
            let metric = metricNumbers[row.value.metricCode, default: metricNumbers.count]
            metricNumbers[row.value.metricCode] = metric
            let area = areaNumbers[row.value.areaCode, default: areaNumbers.count]
            areaNumbers[row.value.areaCode] = area
            numbered.append((metric, area))
        }
        func ranks(_ numbers: [String: Int]) -> [Int] {
            var ranks = Array(repeating: 0, count: numbers.count)
            for (rank, code) in numbers.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                ranks[numbers[code]!] = rank
            }
            return ranks
        }
        let metricRanks = ranks(metricNumbers), areaRanks = ranks(areaNumbers)
        // Metric, area and month in one number, each below 2^20 (a month counted from year 0 is below 2^18).
        var keys: [(key: Int, index: Int)] = []
        keys.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let month = row.value.period.year * 12 + row.value.period.month - 1
            keys.append(((metricRanks[numbered[index].metric] << 40) | (areaRanks[numbered[index].area] << 20) | month, index))
        }
        keys.sort { $0.key < $1.key }
        return keys.map { rows[$0.index] }
    }

    /// A value as COPY's text format reads it: backslash, tab and line ends escaped.
    static func copyText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    struct SQLUnsupported: Error, CustomStringConvertible {
        var description: String { "returns are written with SQL; this database driver does not speak it" }
    }
}
