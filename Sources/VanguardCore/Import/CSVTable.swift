import Foundation

/// A CSV file read into memory: a header and its rows, each row remembering the line it started on.
///
/// RFC 4180: fields may be quoted, quotes inside quoted fields are doubled, and a quoted field
/// may span lines. Line numbers are 1-based and count the header, so an error names the line
/// a person sees in an editor.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line of the file on which this row starts.
        public let line: Int
        public let fields: [String]
    }

    public let fileName: String
    public let header: [String]
    public let rows: [Row]

    public init(fileName: String, text: String) throws(DataFileError) {
        self.fileName = fileName
        var records = try Self.records(in: text, fileName: fileName)
        guard !records.isEmpty else {
            throw DataFileError(file: fileName, line: 1, field: nil, reason: "the file is empty")
        }
        let headerRecord = records.removeFirst()
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
    }

    public init(fileName: String, data: Data) throws(DataFileError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: fileName, line: 1, field: nil, reason: "the file is not UTF-8 text")
        }
        try self.init(fileName: fileName, text: text)
    }

    /// Maps each row to a dictionary keyed by header name after checking that `required` columns exist.
    public func records(requiring required: [String]) throws(DataFileError) -> [Record] {
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw DataFileError(
                file: fileName, line: 1, field: missing.first,
                reason: "missing column(s) \(missing.joined(separator: ", ")); found \(header.joined(separator: ", "))"
            )
        }
        var result: [Record] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            guard row.fields.count == header.count else {
                throw DataFileError(
                    file: fileName, line: row.line, field: nil,
                    reason: "expected \(header.count) fields, found \(row.fields.count)"
                )
            }
            result.append(Record(fileName: fileName, line: row.line, values: Dictionary(uniqueKeysWithValues: zip(header, row.fields))))
        }
        return result
    }

    /// One row with its values addressed by column name.
    public struct Record: Sendable {
        public let fileName: String
        public let line: Int
        public let values: [String: String]

        /// The trimmed value of `column`, or an error naming the line and column when it is blank.
        public func required(_ column: String) throws(DataFileError) -> String {
            let value = optional(column)
            guard let value else {
                throw DataFileError(file: fileName, line: line, field: column, reason: "is empty")
            }
            return value
        }

        /// The trimmed value of `column`, or nil when it is blank.
        public func optional(_ column: String) -> String? {
            let value = values[column]?.trimmingCharacters(in: .whitespaces) ?? ""
            return value.isEmpty ? nil : value
        }

        public func error(_ column: String?, _ reason: String) -> DataFileError {
            DataFileError(file: fileName, line: line, field: column, reason: reason)
        }
    }

    private static func records(in text: String, fileName: String) throws(DataFileError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStartLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }

        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                continue
            case "\n":
                fields.append(field)
                rows.append(Row(line: rowStartLine, fields: fields))
                fields = []
                field = ""
                fieldWasQuoted = false
                line += 1
                rowStartLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw DataFileError(file: fileName, line: rowStartLine, field: nil, reason: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            fields.append(field)
            rows.append(Row(line: rowStartLine, fields: fields))
        }
        if let first = rows.first?.fields.first, first.hasPrefix("\u{FEFF}") {
            var firstRow = rows[0].fields
            firstRow[0] = String(first.dropFirst())
            rows[0] = Row(line: rows[0].line, fields: firstRow)
        }
        return rows
    }
}
