import Foundation

/// One e-mail digest: what was published in the window a subscription covers, as plain text.
public struct Digest: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let title: String
        public let kind: PostKind
        public let summary: String
        public let url: String
        public let publishedAt: Date

        public init(title: String, kind: PostKind, summary: String, url: String, publishedAt: Date) {
            self.title = title
            self.kind = kind
            self.summary = summary
            self.url = url
            self.publishedAt = publishedAt
        }
    }

    public let subject: String
    public let body: String

    /// The digest, or nil when nothing new falls in the window (no empty e-mails).
    public static func compose(
        recipientName: String, topicName: String, frequency: DigestFrequency, items: [Item],
        manageURL: String, unsubscribeURL: String
    ) -> Digest? {
        guard !items.isEmpty else { return nil }
        let sorted = items.sorted { $0.publishedAt > $1.publishedAt }
        let count = sorted.count == 1 ? "1 new post" : "\(sorted.count) new posts"
        var body = "Hello \(recipientName),\n\n\(count) in \(topicName) since your last \(frequency.name.lowercased()) digest:\n"
        for item in sorted {
            body += "\n\(item.kind.name): \(item.title)\n"
            if !item.summary.isEmpty { body += "\(item.summary.prefix(300))\n" }
            body += "\(item.url)\n"
        }
        body += "\nChange what you receive: \(manageURL)\nUnsubscribe from this digest with one click: \(unsubscribeURL)\n"
        return Digest(subject: "Vanguard \(frequency.name.lowercased()) digest: \(count) in \(topicName)", body: body)
    }
}
