import Foundation

/// One value of a monthly return: a numerator and denominator for an area, metric and month.
public struct ReturnValue: Hashable, Sendable, Codable {
    public let areaCode: String
    public let metricCode: String
    public let period: Month
    public let numerator: Double
    public let denominator: Double

    public init(areaCode: String, metricCode: String, period: Month, numerator: Double, denominator: Double) {
        self.areaCode = areaCode
        self.metricCode = metricCode
        self.period = period
        self.numerator = numerator
        self.denominator = denominator
    }

    public struct Key: Hashable, Sendable {
        public let areaCode: String
        public let metricCode: String
        public let period: Month

        public init(areaCode: String, metricCode: String, period: Month) {
            self.areaCode = areaCode
            self.metricCode = metricCode
            self.period = period
        }
    }

    public var key: Key { Key(areaCode: areaCode, metricCode: metricCode, period: period) }

    /// The metrics and areas `values` name. A code the row before named is not hashed again: in a
    /// file written month by month an area repeats over a run of rows, and a million-row upload
    /// asks for its codes more than once.
    public static func codes(in values: [ReturnValue]) -> (metrics: Set<String>, areas: Set<String>) {
        var metrics = Set<String>(), areas = Set<String>()
        var metric: String?, area: String?
        for value in values {
            if value.metricCode != metric {
                metrics.insert(value.metricCode)
                metric = value.metricCode
            }
            if value.areaCode != area {
                areas.insert(value.areaCode)
                area = value.areaCode
            }
        }
        return (metrics, areas)
    }
}

/// A problem with one cell of a returns file.
public struct ReturnProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The line in the file (the header is line 1); 0 for the file as a whole.
    public let row: Int
    public let column: String?
    public let value: String?
    public let reason: String

    public var description: String {
        var text = row == 0 ? "file" : "row \(row)"
        if let column { text += ", column \(column)" }
        if let value { text += ", value '\(value.prefix(60))'" }
        return text + ": " + reason
    }
}

/// Why a returns file was rejected: the first problems found (at most `shownLimit`) and how many in all.
public struct ReturnsRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public static let shownLimit = 100
    public let problems: [ReturnProblem]
    public let total: Int

    public var description: String {
        let shown = problems.map(\.description).joined(separator: "\n")
        return "the file was rejected, nothing was written: \(total) problem\(total == 1 ? "" : "s")"
            + (total > problems.count ? " (first \(problems.count) shown)" : "") + "\n" + shown
    }
}

/// Reads and checks a returns CSV (`area_code,metric_code,period,numerator,denominator`) as a whole:
/// either every row is good and all are returned, or the file is rejected with every problem found.
public struct ReturnsFile: Sendable {
    public static let header = ["area_code", "metric_code", "period", "numerator", "denominator"]
    public static let largestValue = 1e12
    public static let defaultMaximumBytes = 50 * 1024 * 1024

    public var knownAreas: Set<String>
    public var knownMetrics: Set<String>
    /// The latest month a return may be for: the current month (no returns for the future).
    public var latestPeriod: Month
    public var maximumBytes: Int
    /// The areas this sender may submit for (a site lead's footprint), or nil for any known area.
    public var permittedAreas: Set<String>?

    public init(
        knownAreas: Set<String>, knownMetrics: Set<String>, latestPeriod: Month, maximumBytes: Int = ReturnsFile.defaultMaximumBytes,
        permittedAreas: Set<String>? = nil
    ) {
        self.permittedAreas = permittedAreas
        self.knownAreas = knownAreas
        self.knownMetrics = knownMetrics
        self.latestPeriod = latestPeriod
        self.maximumBytes = maximumBytes
    }

    public func read(_ data: Data) throws(ReturnsRejection) -> [ReturnValue] {
        try read(data, plainFirst: true)
    }

    /// Any file through the general CSV reader alone, every problem named (what `read` does with a
    /// file the plain reader is not sure of).
    func readInGeneral(_ data: Data) throws(ReturnsRejection) -> [ReturnValue] {
        try read(data, plainFirst: false)
    }

