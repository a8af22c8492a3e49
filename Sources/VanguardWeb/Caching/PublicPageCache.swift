import Crypto
import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import VanguardStore
import Vapor

/// Public pages as anonymous visitors see them, rendered once per content version and minute.
///
/// A page is kept with the content version (`ContentVersion`) it was made from and the minute it
/// was made in; a request whose version or minute differs renders it again. The minute bounds what
/// depends on the time alone (a call's deadline passing) to under a minute late. While one request
/// renders a page, others asking for the same one wait for it instead of rendering it too, so a
/// change under load costs one rendering, not one per connection. Oldest first out past `byteLimit`.
final class PublicPageCache: Sendable {
    struct Page: Sendable {
        let body: ByteBuffer
        /// Every header of the answer but those written afresh for each (length, date, connection).
        let headers: HTTPHeaders
        let entityTag: String
        /// The route's pattern, for the request counts (`RequestMonitoringMiddleware`).
        let route: String
    }

    struct Stamp: Hashable, Sendable {
        let version: Int64
        let minute: Int64
    }

    private struct Key: Hashable {
        let uri: String
        let stamp: Stamp
    }

    private struct State {
        var pages: [String: (stamp: Stamp, page: Page)] = [:]
        var order = CircularBuffer<String>()
        var bytes = 0
        /// Pages being made, with the requests waiting for each.
        var rendering: [Key: [EventLoopPromise<Page?>]] = [:]
    }

    /// What a request should do for its page.
    enum Claim {
        /// Answer with this page.
        case kept(Page)
        /// Make the page, then `finish` with it (or with nil if it must not be kept).
        case render
        /// Another request made the page and it could not be kept: make one for this request alone.
        case renderUnkept
    }

    let byteLimit: Int
    /// The content version, read once for every request waiting on an event loop.
    let versions = ContentVersionReader()
    private let state = NIOLockedValueBox(State())

    /// Where the content version is read: the default database unless one is kept for it.
    let versionDatabase: DatabaseID?

    init(byteLimit: Int = 256 << 20, versionDatabase: DatabaseID? = nil) {
        self.byteLimit = byteLimit
        self.versionDatabase = versionDatabase
    }

    /// The kept page for `uri` at `stamp`; or, if another request is making it, that page once made;
    /// or the duty to make it.
    func claim(_ uri: String, at stamp: Stamp, on eventLoop: any EventLoop) -> EventLoopFuture<Claim> {
        let key = Key(uri: uri, stamp: stamp)
        return state.withLockedValue { state in
            if let entry = state.pages[uri], entry.stamp == stamp { return eventLoop.makeSucceededFuture(.kept(entry.page)) }
            if state.rendering[key] != nil {
                let made = eventLoop.makePromise(of: Page?.self)
                state.rendering[key]?.append(made)
                return made.futureResult.map { page in page.map(Claim.kept) ?? .renderUnkept }
            }
            state.rendering[key] = []
            return eventLoop.makeSucceededFuture(.render)
        }
    }

    /// The page `claim` asked this request to make, or nil if it must not be kept; wakes the waiters.
    func finish(_ uri: String, at stamp: Stamp, with page: Page?) {
        let waiters = state.withLockedValue { state -> [EventLoopPromise<Page?>] in
            if let page { keep(page, for: uri, at: stamp, in: &state) }
            return state.rendering.removeValue(forKey: Key(uri: uri, stamp: stamp)) ?? []
        }
        for waiter in waiters { waiter.succeed(page) }
    }

    var count: Int { state.withLockedValue { $0.pages.count } }

    /// When the kept page for `uri` was made, if one is kept.
    func stamp(of uri: String) -> Stamp? { state.withLockedValue { $0.pages[uri]?.stamp } }

    /// The page for `uri` if it is kept at `stamp`; never waits for one being made.
    func page(_ uri: String, at stamp: Stamp) -> Page? {
        state.withLockedValue { state in
            guard let entry = state.pages[uri], entry.stamp == stamp else { return nil }
            return entry.page
        }
    }

    /// The content version (read for this request, perhaps with others) and the minute now.
    func stamp(for request: Request) -> EventLoopFuture<Stamp> {
        let minute = Int64((request.now.timeIntervalSince1970 / 60).rounded(.down))
        let application = request.application
        let eventLoop = request.eventLoop
        let versionDatabase = self.versionDatabase
        return versions.version(on: eventLoop) {
            // Not the request's own handle: this read may answer requests that outlive it. On an
            // SQLite file, a connection kept for this read alone (`DatabaseID.contentVersion`).
            guard let database = application.databases.database(versionDatabase, logger: application.logger, on: eventLoop) else {
                return eventLoop.makeFailedFuture(ContentVersionUnavailable())
            }
            return ContentVersion.read(on: database)
        }
        .flatMapErrorThrowing { error in throw request.databaseUnavailable(after: error) }
        .map { Stamp(version: $0, minute: minute) }
    }

    private func keep(_ page: Page, for uri: String, at stamp: Stamp, in state: inout State) {
        if let old = state.pages[uri] { state.bytes -= old.page.body.readableBytes } else { state.order.append(uri) }
        state.pages[uri] = (stamp, page)
        state.bytes += page.body.readableBytes
        while state.bytes > byteLimit, let oldest = state.order.popFirst() {
            if let removed = state.pages.removeValue(forKey: oldest) { state.bytes -= removed.page.body.readableBytes }
        }
    }

    /// A strong validator for these exact bytes.
    static func entityTag(of body: ByteBuffer) -> String {
        let digest = SHA256.hash(data: body.readableBytesView)
        return "\"" + digest.prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }
}

struct PublicPageCacheKey: StorageKey {
    typealias Value = PublicPageCache
}

extension Application {
    var publicPageCache: PublicPageCache { configured(PublicPageCacheKey.self) }
}
