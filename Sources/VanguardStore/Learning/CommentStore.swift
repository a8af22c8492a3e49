import FluentKit
import Foundation
import VanguardCore

/// Comments and their moderation. Numbers are given inside the writing transaction (the unique
/// index refuses a duplicate should two land at once), so a number is never reused.
public struct CommentStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    /// Who is commenting, as their profile shows them.
    public struct Author: Sendable {
        public let id: UUID
        public let name: String
        public let role: String
        public let organisation: String?
        public let isModerator: Bool
        public let actor: Actor

        public init(id: UUID, name: String, role: String, organisation: String?, isModerator: Bool, actor: Actor) {
            self.id = id
            self.name = name
            self.role = role
            self.organisation = organisation
            self.isModerator = isModerator
            self.actor = actor
        }
    }

    public func comments(on post: UUID) async throws -> [Comment] {
        try await CommentRecord.query(on: database).filter(\.$postID == post).sort(\.$number).all().compactMap(Self.comment)
    }

    public func comment(number: Int) async throws -> Comment? {
        try await CommentRecord.query(on: database).filter(\.$number == number).first().flatMap(Self.comment)
    }

    /// Posts a comment (or a reply, which attaches to the top of its thread: replies go one level deep).
    public func add(to postID: UUID, replyingTo parentNumber: Int?, body: String, by author: Author, at date: Date? = nil) async throws
        -> Comment
    {
        let date = date ?? now()
        if let problem = CommentModeration.problem(with: body) { throw problem }
        let id = UUID()
        try await database.guardedTransaction { database in
            guard let post = try await PostRecord.find(postID, on: database), post.status == PostStatus.published.rawValue,
                (post.publishAt ?? .distantPast) <= date
            else {
                throw ValidationError.invalid(
                    field: "post", reason: "This post has been deleted or is not published, so it takes no comments")
            }
            let recent = try await CommentRecord.query(on: database).filter(\.$authorUserID == author.id)
                .filter(\.$createdAt > date.addingTimeInterval(-CommentModeration.rateWindow)).count()
            if recent >= CommentModeration.maximumPerWindow {
                throw ValidationError.invalid(
                    field: "body",
                    reason:
                        "You have posted \(recent) comments in the last \(Int(CommentModeration.rateWindow / 60)) minutes: please wait a few minutes before posting again"
                )
            }
            var threadNumber: Int?
            if let parentNumber {
                guard
                    let parent = try await CommentRecord.query(on: database).filter(\.$number == parentNumber).filter(\.$postID == postID)
                        .first()
                else {
                    throw ValidationError.invalid(field: "parent", reason: "Comment #\(parentNumber) is not on this post")
                }
                threadNumber = parent.parentNumber ?? parent.number
            }
            let hasShown =
                try await CommentRecord.query(on: database).filter(\.$authorUserID == author.id)
                .filter(\.$status == CommentStatus.shown.rawValue).first() != nil
            let words = try await CommentStore(database: database, now: now).blockedWords()
            let (status, reason) = CommentModeration.initialStatus(
                body: body, blockedWords: words, authorHasShownComment: hasShown,
                authorIsModerator: author.isModerator)
            let last = try await CommentRecord.query(on: database).sort(\.$number, .descending).first()?.number ?? 0
            let record = CommentRecord()
            record.id = id
            record.number = last + 1
            record.postID = postID
            record.parentNumber = threadNumber
            record.authorUserID = author.id
            record.authorName = author.name
            record.authorRole = author.role
            record.authorOrganisation = author.organisation
            record.body = body
            record.status = status.rawValue
            record.statusReason = reason
            record.createdAt = date
            record.flagCount = 0
            try await record.create(on: database)
            try await AuditLog.record(
                author.actor, "comment", entity: "comment", id: String(record.number),
                after: ["post": postID.uuidString, "status": status.rawValue], at: now(), on: database)
        }
        return try await CommentRecord.find(id, on: database).flatMap(Self.comment)!
    }

    /// The author's correction within the edit window; a blocked word holds the comment again.
    public func edit(number: Int, body: String, by author: Author, at date: Date? = nil) async throws -> Comment {
        let date = date ?? now()
        if let problem = CommentModeration.problem(with: body) { throw problem }
        try await database.guardedTransaction { database in
            guard let record = try await CommentRecord.query(on: database).filter(\.$number == number).first(),
                let comment = Self.comment(record)
            else { throw ValidationError.invalid(field: "comment", reason: "There is no comment #\(number)") }
            guard comment.canBeEdited(by: author.id, at: date) else {
                throw ValidationError.invalid(
                    field: "body",
                    reason: "Comments can be edited by their author for \(Int(CommentModeration.editWindow / 60)) minutes after posting")
            }
            let before = record.body
            record.body = body
            record.editedAt = date
            if let word = CommentModeration.blockedWord(in: body, from: try await CommentStore(database: database, now: now).blockedWords())
            {
                record.status = CommentStatus.held.rawValue
                record.statusReason = "Contains a blocked word (\(word))"
            }
            try await record.save(on: database)
            try await AuditLog.record(
                author.actor, "edit", entity: "comment", id: String(number), before: ["body": before], after: ["body": body], at: now(),
                on: database)
        }
        return try await comment(number: number)!
    }

    /// A member's flag; the third distinct flag takes a shown comment down until a moderator looks.
    public func flag(number: Int, reason: String, by author: Author, at date: Date? = nil) async throws -> Comment {
        let date = date ?? now()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count > 500 { throw ValidationError.invalid(field: "reason", reason: "Keep the reason to 500 characters") }
        try await database.guardedTransaction { database in
            guard let record = try await CommentRecord.query(on: database).filter(\.$number == number).first(), let id = record.id else {
                throw ValidationError.invalid(field: "comment", reason: "There is no comment #\(number)")
            }
            if try await CommentFlagRecord.query(on: database).filter(\.$commentID == id).filter(\.$userID == author.id).first() != nil {
                throw ValidationError.invalid(field: "comment", reason: "You have already flagged comment #\(number)")
            }
            let flag = CommentFlagRecord()
            flag.commentID = id
            flag.userID = author.id
            flag.reason = reason.isEmpty ? "No reason given" : reason
            flag.createdAt = date
            try await flag.create(on: database)
            record.flagCount += 1
            if record.flagCount >= CommentModeration.flagsToHide, record.status == CommentStatus.shown.rawValue {
                record.status = CommentStatus.held.rawValue
                record.statusReason = "Flagged by \(record.flagCount) members"
            }
            try await record.save(on: database)
            try await AuditLog.record(
                author.actor, "flag", entity: "comment", id: String(number), after: ["flags": String(record.flagCount)], at: now(),
                on: database)
        }
        return try await comment(number: number)!
    }

    /// A moderator's decision; rejecting or hiding needs a reason, which the author sees.
    public func moderate(number: Int, decision: CommentModeration.Decision, reason: String, by actor: Actor) async throws -> Comment {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision != .approve, reason.isEmpty {
            throw ValidationError.invalid(field: "reason", reason: "Give a reason: the author will see it")
        }
        try await database.guardedTransaction { database in
            guard let record = try await CommentRecord.query(on: database).filter(\.$number == number).first(),
                let status = CommentStatus(rawValue: record.status)
            else { throw ValidationError.invalid(field: "comment", reason: "There is no comment #\(number)") }
            guard let next = decision.resultingStatus(from: status) else {
                throw ValidationError.invalid(
                    field: "decision", reason: "A comment that is \(status.name.lowercased()) cannot be given '\(decision.rawValue)'")
            }
            record.status = next.rawValue
            record.statusReason = reason.isEmpty ? nil : reason
            try await record.save(on: database)
            try await AuditLog.record(
                actor, decision.rawValue, entity: "comment", id: String(number), before: ["status": status.rawValue],
                after: ["status": next.rawValue, "reason": reason], at: now(), on: database)
        }
        return try await comment(number: number)!
    }

    /// The moderation queue: everything held, oldest first, with the post it is on.
    public func queue() async throws -> [(comment: Comment, post: Post?)] {
        let held = try await CommentRecord.query(on: database).filter(\.$status == CommentStatus.held.rawValue).sort(\.$number).all()
            .compactMap(Self.comment)
        var rows: [(Comment, Post?)] = []
        let store = LearningStore(database: database, now: now)
        for comment in held { rows.append((comment, try await store.post(id: comment.postID))) }
        return rows
    }

    // MARK: Blocked words

    public func blockedWords() async throws -> [String] {
        try await BlockedWordRecord.query(on: database).all().compactMap(\.id).sorted()
    }

    public func blockWord(_ word: String, by actor: Actor) async throws {
        let normalised = CommentModeration.normalised(word)
        if normalised.isEmpty { throw ValidationError.invalid(field: "word", reason: "Give a word or phrase (letters)") }
        if normalised.count > 60 { throw ValidationError.invalid(field: "word", reason: "Keep it to 60 characters") }
        try await database.guardedTransaction { database in
            guard try await BlockedWordRecord.find(normalised, on: database) == nil else { return }
            let record = BlockedWordRecord()
            record.id = normalised
            try await record.create(on: database)
            try await AuditLog.record(actor, "block_word", entity: "blocked_word", id: normalised, at: now(), on: database)
        }
    }

    public func unblockWord(_ word: String, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            try await BlockedWordRecord.query(on: database).filter(\.$id == word).delete()
            try await AuditLog.record(actor, "unblock_word", entity: "blocked_word", id: word, at: now(), on: database)
        }
    }

    static func comment(_ record: CommentRecord) -> Comment? {
        guard let id = record.id, let status = CommentStatus(rawValue: record.status) else { return nil }
        return Comment(
            id: id, number: record.number, postID: record.postID, parentNumber: record.parentNumber, authorID: record.authorUserID,
            authorName: record.authorName, authorRole: record.authorRole, authorOrganisation: record.authorOrganisation, body: record.body,
            status: status, statusReason: record.statusReason, createdAt: record.createdAt, editedAt: record.editedAt,
            flagCount: record.flagCount)
    }
}
