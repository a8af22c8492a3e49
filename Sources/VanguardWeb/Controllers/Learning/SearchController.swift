import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `/search` and `/api/v1/search`: one index over posts, vanguards and organisations.
enum SearchController {
    static let maximumQueryLength = 200

    static func results(_ request: Request) async throws -> (query: String, hits: [(SearchHit, SiteURL)]) {
        let text = String((request.queryValue("q") ?? "").prefix(maximumQueryLength))
        let hits = try await request.readingDatabase {
            try await SearchIndex(database: request.db).search(SearchQuery(text), at: request.now)
        }
        var linked: [(SearchHit, SiteURL)] = []
        let store = LearningStore(on: request)
        for hit in hits {
            switch hit.kind {
            case .vanguard: linked.append((hit, .vanguard(Int(hit.key) ?? 0)))
            case .organisation: linked.append((hit, .organisation(hit.key)))
            case .post:
                guard let id = UUID(uuidString: hit.key), let post = try await store.post(id: id) else { continue }
                linked.append((hit, .learning(.post(post.slug))))
            }
        }
        return (text, linked)
    }

    @Sendable static func page(request: Request) async throws -> Response {
        let (query, hits) = try await results(request)
        let snapshot = try await request.registry()
        let providers = try await request.readingDatabase { try await ProviderLookupStore(on: request).entries() }
        let postcodes = PostcodeLookupCache.lookup(vendorDirectory: request.application.appConfig.vendorDirectory)
        let registry = Optional(query).nonBlank.map {
            LocalVanguardSearch(query: $0, in: snapshot, providers: providers, postcodes: postcodes)
        }
        let found = registry.map { search in Set(search.matches.map { FindPage.url(for: $0).path }) } ?? []
        let content = hits.filter { !found.contains($0.1.path) }.map { SearchPage.Result(hit: $0.0, url: $0.1) }
        return SearchPage.document(.init(query: query, registry: registry, content: content), context: request.pageContext).response()
    }

    /// The old "Find your local vanguard" address goes to the one search, with its query.
    @Sendable static func find(request: Request) async throws -> Response {
        let query = request.queryValue("q") ?? ""
        var components = URLComponents()
        components.path = SiteURL.search.path
        if !query.isEmpty { components.queryItems = [URLQueryItem(name: "q", value: String(query.prefix(maximumQueryLength)))] }
        return request.redirect(to: components.string ?? SiteURL.search.path, redirectType: .permanent)
    }

    @Sendable static func api(request: Request) async throws -> SearchResultsDTO {
        // The page shortens a long query for a person; a program is told, since its answer would not be for what it sent.
        if let sent = request.queryValue("q"), sent.count > maximumQueryLength {
            throw AppError.badRequest("q is \(sent.count) characters long; at most \(maximumQueryLength) are searched for")
        }
        let (query, hits) = try await results(request)
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw AppError.badRequest("Give a query as ?q=") }
        let base = request.application.appConfig.publicURL
        return SearchResultsDTO(
            query: query,
            results: hits.map { hit, url in
                SearchResultsDTO.Result(
                    kind: hit.kind.rawValue, title: hit.title, url: base + url.path, rank: hit.rank, snippet: hit.snippet)
            })
    }
}
