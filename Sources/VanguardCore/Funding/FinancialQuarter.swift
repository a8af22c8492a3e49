import Foundation

/// A quarter of an NHS financial year (April to March): 2017/18 Q1 is April to June 2017.
public struct FinancialQuarter: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year the financial year starts in (2017 for 2017/18).
    public let year: Int
    public let quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (2000...2100).contains(year) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Reads "2017/18 Q1" (as shown) or "2017-Q1".
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = trimmed.replacingOccurrences(of: "-", with: " ").split(separator: " ").map(String.init)
        guard parts.count == 2, parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()) else { return nil }
        let yearText = parts[0].split(separator: "/").map(String.init)
        guard let year = Int(yearText[0]), yearText[0].count == 4 else { return nil }
        if yearText.count == 2 {
            guard yearText[1].count == 2, Int(yearText[1]) == (year + 1) % 100 else { return nil }
        } else if yearText.count != 1 {
            return nil
        }
        self.init(year: year, quarter: quarter)
    }

    public var description: String {
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next) Q\(quarter)"
    }

    /// The first month of the quarter.
    public var firstMonth: Month { Month(year: year, month: 4).adding(months: (quarter - 1) * 3) }

    /// The first day of the quarter, as a date in UK time.
    public var start: CalendarDate { CalendarDate(year: firstMonth.year, month: firstMonth.month, day: 1) }

    /// The quarter after this one ends: its first day is when this one is over.
    public var next: FinancialQuarter {
        quarter == 4 ? FinancialQuarter(year: year + 1, quarter: 1)! : FinancialQuarter(year: year, quarter: quarter + 1)!
    }

    /// The quarter a date falls in.
    public static func containing(_ date: CalendarDate) -> FinancialQuarter {
        let fiscalYear = date.month >= 4 ? date.year : date.year - 1
        let monthsIn = (date.month - 4 + 12) % 12
        return FinancialQuarter(year: fiscalYear, quarter: monthsIn / 3 + 1)!
    }

    public static func < (lhs: FinancialQuarter, rhs: FinancialQuarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }
}
