import Foundation
import Plot
import VanguardCore

/// The programme team's one queue: every held comment, with approve, reject (with a reason) or hide.
enum CommentQueuePage {
    static func document(
        _ queue: [(comment: Comment, post: Post?)], blockedWords: [String], notice: String?, error: String?, context: PageContext
    ) -> HTML {
        Layout.document(
            title: "Comment moderation", context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .group(
                .h1(.text("Comment moderation")),
                .p(
                    .text(
                        "Held here: a new member's first comments, comments with a blocked word, and shown comments that \(CommentModeration.flagsToHide) members have flagged."
                    )),
                .unwrap(notice) { .div(.class("nhsuk-inset-text"), .p(.text($0))) },
                .unwrap(error) { Components.warning("Not done", $0) },
                .p(
                    .class("nhsuk-body-s"),
                    .text(
                        "Digests go out on their schedule (the vanguard digests command). To send every member's digest now, each with what is new since their last:"
                    )),
                Forms.postButton(.learning(.sendDigests), csrf: context.csrfToken, label: "Send every digest now"),
                queue.isEmpty
                    ? .p(.class("vg-empty"), .text("Nothing is waiting."))
                    : .ol(
                        .class("nhsuk-list vg-moderation-queue"),
                        .forEach(queue) { row in
                            .li(
                                .class("vg-comment"), .id("comment-\(row.comment.number)"),
                                .p(
                                    .class("vg-comment__meta"), .strong(.text("#\(row.comment.number)")),
                                    .text(" by \(row.comment.authorName) (\(row.comment.authorRole)) on "),
                                    .unwrap(
                                        row.post,
                                        { post in
                                            .a(
                                                .safeHref(SiteURL.learning(.post(post.slug)).path + "#comment-\(row.comment.number)"),
                                                .text(post.content.title))
                                        },
                                        else: .text("a post")),
                                    .text(" · \(DateText.short(row.comment.createdAt))")),
                                .p(.class("vg-comment__status"), .text("Held: \(row.comment.statusReason ?? "no reason recorded")")),
                                .div(
                                    .class("vg-comment__body"),
                                    .forEach(row.comment.body.split(whereSeparator: \.isNewline).map(String.init)) { .p(.text($0)) }),
                                decisionForms(row.comment, context: context)
                            )
                        }
                    ),
                blockedWordList(blockedWords, context: context)
            )
        )
    }

    /// The words that hold a comment, with the programme team's controls.
    static func blockedWordList(_ words: [String], context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .id("blocked-words"),
            .h2(.text("Blocked words")),
            .p(.text("A comment containing any of these (as a whole word or phrase, in any case) is held here, whoever wrote it.")),
            .ul(
                .class("nhsuk-list vg-blocked-words"),
                .forEach(words) { word in
                    .li(
                        .text(word), .text(" "),
                        Forms.postButton(.learning(.unblockWord(word)), csrf: context.csrfToken, label: "Remove ‘\(word)’"))
                }),
            Forms.form(
                action: .learning(.blockedWords), csrf: context.csrfToken, fields: [FormField(name: "word", label: "Add a word or phrase")],
                submit: "Block")
        )
    }

    /// The decisions open for a comment in its state; reject and hide ask for the reason the author will see.
    static func decisionForms(_ comment: Comment, context: PageContext) -> Node<HTML.BodyContext> {
        let decisions = CommentModeration.Decision.allCases.filter { $0.resultingStatus(from: comment.status) != nil }
        return .div(
            .class("vg-moderation-actions"),
            .forEach(decisions) { decision in
                .form(
                    .class("vg-inline-form"), .action(SiteURL.learning(.moderateComment(comment.number)).path), .method(.post),
                    Forms.csrfField(context.csrfToken),
                    .input(.type(.hidden), .name("decision"), .safeValue(decision.rawValue)),
                    .if(
                        decision != .approve,
                        .group(
                            .label(.class("nhsuk-label"), .for("reason-\(decision.rawValue)-\(comment.number)"), .text("Reason")),
                            .input(
                                .class("nhsuk-input vg-reason"), .id("reason-\(decision.rawValue)-\(comment.number)"), .name("reason"),
                                .type(.text))
                        )),
                    .button(
                        .class(
                            decision == .approve ? "nhsuk-button vg-small-button" : "nhsuk-button nhsuk-button--secondary vg-small-button"),
                        .type(.submit), .text("\(decision.rawValue.capitalized) #\(comment.number)"))
                )
            })
    }
}

/// Every revision of a post, with what changed in each.
enum RevisionsPage {
    static func document(_ post: Post, revisions: [PostRevision], context: PageContext) -> HTML {
        Layout.document(
            title: "Revisions of \(post.content.title)", context: context,
            breadcrumbs: [("Home", .home), ("Learning", .learning(.home)), (post.content.title, .learning(.post(post.slug)))],
            body: .group(
                .h1(.text("Revisions")),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(.th(.text("Revision")), .th(.text("Saved")), .th(.text("By")), .th(.text("Changed")), .th(.text("Title then")))),
                    .tbody(
                        .forEach(revisions.reversed()) { revision in
                            .tr(
                                .td(.text(String(revision.number))), .td(.text(DateText.short(revision.savedAt))),
                                .td(.text(revision.savedBy)),
                                .td(
                                    .text(
                                        revision.number == 1
                                            ? "First version"
                                            : revision.changes.isEmpty ? "Status only" : revision.changes.joined(separator: ", "))),
                                .td(.text(revision.content.title)))
                        })
                )
            )
        )
    }
}
