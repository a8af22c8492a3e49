import Foundation

/// Dates and times as people in England read and write them: UK time, day first.
public enum CalendarText {
    private static let london = TimeZone(identifier: "Europe/London")!

    /// "4 Dec 2026, 09:30" in UK time.
    public static func dateTime(_ date: Date) -> String {
        formatter("d MMM yyyy, HH:mm").string(from: date)
    }

    /// "YYYY-MM-DD HH:MM" (or with a "T", as a datetime-local field sends it) read as UK time.
    public static func parseDateTime(_ text: String) -> Date? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let formatter = formatter("yyyy-MM-dd HH:mm")
        guard let date = formatter.date(from: cleaned), formatter.string(from: date) == cleaned else { return nil }
        return date
    }

    /// The form `parseDateTime` reads, for filling a form in.
    public static func editable(_ date: Date) -> String {
        formatter("yyyy-MM-dd HH:mm").string(from: date)
    }

    // A formatter per call: DateFormatter is not Sendable, and pages format a handful of dates.
    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = london
        formatter.dateFormat = format
        return formatter
    }
}

extension CalendarDate {
    /// The day `date` falls on in England.
    public init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
