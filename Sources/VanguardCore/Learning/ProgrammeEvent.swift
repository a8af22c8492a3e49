import Foundation

/// A course, webinar or open day of the programme, with its places.
public struct ProgrammeEvent: Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case course, webinar
        case openDay = "open_day"

        public var name: String {
            switch self {
            case .course: "Course"
            case .webinar: "Webinar"
            case .openDay: "Open day"
            }
        }
    }

    public let id: UUID
    public var kind: Kind
    public var title: String
    /// Markdown, rendered safely like posts.
    public var description: String
    public var startsAt: Date
    public var endsAt: Date
    /// Where it happens in person, if it does.
    public var place: String?
    /// Where it happens online, if it does.
    public var link: String?
    public var capacity: Int
    public var vanguardNumber: Int?
    /// The description as safe HTML, rendered when it was saved (nil for an event not yet saved).
    public var descriptionHTML: String?

    public init(
        id: UUID, kind: Kind, title: String, description: String, startsAt: Date, endsAt: Date, place: String?, link: String?,
        capacity: Int, vanguardNumber: Int?
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.link = link
        self.capacity = capacity
        self.vanguardNumber = vanguardNumber
    }

    public static let maximumCapacity = 10_000

    /// Everything wrong with the event, each naming its field.
    public var problems: [ValidationError] {
        var problems: [ValidationError] = []
        func note(_ field: String, _ reason: String) { problems.append(.invalid(field: field, reason: reason)) }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { note("title", "Give the event a title") }
        if title.count > PostContent.maximumTitleLength { note("title", "Keep the title to \(PostContent.maximumTitleLength) characters") }
        if description.count > PostContent.maximumMarkdownLength {
            note("description", "Too long: \(description.count) characters, the limit is \(PostContent.maximumMarkdownLength)")
        }
        for url in SafeMarkdown.html(from: description).refusedURLs {
            note("description", "The link '\(url.prefix(60))' is not allowed: links must start http:, https:, mailto: or /")
        }
        if endsAt <= startsAt { note("ends_at", "The event must end after it starts") }
        if (place ?? "").isEmpty && (link ?? "").isEmpty { note("place", "Give a place, a link to join online, or both") }
        if let link, !link.isEmpty {
            // https only: a joining link over plain http can be read or changed on the way, and it is
            // published on the page and in the calendar feed.
            let parsed = URLComponents(string: link)
            if parsed?.scheme?.lowercased() != "https" || (parsed?.host ?? "").isEmpty || !HTMLAllowlist.isSafeURL(link)
                || link.contains(where: \.isWhitespace)
            {
                note("link", "The joining link must be a web address starting https://")
            }
        }
        if !(1...Self.maximumCapacity).contains(capacity) {
            note("capacity", "Give the number of places, from 1 to \(Self.maximumCapacity)")
        }
        return problems
    }
}
