import Foundation
import Plot
import VanguardCore

extension PostPage {
    /// Comments as threads one level deep, signed with number, name, role and organisation.
    static func comments(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let visible = model.comments.filter { isVisible($0, model: model, context: context) }
        let threads = visible.filter { $0.parentNumber == nil }
        return .section(
            .class("vg-comments"), .id("comments"),
            .h2(.text("Comments (\(visible.filter { $0.status == .shown }.count))")),
            .if(threads.isEmpty, .p(.text("No comments yet."))),
            .ol(
                .class("nhsuk-list vg-comment-list"),
                .forEach(threads) { thread in
                    .li(
                        comment(thread, model: model, context: context),
                        .ol(
                            .class("nhsuk-list vg-comment-replies"),
                            .forEach(visible.filter { $0.parentNumber == thread.number }) { reply in
                                .li(comment(reply, model: model, context: context))
                            }),
                        .if(
                            context.allows(.comment) && model.post.isVisible(at: model.now),
                            replyForm(thread, model: model, context: context))
                    )
                }),
            newCommentForm(model, context: context)
        )
    }

    /// Shown comments to everyone; held or rejected ones to their author and moderators; hidden ones as a note.
    static func isVisible(_ comment: Comment, model: Model, context: PageContext) -> Bool {
        switch comment.status {
        case .shown, .hidden: true
        case .held, .rejected: comment.authorID == model.viewer || context.allows(.moderateLearning)
        }
    }

    static func comment(_ comment: Comment, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let isAuthor = comment.authorID == model.viewer
        let signature = [comment.authorName, comment.authorRole, comment.authorOrganisation].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ", ")
        return .div(
            .class("vg-comment vg-comment--\(comment.status.rawValue)"), .id("comment-\(comment.number)"),
            .p(
                .class("vg-comment__meta"),
                .a(.class("vg-comment__number"), .safeHref("#comment-\(comment.number)"), .text("#\(comment.number)")),
                .text(" "), .strong(.text(signature)), .text(" · "), .text(DateText.short(comment.createdAt)),
                .unwrap(comment.editedAt) { .text(" · edited \(DateText.short($0))") }),
            comment.status == .hidden && !context.allows(.moderateLearning)
                ? .p(
                    .class("vg-comment__removed"),
                    .text("This comment was hidden by a moderator\(comment.statusReason.map { ": \($0)" } ?? ".")"))
                : .group(
                    .if(
                        comment.status != .shown,
                        .p(
                            .class("vg-comment__status"), .strong(.text(comment.status.name)),
                            .text(comment.statusReason.map { ": \($0)" } ?? ""),
                            .text(
                                isAuthor && comment.status == .held ? ". Only you and the moderators can see it until it is approved." : "")
                        )),
                    .div(
                        .class("vg-comment__body"),
                        .forEach(comment.body.split(whereSeparator: \.isNewline).map(String.init)) { .p(.text($0)) })
                ),
            .if(comment.canBeEdited(by: model.viewer ?? UUID(), at: model.now), editForm(comment, context: context)),
            .if(context.allows(.comment) && !isAuthor && comment.status == .shown, flagForm(comment, context: context)),
            .if(context.allows(.moderateLearning) && comment.status != .rejected, CommentQueuePage.decisionForms(comment, context: context))
        )
    }

    static func newCommentForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        guard model.post.isVisible(at: model.now) else { return .p(.text("Comments open when the post is published.")) }
        guard context.allows(.comment) else {
            return .p(
                .a(
                    .safeHref(SiteURL.signIn.path(query: ["next": SiteURL.learning(.post(model.post.slug)).path])),
                    .text("Sign in to comment")))
        }
        let field = FormField(
            name: "body", label: "Add a comment", kind: .textarea, value: model.commentText,
            hint:
                "Plain text. Your name, role and organisation appear with it. A new member's first comment is checked by the programme team before it is shown.",
            error: model.commentError)
        return .group(
            .h3(.text("Add a comment")),
            Forms.form(action: .learning(.comments(model.post.slug)), csrf: context.csrfToken, fields: [field], submit: "Post comment")
        )
    }

    static func replyForm(_ thread: Comment, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        Components.disclosure(
            "Reply to #\(thread.number)",
            Forms.form(
                action: .learning(.comments(model.post.slug)), csrf: context.csrfToken,
                fields: [FormField(name: "body", label: "Your reply", kind: .textarea, id: "reply-\(thread.number)")], submit: "Post reply",
                hidden: [("parent", String(thread.number))]
            ))
    }

    static func editForm(_ comment: Comment, context: PageContext) -> Node<HTML.BodyContext> {
        Components.disclosure(
            "Edit #\(comment.number)",
            Forms.form(
                action: .learning(.editComment(comment.number)), csrf: context.csrfToken,
                fields: [
                    FormField(
                        name: "body", label: "Your comment", kind: .textarea, value: comment.body,
                        hint:
                            "You can edit for \(Int(CommentModeration.editWindow / 60)) minutes after posting; the comment shows that it was edited.",
                        id: "edit-\(comment.number)")
                ],
                submit: "Save edit"
            ))
    }

    static func flagForm(_ comment: Comment, context: PageContext) -> Node<HTML.BodyContext> {
        Components.disclosure(
            "Flag #\(comment.number)",
            Forms.form(
                action: .learning(.flagComment(comment.number)), csrf: context.csrfToken,
                fields: [
                    FormField(
                        name: "reason", label: "What is wrong with it?", kind: .textarea,
                        hint: "\(CommentModeration.flagsToHide) members' flags take a comment down until a moderator has looked at it.",
                        id: "flag-\(comment.number)")
                ],
                submit: "Flag comment"
            ))
    }
}
