import Foundation

/// An iCalendar feed (RFC 5545) of events: CRLF lines, folded at 75 octets, text escaped.
public enum ICalendar {
    public struct Event: Sendable {
        public let uid: String
        public let summary: String
        public let description: String
        public let startsAt: Date
        public let endsAt: Date
        public let location: String?
        public let url: String?
        public let updatedAt: Date

        public init(
            uid: String, summary: String, description: String, startsAt: Date, endsAt: Date, location: String?, url: String?,
            updatedAt: Date
        ) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.location = location
            self.url = url
            self.updatedAt = updatedAt
        }
    }

    public static func calendar(name: String, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Vanguard//Learning and spread//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(escape(event.uid))", "DTSTAMP:\(timestamp(event.updatedAt))", "DTSTART:\(timestamp(event.startsAt))",
                "DTEND:\(timestamp(event.endsAt))", "SUMMARY:\(escape(event.summary))",
            ]
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:\(escape(location))") }
            if let url = event.url { lines.append("URL:\(url)") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// UTC date-time form ("20161012T093000Z").
    public static func timestamp(_ date: Date) -> String {
        AtomFeed.timestamp(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// TEXT values escape backslash, semicolon and comma, and write line breaks as \n.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r\n", "\n", "\r": escaped += "\\n"
            default:
                if let ascii = character.asciiValue, ascii < 32 { continue }
                escaped.append(character)
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets continue on lines that start with a space, never splitting a character.
    static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.append(character)
            octets += size
        }
        return folded
    }
}
