import Foundation
import Plot
import VanguardCore

/// The learning space's front page: the newest posts, the categories, care models and tags to
/// browse by, the feeds and digests to follow it with, and an author's own drafts.
enum LearningPage {
    struct Model {
        let posts: [Post]
        let kind: PostKind?
        let categories: CategoryTree
        let tags: [String]
        let unpublished: [Post]
        let now: Date
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Learning and spread", context: context, breadcrumbs: [("Home", .home)],
            feeds: [("All posts and case studies", .learning(.feed))],
            body: .div(
                .class("nhsuk-grid-row"),
                .div(
                    .class("nhsuk-grid-column-two-thirds"),
                    .h1(.text("Learning and spread")),
                    .p(
                        .class("nhsuk-lede-text"),
                        .text(
                            "Blogs, news, case studies and evaluation reports from the vanguards, each case study beside the live evidence for what it claims."
                        )),
                    .if(
                        context.allows(.writePosts),
                        .p(.a(.class("nhsuk-button"), .safeHref(SiteURL.learning(.newPost).path), .text("Write a post")))),
                    kindFilter(model.kind),
                    .h2(.text(model.kind.map { "Latest: \($0.name.lowercased())" } ?? "Latest")),
                    PostList.list(model.posts, empty: "Nothing has been published yet."),
                    .if(
                        !model.unpublished.isEmpty,
                        .group(
                            .h2(.text(context.isProgrammeTeam ? "Drafts and scheduled posts" : "Your drafts and scheduled posts")),
                            .ul(
                                .class("nhsuk-list"),
                                .forEach(model.unpublished) { post in
                                    .li(
                                        .a(.safeHref(SiteURL.learning(.post(post.slug)).path), .text(post.content.title)),
                                        .text(
                                            post.isScheduled(at: model.now)
                                                ? " — scheduled for \(DateText.short(post.publishAt!))" : " — draft"))
                                })
                        ))
                ),
                .div(
                    .class("nhsuk-grid-column-one-third"),
                    .h2(.class("nhsuk-heading-s"), .text("Spread")),
                    .ul(
                        .class("nhsuk-list"),
                        .li(.a(.safeHref(SiteURL.learning(.innovations).path), .text("Innovations and who adopted them"))),
                        .li(.a(.safeHref(SiteURL.learning(.events).path), .text("Courses, webinars and open days")))),
                    .h2(.class("nhsuk-heading-s"), .text("Follow")),
                    PostList.feedLink(.learning(.feed), "Atom feed of every post"),
                    context.signedInAs == nil
                        ? .p(
                            .class("nhsuk-body-s"), .a(.safeHref(SiteURL.signIn.path), .text("Sign in")),
                            .text(" to get e-mail digests, daily or weekly"))
                        : .p(
                            .class("nhsuk-body-s"),
                            .a(.safeHref(SiteURL.learning(.subscriptions).path), .text("E-mail digests, daily or weekly"))),
                    .if(
                        context.allows(.moderateLearning),
                        .p(.class("nhsuk-body-s"), .a(.safeHref(SiteURL.learning(.moderation).path), .text("Comment moderation queue")))),
                    .h2(.class("nhsuk-heading-s"), .text("Categories")),
                    PostList.categoryTree(model.categories),
                    .h2(.class("nhsuk-heading-s"), .text("Care models")),
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(CareModel.allCases) { model in
                            .li(.a(.safeHref(SiteURL.learning(.careModel(model.rawValue)).path), .text(model.name)))
                        }),
                    .if(
                        !model.tags.isEmpty,
                        .group(
                            .h2(.class("nhsuk-heading-s"), .text("Work streams")),
                            .ul(
                                .class("nhsuk-list vg-tag-list"),
                                .forEach(model.tags) { tag in
                                    .li(.a(.safeHref(SiteURL.learning(.tag(tag)).path), .text(tag)))
                                })
                        )),
                    .if(context.allows(.moderateLearning), newCategoryForm(model.categories, context: context))
                )
            )
        )
    }

    static func kindFilter(_ selected: PostKind?) -> Node<HTML.BodyContext> {
        .form(
            .class("vg-inline-form"), .action(SiteURL.learning(.home).path), .method(.get),
            .label(.class("nhsuk-label"), .for("kind"), .text("Show")),
            .select(
                .class("nhsuk-select"), .id("kind"), .safeAttribute(named: "name", value: "kind"),
                .choice("", selected: selected == nil, label: "Every kind"),
                .forEach(PostKind.allCases) { kind in .choice(kind.rawValue, selected: kind == selected, label: kind.name) }),
            .button(.class("nhsuk-button nhsuk-button--secondary vg-small-button"), .type(.submit), .text("Show"))
        )
    }

    static func newCategoryForm(_ tree: CategoryTree, context: PageContext) -> Node<HTML.BodyContext> {
        Components.disclosure(
            "Add a category",
            Forms.form(
                action: .learning(.newCategory), csrf: context.csrfToken,
                fields: [
                    FormField(name: "name", label: "Name"),
                    FormField(
                        name: "parent", label: "Inside",
                        kind: .select([("", "At the top")] + tree.categories.map { ($0.slug, tree.label($0.slug)) }.sorted { $0.1 < $1.1 })),
                ],
                submit: "Add category"
            ))
    }
}

/// The posts under one category (with those nested in it), care model or work stream tag.
enum TopicPage {
    struct Model {
        let title: String
        let caption: String
        let trail: [(String, SiteURL)]
        let posts: [Post]
        let feed: SiteURL?
        let children: [PostCategory]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: model.title, context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))] + model.trail,
            feeds: model.feed.map { [("Posts in \(model.title)", $0)] } ?? [],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text(model.caption)),
                .h1(.text(model.title)),
                .if(
                    !model.children.isEmpty,
                    .p(
                        .text("Includes "),
                        .forEach(model.children.enumerated()) { index, child in
                            .group(
                                .if(index > 0, .text(", ")), .a(.safeHref(SiteURL.learning(.category(child.slug)).path), .text(child.name)))
                        })),
                .unwrap(model.feed) { PostList.feedLink($0, "Atom feed of these posts") },
                PostList.list(model.posts, empty: "Nothing has been published here yet.")
            )
        )
    }
}