    private func read(_ data: Data, plainFirst: Bool) throws(ReturnsRejection) -> [ReturnValue] {
        guard data.count <= maximumBytes else {
            throw reject([
                ReturnProblem(
                    row: 0, column: nil, value: nil, reason: "the file is \(data.count) bytes; at most \(maximumBytes) are accepted")
            ])
        }
        guard !data.isEmpty else { throw reject([ReturnProblem(row: 0, column: nil, value: nil, reason: "the file is empty")]) }
        if plainFirst, let plain = PlainReturnsReader(file: self), let values = data.withUnsafeBytes({ plain.read($0) }) {
            return values
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw reject([ReturnProblem(row: 0, column: nil, value: nil, reason: "the file is not UTF-8 text")])
        }
        let table: CSVTable
        do {
            table = try CSVTable(fileName: "returns", text: text)
        } catch {
            throw reject([ReturnProblem(row: error.line, column: error.field, value: nil, reason: error.reason)])
        }
        guard table.header == Self.header else {
            let missing = Self.header.filter { !table.header.contains($0) }
            let extra = table.header.filter { !Self.header.contains($0) }
            var reason = "the header must be exactly \(Self.header.joined(separator: ","))"
            if !missing.isEmpty { reason += "; missing: \(missing.joined(separator: ", "))" }
            if !extra.isEmpty { reason += "; not recognised: \(extra.joined(separator: ", "))" }
            throw reject([ReturnProblem(row: 1, column: nil, value: table.header.joined(separator: ","), reason: reason)])
        }
        guard !table.rows.isEmpty else {
            throw reject([ReturnProblem(row: 0, column: nil, value: nil, reason: "the file has a header but no rows")])
        }

        var problems: [ReturnProblem] = []
        var total = 0
        func problem(_ row: Int, _ column: String?, _ value: String?, _ reason: String) {
            total += 1
            if problems.count < ReturnsRejection.shownLimit {
                problems.append(ReturnProblem(row: row, column: column, value: value, reason: reason))
            }
        }
        var values: [ReturnValue] = []
        values.reserveCapacity(table.rows.count)
        var firstLine: [ReturnValue.Key: Int] = [:]
        for row in table.rows {
            guard row.fields.count == Self.header.count else {
                problem(row.line, nil, nil, "expected \(Self.header.count) fields, found \(row.fields.count)")
                continue
            }
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var ok = true
            if !knownAreas.contains(fields[0]) {
                problem(row.line, "area_code", fields[0], fields[0].isEmpty ? "is empty" : "is not a known sub-ICB location (E38…)")
                ok = false
            } else if let permittedAreas, !permittedAreas.contains(fields[0]) {
                problem(
                    row.line, "area_code", fields[0],
                    "is not an area you may submit for: your vanguard's footprint, less areas a more local vanguard or the programme team submits"
                )
                ok = false
            }
            if !knownMetrics.contains(fields[1]) {
                problem(row.line, "metric_code", fields[1], fields[1].isEmpty ? "is empty" : "is not a metric in the framework")
                ok = false
            }
            let period = Month(fields[2])
            if period == nil {
                problem(row.line, "period", fields[2], "is not a month in the form YYYY-MM")
                ok = false
            } else if let period, period > latestPeriod {
                problem(row.line, "period", fields[2], "is in the future (the latest month accepted is \(latestPeriod))")
                ok = false
            }
            let numerator = number(fields[3], row: row.line, column: "numerator", problem: problem)
            let denominator = number(fields[4], row: row.line, column: "denominator", problem: problem)
            if denominator == 0 {
                problem(row.line, "denominator", fields[4], "is zero, so no rate can be formed")
                ok = false
            }
            guard ok, let period, let numerator, let denominator, denominator != 0 else { continue }
            let value = ReturnValue(
                areaCode: fields[0], metricCode: fields[1], period: period, numerator: numerator, denominator: denominator)
            if let first = firstLine[value.key] {
                problem(
                    row.line, "period", fields[2], "repeats area \(fields[0]), metric \(fields[1]) and period \(fields[2]) of row \(first)")
                continue
            }
            firstLine[value.key] = row.line
            values.append(value)
        }
        if total > 0 { throw ReturnsRejection(problems: problems, total: total) }
        return values
    }

    private func number(_ text: String, row: Int, column: String, problem: (Int, String?, String?, String) -> Void) -> Double? {
        guard !text.isEmpty else {
            problem(row, column, text, "is empty")
            return nil
        }
        guard let value = Double(text), value.isFinite,
            text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" })
        else {
            problem(row, column, text, "is not a number")
            return nil
        }
        guard value >= 0 else {
            problem(row, column, text, "is negative")
            return nil
        }
        // England has 57 million people: no monthly count or population comes near a trillion, and
        // a bound keeps sums over every area and month far from infinity.
        guard value <= Self.largestValue else {
            problem(row, column, text, "is larger than any count or population (at most 1,000,000,000,000)")
            return nil
        }
        return value
    }

    private func reject(_ problems: [ReturnProblem]) -> ReturnsRejection {
        ReturnsRejection(problems: problems, total: problems.count)
    }
}
