import Foundation

/// A plain-text e-mail ready for SMTP's DATA command (RFC 5322 headers, RFC 5321 dot-stuffing).
public struct MailMessage: Sendable, Equatable {
    public let from: String
    public let to: String
    public let subject: String
    public let body: String
    public let date: Date
    public let messageID: String
    /// Where a mail client's one-click unsubscribe posts to (RFC 8058); nil for mail that is not a list's.
    public let listUnsubscribe: String?

    public init(from: String, to: String, subject: String, body: String, date: Date, messageID: String, listUnsubscribe: String? = nil) {
        // Line breaks in a header would let text start new headers (header injection): fold them to spaces.
        func oneLine(_ text: String) -> String {
            text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        self.from = oneLine(from)
        self.to = oneLine(to)
        self.subject = oneLine(subject)
        self.body = body
        self.date = date
        self.messageID = oneLine(messageID)
        self.listUnsubscribe = listUnsubscribe.map(oneLine)
    }

    /// The message as sent after DATA, ending with the lone dot that closes it.
    public var data: String {
        var lines = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if let listUnsubscribe {
            lines += ["List-Unsubscribe: <\(listUnsubscribe)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
        }
        lines.append("")
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            // A line that starts with a dot gets another, so it cannot end the message early.
            lines.append(line.hasPrefix(".") ? "." + line : String(line))
        }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// Non-ASCII subjects are sent as RFC 2047 encoded words.
    static func encodedHeader(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
