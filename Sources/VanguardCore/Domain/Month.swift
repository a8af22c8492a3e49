import Foundation

/// A calendar month, the period of a monthly return (`YYYY-MM`).
public struct Month: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` strictly: four digits, a dash, two digits, month 01–12.
    public init?(_ text: String) {
        // The usual spelling read from its bytes: months are parsed a million times in an import.
        if let month = text.utf8.withContiguousStorageIfAvailable({ Month(digits: UnsafeRawBufferPointer($0)) }) ?? nil {
            self = month
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1900
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM` in plain ASCII digits, from 1900; nil for anything else, including the rarer
    /// spellings `init?(_:)` also takes.
    init?(digits bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0, month = 0
        for index in [0, 1, 2, 3, 5, 6] {
            let digit = Int(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            if index < 4 { year = year * 10 + digit } else { month = month * 10 + digit }
        }
        guard (1...12).contains(month), year >= 1900 else { return nil }
        self.init(year: year, month: month)
    }

    /// The month containing `date`, in UK time.
    public init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let components = calendar.dateComponents([.year, .month], from: date)
        self.init(year: components.year ?? 1970, month: components.month ?? 1)
    }

    public var description: String {
        // What `String(format: "%04d-%02d")` gives, without C formatting (a chart encodes hundreds).
        guard (0...9999).contains(year), (0...99).contains(month) else { return String(format: "%04d-%02d", year, month) }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            buffer[0] = UInt8(ascii: "0") + UInt8(year / 1000)
            buffer[1] = UInt8(ascii: "0") + UInt8(year / 100 % 10)
            buffer[2] = UInt8(ascii: "0") + UInt8(year / 10 % 10)
            buffer[3] = UInt8(ascii: "0") + UInt8(year % 10)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "0") + UInt8(month / 10)
            buffer[6] = UInt8(ascii: "0") + UInt8(month % 10)
            return 7
        }
    }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// Months since January of year 0: consecutive months have consecutive numbers.
    public var number: Int { year * 12 + (month - 1) }

    public func adding(months: Int) -> Month {
        let index = number + months
        return Month(year: index / 12, month: index % 12 + 1)
    }

    /// The NHS financial year it falls in, named by its first year: April 2014 – March 2015 is 2014.
    public var financialYear: Int { month >= 4 ? year : year - 1 }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM month: \(text)"))
        }
        self = month
    }
}
