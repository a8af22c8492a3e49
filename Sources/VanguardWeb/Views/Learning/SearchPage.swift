import Foundation
import Plot
import VanguardCore

/// The site's one search: places, vanguards and organisations by name or code (closest first, with
/// the vanguards covering each), then posts and case studies by relevance with matched words marked.
enum SearchPage {
    struct Result {
        let hit: SearchHit
        let url: SiteURL
    }

    struct Model {
        let query: String
        let registry: LocalVanguardSearch?
        /// Full-text results not already among the registry's matches.
        let content: [Result]
    }

    static let hint =
        "For example: Wirral, a council such as Halton, a postcode such as CH49 5PE, Greater Manchester, Salford Royal, 12F, or a subject such as care homes"

    static func document(_ model: Model, context: PageContext) -> HTML {
        let places = model.registry?.matches ?? []
        let query = model.query
        return Layout.document(
            title: query.isEmpty ? "Search" : "Search: \(query)", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Search")),
                .form(
                    .action(SiteURL.search.path), .method(.get), .safeAttribute(named: "role", value: "search"),
                    .div(
                        .class("nhsuk-form-group"),
                        .label(
                            .class("nhsuk-label"), .for("search-q"),
                            .text("Vanguards, places, councils, organisations, posts and case studies")),
                        .div(.class("nhsuk-hint"), .id("search-hint"), .text(hint)),
                        .input(
                            .class("nhsuk-input"), .id("search-q"), .name("q"), .type(.search),
                            .safeAttribute(named: "aria-describedby", value: "search-hint"), .safeValue(query))),
                    .button(.class("nhsuk-button"), .type(.submit), .text("Search"))
                ),
                .if(
                    !query.isEmpty,
                    .group(
                        .p(
                            .safeAttribute(named: "role", value: "status"),
                            .text(
                                places.isEmpty && model.content.isEmpty
                                    ? "Nothing matches ‘\(query)’."
                                    : "\(places.count + model.content.count) \(places.count + model.content.count == 1 ? "result" : "results") for ‘\(query)’."
                            )),
                        .if(
                            places.isEmpty && model.content.isEmpty,
                            .p(
                                .text(
                                    "Search knows vanguards, sub-ICB locations and the councils and 2015 CCGs they cover, postcodes and postcode districts in England, ICBs, regions, organisations (by name or ODS code) and what is written in the learning space. It does not know towns inside a council or hospital sites: try your postcode, your council or the ICB that covers you."
                                ))),
                        // Plot's `.if` builds its node whatever the condition, so the optional is unwrapped instead.
                        .unwrap(model.registry.flatMap { $0.matches.isEmpty ? nil : $0 }) { search in
                            .group(.h2(.text("Vanguards, places and organisations")), FindPage.results(search))
                        },
                        .if(
                            !model.content.isEmpty,
                            .group(
                                .h2(.text(places.isEmpty ? "Results" : "Also mentioned")),
                                .ol(
                                    .class("nhsuk-list vg-search-results"),
                                    .forEach(model.content) { result in
                                        .li(
                                            .class("vg-search-result"),
                                            .span(.class("nhsuk-caption-m"), .text(result.hit.kind.name)),
                                            .h3(.class("nhsuk-heading-s"), .a(.safeHref(result.url.path), .text(result.hit.title))),
                                            .p(
                                                .class("vg-snippet"),
                                                .forEach(result.hit.snippet) { piece in
                                                    piece.isMatch ? .element(named: "mark", nodes: [.text(piece.text)]) : .text(piece.text)
                                                })
                                        )
                                    })
                            ))
                    ))
            )
        )
    }
}
