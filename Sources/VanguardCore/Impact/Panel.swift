import Foundation

/// Units observed over times (years, months): the input of the impact estimators. A value can be
/// missing (nil), as in published panels where a covariate starts later than the outcome.
public struct Panel: Sendable {
    public let units: [String]
    public let times: [Int]
    /// `series[variable][unit index][time index]`.
    let series: [String: [[Double?]]]
    /// Made once: the estimators look values up by unit and time thousands of times a study (a
    /// dictionary built per lookup was 15% of refitting every impact estimate).
    let unitIndices: [String: Int]
    let timeIndices: [Int: Int]

    public var variables: [String] { series.keys.sorted() }

    public init(units: [String], times: [Int], series: [String: [[Double?]]]) {
        self.units = units
        self.times = times
        self.series = series
        unitIndices = Dictionary(units.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        timeIndices = Dictionary(times.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func unitIndex(_ unit: String) -> Int? { unitIndices[unit] }

    public func value(_ variable: String, unit: Int, time: Int) -> Double? {
        guard let column = series[variable], let t = timeIndices[time] else { return nil }
        return column[unit][t]
    }

    /// A variable's values for one unit over `times`, nil where missing.
    public func values(_ variable: String, unit: Int, at times: [Int]) -> [Double?] {
        guard let column = series[variable] else { return times.map { _ in nil } }
        return times.map { timeIndices[$0].flatMap { column[unit][$0] } }
    }

    /// Reads a long CSV (one row per unit and time) with the named unit and time columns; every other
    /// column is a numeric variable. Each problem names the file, line and column.
    public init(csv data: Data, fileName: String, unitColumn: String, timeColumn: String) throws(DataFileError) {
        let table = try CSVTable(fileName: fileName, data: data)
        let records = try table.records(requiring: [unitColumn, timeColumn])
        let variables = table.header.filter { $0 != unitColumn && $0 != timeColumn && !$0.isEmpty }
        var units: [String] = [], unitIndex: [String: Int] = [:]
        var timeSet = Set<Int>()
        var cells: [String: [Int: [Int: Double]]] = [:]  // variable → unit → time → value
        var seen = Set<String>()
        for record in records {
            let unit = try record.required(unitColumn)
            let timeText = try record.required(timeColumn)
            guard let timeValue = Double(timeText), timeValue.isFinite, timeValue == timeValue.rounded() else {
                throw record.error(timeColumn, "'\(timeText)' is not a whole number (a year or a month index)")
            }
            let time = Int(timeValue)
            guard seen.insert("\(unit)\u{1F}\(time)").inserted else { throw record.error(timeColumn, "\(unit) appears twice at \(time)") }
            if unitIndex[unit] == nil {
                unitIndex[unit] = units.count
                units.append(unit)
            }
            timeSet.insert(time)
            for variable in variables {
                guard let text = record.optional(variable) else { continue }
                guard let value = Double(text), value.isFinite else { throw record.error(variable, "'\(text)' is not a number") }
                cells[variable, default: [:]][unitIndex[unit]!, default: [:]][time] = value
            }
        }
        guard !units.isEmpty else { throw DataFileError(file: fileName, line: 1, field: nil, reason: "the panel has no rows") }
        let times = timeSet.sorted()
        var series: [String: [[Double?]]] = [:]
        for variable in variables {
            series[variable] = units.indices.map { unit in times.map { cells[variable]?[unit]?[$0] } }
        }
        self.init(units: units, times: times, series: series)
    }
}
