import FluentKit
import Foundation
import VanguardCore

/// Posts, their revisions and topics, and the nested categories. Every save keeps a revision and
/// updates the search index in the same transaction, so search never shows what a page would not.
public struct LearningStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    // MARK: Categories

    public func categories() async throws -> CategoryTree {
        CategoryTree(
            try await CategoryRecord.query(on: database).all().map { PostCategory(slug: $0.slug, name: $0.name, parentSlug: $0.parentSlug) }
        )
    }

    public func addCategory(name: String, parentSlug: String?, by actor: Actor) async throws -> PostCategory {
        let category = PostCategory(slug: Post.slug(from: name), name: name.trimmingCharacters(in: .whitespaces), parentSlug: parentSlug)
        try await database.guardedTransaction { database in
            if let problem = try await LearningStore(database: database, now: now).categories().problem(adding: category) { throw problem }
            let record = CategoryRecord()
            record.slug = category.slug
            record.name = category.name
            record.parentSlug = category.parentSlug
            try await record.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "post_category", id: category.slug, after: ["name": category.name, "parent": parentSlug ?? ""],
                at: now(), on: database)
        }
        return category
    }

    // MARK: Posts

    /// The checks every save makes, against the metric framework and the categories as they stand.
    public func problems(in content: PostContent) async throws -> [ValidationError] {
        let metrics = Set(try await MetricRecord.query(on: database).all().compactMap(\.id))
        let categories = Set(try await categories().categories.map(\.slug))
        let innovations = Set(try await InnovationRecord.query(on: database).all().compactMap(\.id))
        return content.problems(knownMetrics: metrics, knownCategories: categories, knownInnovations: innovations)
    }

    /// Writes a new post as revision 1. `publishAt` nil with `.published` publishes now.
    public func create(
        _ content: PostContent, status: PostStatus, publishAt: Date?, author: UUID, authorName: String, by actor: Actor,
        at date: Date? = nil
    ) async throws -> Post {
        let date = date ?? now()
        if let problem = try await problems(in: content).first { throw problem }
        let id = UUID()
        try await database.guardedTransaction { database in
            var slug = Post.slug(from: content.title)
            let base = slug
            var suffix = 2
            while try await PostRecord.query(on: database).filter(\.$slug == slug).first() != nil {
                slug = "\(base)-\(suffix)"
                suffix += 1
            }
            let record = PostRecord()
            record.id = id
            record.slug = slug
            record.authorUserID = author
            record.authorName = authorName
            record.createdAt = date
            record.revision = 0
            try await Self.write(content, status: status, publishAt: publishAt, to: record, by: actor, at: date, on: database)
            try await AuditLog.record(
                actor, "create", entity: "post", id: id.uuidString, after: ["title": content.title, "status": status.rawValue], at: now(),
                on: database)
        }
        return try await post(id: id)!
    }

    /// Saves an edit as the next revision; earlier revisions stay readable.
    public func revise(_ id: UUID, _ content: PostContent, status: PostStatus, publishAt: Date?, by actor: Actor, at date: Date? = nil)
        async throws -> Post
    {
        let date = date ?? now()
        if let problem = try await problems(in: content).first { throw problem }
        try await database.guardedTransaction { database in
            guard let record = try await PostRecord.find(id, on: database), record.status != PostStatus.deleted.rawValue else {
                throw ValidationError.invalid(field: "post", reason: "This post has been deleted")
            }
            let before = ["title": record.title, "status": record.status, "revision": String(record.revision)]
            try await Self.write(content, status: status, publishAt: publishAt, to: record, by: actor, at: date, on: database)
            try await AuditLog.record(
                actor, "revise", entity: "post", id: id.uuidString, before: before,
                after: ["title": content.title, "status": status.rawValue, "revision": String(record.revision)], at: now(), on: database)
        }
        return try await post(id: id)!
    }

    /// Withdraws a post: it leaves every list, feed and search, and takes no more comments.
    public func delete(_ id: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await PostRecord.find(id, on: database) else { return }
            let before = record.status
            record.status = PostStatus.deleted.rawValue
            try await record.save(on: database)
            try await SearchIndex(database: database).remove(.post, key: id.uuidString)
            try await AuditLog.record(
                actor, "delete", entity: "post", id: id.uuidString, before: ["status": before], after: ["status": "deleted"], at: now(),
                on: database)
        }
    }

    static func write(
        _ content: PostContent, status: PostStatus, publishAt: Date?, to record: PostRecord, by actor: Actor, at date: Date,
        on database: any Database
    ) async throws {
        let encoded = try SelectionStore.json(content)
        record.revision += 1
        record.kind = content.kind.rawValue
        record.title = content.title.trimmingCharacters(in: .whitespacesAndNewlines)
        record.status = status.rawValue
        // Publishing without a time publishes now; the first publication time is kept through later edits.
        record.publishAt = status == .published ? (publishAt ?? record.publishAt ?? date) : publishAt
        record.vanguardNumber = content.vanguardNumber
        record.content = encoded
        record.rendered = String(decoding: try JSONEncoder().encode(content.rendered), as: UTF8.self)
        record.updatedAt = date
        try await record.save(on: database)
        let id = try record.requireID()

        let revision = PostRevisionRecord()
        revision.postID = id
        revision.number = record.revision
        revision.content = encoded
        revision.savedAt = date
        revision.savedBy = actor.label
        try await revision.create(on: database)

        try await PostTopicRecord.query(on: database).filter(\.$postID == id).delete()
        let topics =
            content.categorySlugs.map { "category:\($0)" } + content.careModels.map { "care_model:\($0.rawValue)" }
            + content.workStreams.map { "tag:\($0.lowercased())" } + (content.innovation.map { ["innovation:\($0)"] } ?? [])
        for topic in Set(topics) {
            let record = PostTopicRecord()
            record.postID = id
            record.topic = topic
            try await record.create(on: database)
        }

        let index = SearchIndex(database: database)
        if status == .published {
            try await index.put(
                .post, key: id.uuidString, title: record.title, body: content.plainText, visibleFrom: record.publishAt ?? date)
        } else {
            try await index.remove(.post, key: id.uuidString)
        }
    }

    public func post(id: UUID) async throws -> Post? {
        try await PostRecord.find(id, on: database).flatMap(Self.post)
    }

    public func post(slug: String) async throws -> Post? {
        try await PostRecord.query(on: database).filter(\.$slug == slug).first().flatMap(Self.post)
    }

    public func revisions(of id: UUID) async throws -> [PostRevision] {
        let records = try await PostRevisionRecord.query(on: database).filter(\.$postID == id).sort(\.$number).all()
        var revisions: [PostRevision] = []
        for record in records {
            let content = try SelectionStore.decode(PostContent.self, record.content)
            revisions.append(
                PostRevision(
                    number: record.number, savedAt: record.savedAt, savedBy: record.savedBy, content: content,
                    changes: revisions.last.map { content.changes(from: $0.content) } ?? []))
        }
        return revisions
    }

    /// What a post list shows: published and visible now, newest first, narrowed as asked.
    public struct Filter: Sendable {
        public var topics: [String]?
        public var vanguard: Int?
        public var kind: PostKind?
        public var since: Date?

        public init(topics: [String]? = nil, vanguard: Int? = nil, kind: PostKind? = nil, since: Date? = nil) {
            self.topics = topics
            self.vanguard = vanguard
            self.kind = kind
            self.since = since
        }

        public static func category(_ slug: String, in tree: CategoryTree) -> Filter {
            Filter(topics: tree.descendants(of: slug).sorted().map { "category:\($0)" })
        }
    }

    public func published(_ filter: Filter = Filter(), at date: Date? = nil, limit: Int = 200) async throws -> [Post] {
        let date = date ?? now()
        let query = PostRecord.query(on: database)
            .filter(\.$status == PostStatus.published.rawValue)
            .filter(\.$publishAt <= date)
        if let vanguard = filter.vanguard { query.filter(\.$vanguardNumber == vanguard) }
        if let kind = filter.kind { query.filter(\.$kind == kind.rawValue) }
        if let since = filter.since { query.filter(\.$publishAt > since) }
        if let topics = filter.topics {
            let ids = try await PostTopicRecord.query(on: database).filter(\.$topic ~~ topics).all().map(\.postID)
            query.filter(\.$id ~~ Array(Set(ids)))
        }
        return try await query.sort(\.$publishAt, .descending).limit(limit).all().compactMap(Self.post)
    }

    /// Drafts and scheduled posts, the author's own (or everyone's, for the programme team).
    public func unpublished(author: UUID?, at date: Date? = nil) async throws -> [Post] {
        let date = date ?? now()
        let query = PostRecord.query(on: database).filter(\.$status != PostStatus.deleted.rawValue)
        if let author { query.filter(\.$authorUserID == author) }
        return try await query.sort(\.$updatedAt, .descending).all().compactMap(Self.post).filter { !$0.isVisible(at: date) }
    }

    /// Every work stream tag in use, for the tag list.
    public func workStreamTags() async throws -> [String] {
        Set(
            try await PostTopicRecord.query(on: database).filter(\.$topic, .custom("LIKE"), "tag:%").all().map {
                String($0.topic.dropFirst(4))
            }
        ).sorted()
    }

    static func post(_ record: PostRecord) -> Post? {
        guard let id = record.id, let status = PostStatus(rawValue: record.status),
            let content = try? SelectionStore.decode(PostContent.self, record.content)
        else { return nil }
        let html = record.rendered.flatMap { try? JSONDecoder().decode(RenderedMarkdown.self, from: Data($0.utf8)) } ?? RenderedMarkdown()
        return Post(
            id: id, slug: record.slug, status: status, publishAt: record.publishAt, authorID: record.authorUserID,
            authorName: record.authorName,
            createdAt: record.createdAt, updatedAt: record.updatedAt, revision: record.revision, content: content, html: html)
    }
}
