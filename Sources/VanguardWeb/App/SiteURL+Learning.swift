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
        case events, newEvent, eventsCalendar
        case event(UUID), editEvent(UUID), eventSignUp(UUID), eventCancel(UUID)
        case innovations
        case innovation(String), adoptions(String)
        case images, image(UUID)
        case blockedWords, unblockWord(String)

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
            case .events: "/learning/events"
            case .newEvent: "/learning/events/new"
            case .eventsCalendar: "/learning/events.ics"
            case .event(let id): "/learning/events/\(id.uuidString)"
            case .editEvent(let id): "/learning/events/\(id.uuidString)/edit"
            case .eventSignUp(let id): "/learning/events/\(id.uuidString)/sign-up"
            case .eventCancel(let id): "/learning/events/\(id.uuidString)/cancel"
            case .innovations: "/learning/innovations"
            case .innovation(let slug): "/learning/innovations/\(slug.urlPathEncoded)"
            case .adoptions(let slug): "/learning/innovations/\(slug.urlPathEncoded)/adoptions"
            case .images: "/learning/images"
            case .blockedWords: "/learning/blocked-words"
            case .unblockWord(let word): "/learning/blocked-words/\(word.urlPathEncoded)/remove"
            case .image(let id): "/learning/images/\(id.uuidString)"
            }
        }
    }
}
