import Foundation
import Plot
import VanguardCore

/// Search results: posts, vanguards and organisations, best first, with matched words marked.
enum SearchPage {
    struct Result {
        let hit: SearchHit
        let url: SiteURL
    }

    static func document(query: String, results: [Result], context: PageContext) -> HTML {
        Layout.document(
            title: query.isEmpty ? "Search" : "Search: \(query)", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Search")),
                .form(
                    .action(SiteURL.search.path), .method(.get), .safeAttribute(named: "role", value: "search"),
                    .div(.class("nhsuk-form-group"),
                         .label(.class("nhsuk-label"), .for("search-q"), .text("Search posts, case studies, vanguards and organisations")),
                         .input(.class("nhsuk-input"), .id("search-q"), .name("q"), .type(.search), .safeValue(query))),
                    .button(.class("nhsuk-button"), .type(.submit), .text("Search"))
                ),
                .if(!query.isEmpty, .p(.text(results.isEmpty ? "Nothing matches ‘\(query)’." : "\(results.count) \(results.count == 1 ? "result" : "results") for ‘\(query)’, best first."))),
                .ol(.class("nhsuk-list vg-search-results"), .forEach(results) { result in
                    .li(
                        .class("vg-search-result"),
                        .span(.class("nhsuk-caption-m"), .text(result.hit.kind.name)),
                        .h2(.class("nhsuk-heading-s"), .a(.safeHref(result.url.path), .text(result.hit.title))),
                        .p(.class("vg-snippet"), .forEach(result.hit.snippet) { piece in
                            piece.isMatch ? .element(named: "mark", nodes: [.text(piece.text)]) : .text(piece.text)
                        })
                    )
                })
            )
        )
    }
}
