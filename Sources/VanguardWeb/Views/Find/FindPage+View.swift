import Plot
import VanguardCore

extension FindPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Find your local vanguard", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Find your local vanguard")),
                .form(
                    .action(SiteURL.find.path), .method(.get),
                    .div(
                        .class("nhsuk-form-group"),
                        .label(.class("nhsuk-label nhsuk-label--s"), .for("find-q"), .text("Area, ICB, region or organisation")),
                        .div(.class("nhsuk-hint"), .id("find-hint"), .text("For example: Wirral, Greater Manchester, North West, Salford Royal, E38000208 or 12F")),
                        .input(.class("nhsuk-input"), .id("find-q"), .name("q"), .type(.search),
                               .safeAttribute(named: "aria-describedby", value: "find-hint"), .safeValue(model.search?.query ?? ""))
                    ),
                    .button(.class("nhsuk-button"), .type(.submit), .text("Find"))
                ),
                .unwrap(model.search) { search in
                    .group(
                        .h2(.safeAttribute(named: "role", value: "status"), .text(search.matches.isEmpty
                            ? "Nothing matches “\(search.query)”"
                            : "\(search.matches.count) \(search.matches.count == 1 ? "match" : "matches") for “\(search.query)”")),
                        .if(search.matches.isEmpty, .p(.text("Try the name of your town, council, hospital trust or the ICB that covers you."))),
                        .ul(.class("nhsuk-list vg-results"), .forEach(search.matches) { match in
                            .li(
                                .class("vg-result"),
                                .span(.class("nhsuk-caption-m"), .text(kindName(match.kind))),
                                .h3(.class("nhsuk-heading-s"), .a(.safeHref(url(for: match).path), .text(match.name))),
                                .if(match.kind != .vanguard, .if(match.vanguards.isEmpty,
                                    .p(.text("No vanguard covered it.")),
                                    else: .ul(.class("nhsuk-list"), .forEach(match.vanguards) { vanguard in
                                        .li(Components.careModelTag(vanguard.careModel), .text(" "), Components.vanguardLink(vanguard))
                                    })
                                ))
                            )
                        })
                    )
                }
            )
        )
    }

    static func kindName(_ kind: LocalVanguardSearch.Match.Kind) -> String {
        switch kind {
        case .area: "Sub-ICB location"
        case .icb: "Integrated care board"
        case .region: "Region"
        case .organisation: "Organisation"
        case .vanguard: "Vanguard"
        }
    }

    static func url(for match: LocalVanguardSearch.Match) -> SiteURL {
        switch match.kind {
        case .area: .area(match.key)
        case .icb: .icb(match.key)
        case .region: .region(match.key)
        case .organisation: .organisation(match.key)
        case .vanguard: .vanguard(Int(match.key) ?? 0)
        }
    }
}
