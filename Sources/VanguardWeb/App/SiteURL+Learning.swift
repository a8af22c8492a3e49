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
        case unsubscribeOneClick(String)
        case cancelSubscription(UUID)
        case sendDigests
        case events, newEvent, eventsCalendar
        case event(UUID), editEvent(UUID), eventSignUp(UUID), eventCancel(UUID)
        case innovations
        case innovation(String), adoptions(String)
        case images, image(UUID)
        case blockedWords, unblockWord(String)

        var segments: [PathSegment] {
            switch self {
            case .home: ["learning"]
            case .newPost: ["learning", "posts", "new"]
            case .post(let slug): ["learning", "posts", .parameter("slug", slug)]
            case .editPost(let slug): ["learning", "posts", .parameter("slug", slug), "edit"]
            case .deletePost(let slug): ["learning", "posts", .parameter("slug", slug), "delete"]
            case .revisions(let slug): ["learning", "posts", .parameter("slug", slug), "revisions"]
            case .comments(let slug): ["learning", "posts", .parameter("slug", slug), "comments"]
            case .editComment(let number): ["learning", "comments", .parameter("number", number), "edit"]
            case .flagComment(let number): ["learning", "comments", .parameter("number", number), "flag"]
            case .moderateComment(let number): ["learning", "comments", .parameter("number", number), "moderate"]
            case .moderation: ["learning", "moderation"]
            case .category(let slug): ["learning", "categories", .parameter("slug", slug)]
            case .newCategory: ["learning", "categories"]
            case .careModel(let code): ["learning", "care-models", .parameter("code", code)]
            case .tag(let tag): ["learning", "tags", .parameter("tag", tag)]
            case .feed: ["learning", "feed.atom"]
            case .categoryFeed(let slug): ["learning", "categories", .parameter("slug", slug), "feed.atom"]
            case .careModelFeed(let code): ["learning", "care-models", .parameter("code", code), "feed.atom"]
            case .vanguardFeed(let number): ["vanguards", .parameter("number", number), "posts.atom"]
            case .subscriptions: ["account", "subscriptions"]
            case .unsubscribe(let token): ["learning", "unsubscribe", .parameter("token", token)]
            case .unsubscribeOneClick(let token): ["learning", "unsubscribe", .parameter("token", token), "one-click"]
            case .cancelSubscription(let id): ["account", "subscriptions", .parameter("id", id), "cancel"]
            case .sendDigests: ["learning", "digests", "send"]
            case .events: ["learning", "events"]
            case .newEvent: ["learning", "events", "new"]
            case .eventsCalendar: ["learning", "events.ics"]
            case .event(let id): ["learning", "events", .parameter("event", id)]
            case .editEvent(let id): ["learning", "events", .parameter("event", id), "edit"]
            case .eventSignUp(let id): ["learning", "events", .parameter("event", id), "sign-up"]
            case .eventCancel(let id): ["learning", "events", .parameter("event", id), "cancel"]
            case .innovations: ["learning", "innovations"]
            case .innovation(let slug): ["learning", "innovations", .parameter("slug", slug)]
            case .adoptions(let slug): ["learning", "innovations", .parameter("slug", slug), "adoptions"]
            case .images: ["learning", "images"]
            case .blockedWords: ["learning", "blocked-words"]
            case .unblockWord(let word): ["learning", "blocked-words", .parameter("word", word), "remove"]
            case .image(let id): ["learning", "images", .parameter("image", id)]
            }
        }
    }
}
