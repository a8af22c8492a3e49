import Foundation

/// Where a comment stands in moderation.
public enum CommentStatus: String, Codable, Sendable {
    /// Waiting for the programme team (a new member's first comment, a blocked word, or three flags).
    case held
    case shown
    case rejected
    /// Taken down by a moderator after it was shown.
    case hidden

    public var name: String {
        switch self {
        case .held: "Held for review"
        case .shown: "Shown"
        case .rejected: "Rejected"
        case .hidden: "Hidden"
        }
    }
}

/// A comment on a post, signed as 2015's were: number, name, role and organisation.
public struct Comment: Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Site-wide and never reused, so "#1042" always means the same comment.
    public let number: Int
    public let postID: UUID
    /// The number of the comment this replies to; replies go one level deep.
    public let parentNumber: Int?
    public let authorID: UUID
    public let authorName: String
    public let authorRole: String
    public let authorOrganisation: String?
    public let body: String
    public let status: CommentStatus
    public let statusReason: String?
    public let createdAt: Date
    public let editedAt: Date?
    public let flagCount: Int

    public init(
        id: UUID, number: Int, postID: UUID, parentNumber: Int?, authorID: UUID, authorName: String, authorRole: String,
        authorOrganisation: String?, body: String, status: CommentStatus, statusReason: String?, createdAt: Date,
        editedAt: Date?, flagCount: Int
    ) {
        self.id = id
        self.number = number
        self.postID = postID
        self.parentNumber = parentNumber
        self.authorID = authorID
        self.authorName = authorName
        self.authorRole = authorRole
        self.authorOrganisation = authorOrganisation
        self.body = body
        self.status = status
        self.statusReason = statusReason
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.flagCount = flagCount
    }

    /// Authors may correct a comment for a short while; after that it stands as written.
    public func canBeEdited(by account: UUID, at date: Date) -> Bool {
        account == authorID && date.timeIntervalSince(createdAt) <= CommentModeration.editWindow && status != .rejected && status != .hidden
    }
}
