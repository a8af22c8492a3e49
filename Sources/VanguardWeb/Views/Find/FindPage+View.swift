import Plot
import VanguardCore

extension FindPage {
    /// The places, vanguards and organisations a search matched, each with the vanguards covering it.
    static func results(_ search: LocalVanguardSearch) -> Node<HTML.BodyContext> {
        .ul(
            .class("nhsuk-list vg-results"),
            .forEach(search.matches) { match in
                .li(
                    .class("vg-result"),
                    .span(.class("nhsuk-caption-m"), .text(kindName(match.kind))),
                    .h3(.class("nhsuk-heading-s"), .a(.safeHref(url(for: match).path), .text(match.name))),
                    .unwrap(match.matchedOn) { .p(.class("nhsuk-body-s"), .text("Matched on \($0)")) },
                    .if(
                        match.kind != .vanguard,
                        .if(
                            match.vanguards.isEmpty,
                            .p(.text("No vanguard covered it.")),
                            else: .ul(
                                .class("nhsuk-list"),
                                .forEach(match.vanguards) { vanguard in
                                    .li(Components.careModelTag(vanguard.careModel), .text(" "), Components.vanguardLink(vanguard))
                                })
                        ))
                )
            })
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
