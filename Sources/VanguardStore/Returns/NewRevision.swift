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
/// one insert prepared once and stepped per row (`PreparedSQLiteInsert`); PostgreSQL gets
/// `COPY … FROM STDIN`. The columns and
/// encodings are those `ReturnValueRecord` reads (on SQLite a submission's identifier is upper-case
/// text, as Fluent writes it, and a flag an integer), which `BulkReturnsTests` reads back.
struct NewRevision {
    let value: ReturnValue
    let revision: Int

    static let columns = [
        "area_code", "metric_code", "period", "numerator", "denominator", "revision", "is_current", "submission_id",
    ]
    /// SQLite reports its progress every this many rows.
    static let progressEvery = 10_000
    /// COPY is sent in pieces of about a megabyte, reporting progress after each.
    static let postgresRowsPerWrite = 10_000

    static func insert(_ rows: [NewRevision], submission: UUID, on database: any Database, progress: @escaping @Sendable (Int) -> Void)
        async throws
    {
        let ordered = inIndexOrder(rows)
        if let sqlite = database as? any SQLiteDatabase {
            // The prepared insert runs on the connection the transaction holds; outside one it
            // could be any connection of the pool.
            guard database.inTransaction else { throw OutsideATransaction() }
            try await insert(ordered, submission: submission, on: sqlite, progress: progress)
        } else if database is any PostgresDatabase {
            try await copy(ordered, submission: submission, on: database, progress: progress)
        } else {
            throw SQLUnsupported()
        }
    }

    private static func insert(
        _ rows: [NewRevision], submission: UUID, on sqlite: any SQLiteDatabase, progress: @escaping @Sendable (Int) -> Void
    ) async throws {
        // SQLite's default page cache (2 MB) spills to disk mid-transaction once a file is large
        // (and on a spill takes the exclusive lock early, holding readers off); a big file gets a
        // bigger cache for its writing, given back after (after a failure the connection keeps it:
        // memory, not harm).
        let largeFile = rows.count > 50_000
        if largeFile { _ = try await sqlite.query("PRAGMA cache_size = -262144") }
        let sql = """
            INSERT INTO "\(ReturnValueRecord.schema)" (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
            """
        let texts = PreparedSQLiteInsert.Texts()
        try await PreparedSQLiteInsert.run(sql, in: sqlite) { statement in
            statement.bind(texts.pointer(to: submission.uuidString), at: 7)
            // Rows come in key order, so codes repeat from row to row and are bound only when
            // they change; months are made into text once each, found by their number.
            var area = "", metric = ""
            let first = rows.lazy.map(\.value.period.number).min() ?? 0
            var periods: [UnsafePointer<CChar>?] = []
            for (index, row) in rows.enumerated() {
                let value = row.value
                if value.areaCode != area {
                    area = value.areaCode
                    statement.bind(texts.pointer(to: area), at: 1)
                }
                if value.metricCode != metric {
                    metric = value.metricCode
                    statement.bind(texts.pointer(to: metric), at: 2)
                }
                let offset = value.period.number - first
                if offset >= periods.count { periods += Array(repeating: nil, count: offset - periods.count + 1) }
                let period = periods[offset] ?? texts.pointer(to: value.period.description)
                periods[offset] = period
                statement.bind(period, at: 3)
                statement.bind(value.numerator, at: 4)
                statement.bind(value.denominator, at: 5)
                statement.bind(row.revision, at: 6)
                try statement.step()
                if (index + 1) % progressEvery == 0 { progress(index + 1) }
            }
        }
        progress(rows.count)
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
    /// SQLite's own time for a million rows.
    ///
    /// A file names a few thousand series (metric × area) at most, so rows are counted into their
    /// series (stable, linear) rather than compared; within a series they keep the file's order,
    /// which is month order in any file written month by month, and a series that is not is sorted
    /// on its own. A comparison sort of a million rows was a tenth of the write.
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
        let areaCount = areaNumbers.count
        // starts[s] is where series s begins in key order, once the rows of each are counted.
        var series: [Int] = []
        series.reserveCapacity(rows.count)
        var starts = Array(repeating: 0, count: metricNumbers.count * areaCount + 1)
        for (metric, area) in numbered {
            let number = metricRanks[metric] * areaCount + areaRanks[area]
            series.append(number)
            starts[number + 1] += 1
        }
        for number in starts.indices.dropFirst() { starts[number] += starts[number - 1] }
        var order = Array(repeating: 0, count: rows.count)
        var next = starts
        for (index, number) in series.enumerated() {
            order[next[number]] = index
            next[number] += 1
        }
        func month(_ index: Int) -> Int { rows[index].value.period.number }
        for number in starts.indices.dropLast() {
            let range = starts[number]..<starts[number + 1]
            if zip(order[range], order[range].dropFirst()).contains(where: { month($0) > month($1) }) {
                order[range].sort { month($0) < month($1) }
            }
        }
        return order.map { rows[$0] }
    }

    /// A value as COPY's text format reads it: backslash, tab and line ends escaped.
    static func copyText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    struct OutsideATransaction: Error, CustomStringConvertible {
        var description: String { "returns are written inside a submission's transaction" }
    }

    struct SQLUnsupported: Error, CustomStringConvertible {
        var description: String { "returns are written with SQL; this database driver does not speak it" }
    }
}
