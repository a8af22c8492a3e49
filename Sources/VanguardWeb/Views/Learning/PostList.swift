import Foundation
import Plot
import VanguardCore

/// Posts as a list of summaries, the same on every page that lists them.
enum PostList {
    static func list(_ posts: [Post], empty: String) -> Node<HTML.BodyContext> {
        posts.isEmpty
            ? .p(.class("vg-empty"), .text(empty))
            : .ul(
                .class("nhsuk-list vg-post-list"),
                .forEach(posts) { post in
                    .li(
                        .class("vg-post-summary"),
                        .span(.class("nhsuk-caption-m"), .text(post.content.kind.name)),
                        .h3(
                            .class("vg-post-summary__title"),
                            .a(.safeHref(SiteURL.learning(.post(post.slug)).path), .text(post.content.title))),
                        .if(!post.content.summary.isEmpty, .p(.text(post.content.summary))),
                        .p(.class("nhsuk-body-s vg-post-summary__meta"), .text(meta(post)))
                    )
                }
            )
    }

    static func meta(_ post: Post) -> String {
        var parts = ["By \(post.authorName)"]
        if let date = post.publishAt { parts.append(DateText.short(date)) }
        if let number = post.content.vanguardNumber { parts.append("Vanguard \(number)") }
        parts += post.content.careModels.map(\.abbreviation)
        return parts.joined(separator: " · ")
    }

    /// The nested categories as nested lists, each linking to its page.
    static func categoryTree(_ tree: CategoryTree, under parent: String? = nil) -> Node<HTML.BodyContext> {
        let children = tree.children(of: parent)
        return children.isEmpty
            ? .empty
            : .ul(
                .class(parent == nil ? "nhsuk-list vg-category-tree" : "nhsuk-list vg-category-tree__children"),
                .forEach(children) { category in
                    .li(
                        .a(.safeHref(SiteURL.learning(.category(category.slug)).path), .text(category.name)),
                        categoryTree(tree, under: category.slug))
                }
            )
    }

    static func feedLink(_ url: SiteURL, _ label: String) -> Node<HTML.BodyContext> {
        .p(
            .class("nhsuk-body-s vg-feed-link"),
            .a(.safeHref(url.path), .safeAttribute(named: "type", value: "application/atom+xml"), .text(label)))
    }
}
