import Foundation

extension SiteURL {
    /// The learning space's pages, feeds and forms.
    enum Learning: Hashable {
        case home
        case newPost
        case post(String)
        case editPost(String)
        case deletePost(String)
        case revisions(String)
        case comments(String)
        case editComment(Int)
        case flagComment(Int)
        case moderateComment(Int)
        case moderation
        case category(String)
        case newCategory
        case careModel(String)
        case tag(String)
        case feed
        case categoryFeed(String)
        case careModelFeed(String)
        case vanguardFeed(Int)
        case subscriptions
        case unsubscribe(String)
        case cancelSubscription(UUID)
        case sendDigests

        var path: String {
            switch self {
            case .home: "/learning"
            case .newPost: "/learning/posts/new"
            case .post(let slug): "/learning/posts/\(slug.urlPathEncoded)"
            case .editPost(let slug): "/learning/posts/\(slug.urlPathEncoded)/edit"
            case .deletePost(let slug): "/learning/posts/\(slug.urlPathEncoded)/delete"
            case .revisions(let slug): "/learning/posts/\(slug.urlPathEncoded)/revisions"
            case .comments(let slug): "/learning/posts/\(slug.urlPathEncoded)/comments"
            case .editComment(let number): "/learning/comments/\(number)/edit"
            case .flagComment(let number): "/learning/comments/\(number)/flag"
            case .moderateComment(let number): "/learning/comments/\(number)/moderate"
            case .moderation: "/learning/moderation"
            case .category(let slug): "/learning/categories/\(slug.urlPathEncoded)"
            case .newCategory: "/learning/categories"
            case .careModel(let code): "/learning/care-models/\(code.urlPathEncoded)"
            case .tag(let tag): "/learning/tags/\(tag.urlPathEncoded)"
            case .feed: "/learning/feed.atom"
            case .categoryFeed(let slug): "/learning/categories/\(slug.urlPathEncoded)/feed.atom"
            case .careModelFeed(let code): "/learning/care-models/\(code.urlPathEncoded)/feed.atom"
            case .vanguardFeed(let number): "/vanguards/\(number)/posts.atom"
            case .subscriptions: "/account/subscriptions"
            case .unsubscribe(let token): "/learning/unsubscribe/\(token.urlPathEncoded)"
            case .cancelSubscription(let id): "/account/subscriptions/\(id.uuidString)/cancel"
            case .sendDigests: "/learning/digests/send"
            }
        }
    }
}
