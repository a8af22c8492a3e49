import Foundation

/// Where a post stands: a draft only its authors see, published (at once or from a set time), or withdrawn.
public enum PostStatus: String, Codable, Sendable {
    case draft
    case published
    case deleted
}

/// A post as readers and authors see it: its current revision and its place in time.
public struct Post: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let slug: String
    public let status: PostStatus
    /// When it becomes (or became) visible; a future time schedules it.
    public let publishAt: Date?
    public let authorID: UUID
    public let authorName: String
    public let createdAt: Date
    public let updatedAt: Date
    public let revision: Int
    public let content: PostContent
    /// The content's Markdown as safe HTML, rendered when it was saved.
    public let html: RenderedMarkdown

    public init(
        id: UUID, slug: String, status: PostStatus, publishAt: Date?, authorID: UUID, authorName: String,
        createdAt: Date, updatedAt: Date, revision: Int, content: PostContent, html: RenderedMarkdown = RenderedMarkdown()
    ) {
        self.html = html
        self.id = id
        self.slug = slug
        self.status = status
        self.publishAt = publishAt
        self.authorID = authorID
        self.authorName = authorName
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.content = content
    }

    public func isVisible(at date: Date) -> Bool {
        status == .published && (publishAt ?? .distantPast) <= date
    }

    public func isScheduled(at date: Date) -> Bool {
        status == .published && (publishAt ?? .distantPast) > date
    }

    /// A URL-safe name from a title ("Care homes: what worked" → "care-homes-what-worked").
    public static func slug(from title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-"), !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80)).isEmpty ? "post" : String(slug.prefix(80))
    }
}

/// A post's revision as kept: who saved it, when, and what changed.
public struct PostRevision: Sendable, Equatable {
    public let number: Int
    public let savedAt: Date
    public let savedBy: String
    public let content: PostContent
    public let changes: [String]

    public init(number: Int, savedAt: Date, savedBy: String, content: PostContent, changes: [String]) {
        self.number = number
        self.savedAt = savedAt
        self.savedBy = savedBy
        self.content = content
        self.changes = changes
    }
}
