import FluentKit
import Foundation
import VanguardCore

/// The learning space: categories, posts and their revisions, topics, comments and flags, digest subscriptions.
struct Migration0013CreateLearning: AsyncMigration {
    var name: String { "0013_create_learning" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CategoryRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("parent_slug", .string)
            .unique(on: "slug")
            .create()
        try await database.schema(PostRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("publish_at", .datetime)
            .field("vanguard_number", .int)
            .field("author_user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("author_name", .string, .required)
            .field("revision", .int, .required)
            .field("content", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "slug")
            .create()
        try await database.schema(PostRevisionRecord.schema)
            .id()
            .field("post_id", .uuid, .required, .references(PostRecord.schema, "id"))
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("saved_at", .datetime, .required)
            .field("saved_by", .string, .required)
            .unique(on: "post_id", "number")
            .create()
        try await database.schema(PostTopicRecord.schema)
            .id()
            .field("post_id", .uuid, .required, .references(PostRecord.schema, "id"))
            .field("topic", .string, .required)
            .unique(on: "post_id", "topic")
            .create()
        try await database.schema(CommentRecord.schema)
            .id()
            .field("number", .int, .required)
            .field("post_id", .uuid, .required, .references(PostRecord.schema, "id"))
            .field("parent_number", .int)
            .field("author_user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("author_name", .string, .required)
            .field("author_role", .string, .required)
            .field("author_organisation", .string)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("status_reason", .string)
            .field("created_at", .datetime, .required)
            .field("edited_at", .datetime)
            .field("flag_count", .int, .required)
            .unique(on: "number")
            .create()
        try await database.schema(CommentFlagRecord.schema)
            .id()
            .field("comment_id", .uuid, .required, .references(CommentRecord.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "comment_id", "user_id")
            .create()
        try await database.schema(SubscriptionRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("topic", .string, .required)
            .field("frequency", .string, .required)
            .field("unsubscribe_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_sent_at", .datetime)
            .unique(on: "user_id", "topic")
            .unique(on: "unsubscribe_token")
            .create()
        for category in PostCategory.starting {
            let record = CategoryRecord()
            record.slug = category.slug
            record.name = category.name
            record.parentSlug = category.parentSlug
            try await record.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            SubscriptionRecord.schema, CommentFlagRecord.schema, CommentRecord.schema, PostTopicRecord.schema,
            PostRevisionRecord.schema, PostRecord.schema, CategoryRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
