import Foundation

/// An Atom 1.0 feed (RFC 4287), written by hand so every element the RFC requires is there.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let title: String
        public let url: String
        public let published: Date
        public let updated: Date
        public let authorName: String
        public let summary: String
        public let contentHTML: String
        public let categories: [(term: String, label: String)]

        public init(
            id: String, title: String, url: String, published: Date, updated: Date, authorName: String, summary: String,
            contentHTML: String, categories: [(term: String, label: String)]
        ) {
            self.id = id
            self.title = title
            self.url = url
            self.published = published
            self.updated = updated
            self.authorName = authorName
            self.summary = summary
            self.contentHTML = contentHTML
            self.categories = categories
        }
    }

    public let id: String
    public let title: String
    public let selfURL: String
    public let pageURL: String
    /// When nothing has been published yet, a feed still needs an `updated`.
    public let emptyUpdated: Date
    public let entries: [Entry]

    public init(id: String, title: String, selfURL: String, pageURL: String, emptyUpdated: Date, entries: [Entry]) {
        self.id = id
        self.title = title
        self.selfURL = selfURL
        self.pageURL = pageURL
        self.emptyUpdated = emptyUpdated
        self.entries = entries
    }

    public var xml: String {
        let updated = entries.map(\.updated).max() ?? emptyUpdated
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
              <id>\(Self.escape(id))</id>
              <title>\(Self.escape(title))</title>
              <updated>\(Self.timestamp(updated))</updated>
              <author><name>Vanguard programme</name></author>
              <link rel="self" type="application/atom+xml" href="\(Self.escape(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(Self.escape(pageURL))"/>
              <generator>Vanguard</generator>

            """
        for entry in entries {
            xml += """
                  <entry>
                    <id>\(Self.escape(entry.id))</id>
                    <title>\(Self.escape(entry.title))</title>
                    <link rel="alternate" type="text/html" href="\(Self.escape(entry.url))"/>
                    <published>\(Self.timestamp(entry.published))</published>
                    <updated>\(Self.timestamp(entry.updated))</updated>
                    <author><name>\(Self.escape(entry.authorName))</name></author>

                """
            for category in entry.categories {
                xml += "    <category term=\"\(Self.escape(category.term))\" label=\"\(Self.escape(category.label))\"/>\n"
            }
            if !entry.summary.isEmpty { xml += "    <summary>\(Self.escape(entry.summary))</summary>\n" }
            xml += "    <content type=\"html\">\(Self.escape(entry.contentHTML))</content>\n  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 in UTC, as Atom's date constructs require.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    public static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }
}
