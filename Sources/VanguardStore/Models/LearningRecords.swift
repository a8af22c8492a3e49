import FluentKit
import Foundation

/// A category in the nested list (see `PostCategory`).
public final class CategoryRecord: Model, @unchecked Sendable {
    public static let schema = "post_categories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "parent_slug") public var parentSlug: String?

    public init() {}
}

/// A post with its current revision; older revisions are in `PostRevisionRecord`.
public final class PostRecord: Model, @unchecked Sendable {
    public static let schema = "posts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "publish_at") public var publishAt: Date?
    @OptionalField(key: "vanguard_number") public var vanguardNumber: Int?
    @Field(key: "author_user_id") public var authorUserID: UUID
    @Field(key: "author_name") public var authorName: String
    @Field(key: "revision") public var revision: Int
    /// The current `PostContent` as JSON.
    @Field(key: "content") public var content: String
    /// Its Markdown rendered to safe HTML when saved (`RenderedMarkdown` as JSON).
    @OptionalField(key: "rendered") public var rendered: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// One saved revision of a post, never changed once written.
public final class PostRevisionRecord: Model, @unchecked Sendable {
    public static let schema = "post_revisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "post_id") public var postID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "content") public var content: String
    @Field(key: "saved_at") public var savedAt: Date
    @Field(key: "saved_by") public var savedBy: String

    public init() {}
}

/// A post's place in a category or under a tag, so category, care model and tag pages can query them.
public final class PostTopicRecord: Model, @unchecked Sendable {
    public static let schema = "post_topics"

    @ID(key: .id) public var id: UUID?
    @Field(key: "post_id") public var postID: UUID
    /// "category:<slug>", "care_model:<code>" or "tag:<work stream>".
    @Field(key: "topic") public var topic: String

    public init() {}
}

/// A comment (see `Comment`).
public final class CommentRecord: Model, @unchecked Sendable {
    public static let schema = "comments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "number") public var number: Int
    @Field(key: "post_id") public var postID: UUID
    @OptionalField(key: "parent_number") public var parentNumber: Int?
    @Field(key: "author_user_id") public var authorUserID: UUID
    @Field(key: "author_name") public var authorName: String
    @Field(key: "author_role") public var authorRole: String
    @OptionalField(key: "author_organisation") public var authorOrganisation: String?
    @Field(key: "body") public var body: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "status_reason") public var statusReason: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "edited_at") public var editedAt: Date?
    @Field(key: "flag_count") public var flagCount: Int

    public init() {}
}

/// One member's flag on a comment; a member flags a comment once.
public final class CommentFlagRecord: Model, @unchecked Sendable {
    public static let schema = "comment_flags"

    @ID(key: .id) public var id: UUID?
    @Field(key: "comment_id") public var commentID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A member's digest subscription. The unsubscribe token is kept as it is (not hashed): it only ever
/// unsubscribes this one digest, and every digest must carry it.
public final class SubscriptionRecord: Model, @unchecked Sendable {
    public static let schema = "subscriptions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "topic") public var topic: String
    @Field(key: "frequency") public var frequency: String
    @Field(key: "unsubscribe_token") public var unsubscribeToken: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_sent_at") public var lastSentAt: Date?

    public init() {}
}

/// A word or phrase that holds a comment for review.
public final class BlockedWordRecord: Model, @unchecked Sendable {
    public static let schema = "blocked_words"

    @ID(custom: "word", generatedBy: .user) public var id: String?

    public init() {}
}
