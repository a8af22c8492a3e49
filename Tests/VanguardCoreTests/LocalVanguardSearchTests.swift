import Testing

@testable import VanguardCore

/// The registry half of the one search: closest names first, councils as people know them.
@Suite struct LocalVanguardSearchTests {
    @Test func theClosestNamesComeFirst() throws {
        let registry = try ProjectFiles.registry()
        let wirral = LocalVanguardSearch(query: "wirral", in: registry)
        // The council of that name is the closest match, with the vanguard covering it; the vanguard comes next.
        #expect(wirral.matches.first?.name == "Wirral (NHS Cheshire and Merseyside ICB - 12F)")
        #expect(wirral.matches.first?.vanguards.map(\.name).contains("Wirral Partners") == true)
        #expect(wirral.matches.dropFirst().first?.name == "Wirral Partners")
        let closeness = wirral.matches.map(\.closeness)
        #expect(closeness == closeness.sorted())
        // An exact code is an exact match, whatever else shares its words.
        #expect(LocalVanguardSearch(query: "12F", in: registry).matches.first?.key == "E38000208")
    }

    @Test func areasAreKnownByTheirCouncils() throws {
        let registry = try ProjectFiles.registry()
        let area = try #require(registry.area(code: "E38000208"))
        #expect(area.localAuthorities == ["Wirral"])
        #expect(area.label == "Wirral (NHS Cheshire and Merseyside ICB - 12F)")
        let halton = LocalVanguardSearch(query: "halton", in: registry)
        #expect(halton.matches.contains { $0.kind == .area && $0.key == "E38000068" && $0.matchedOn == "council: Halton" })
    }

    /// A trust's ODS code finds the area the provider lookup counts its activity towards.
    @Test func trustCodesFindTheirAreaThroughTheProviderLookup() throws {
        let registry = try ProjectFiles.registry()
        let providers = [
            ProviderArea(orgCode: "RBL", orgName: "Wirral University Teaching Hospital NHS Foundation Trust", areaCode: "E38000208")
        ]
        #expect(LocalVanguardSearch(query: "RBL", in: registry).matches.isEmpty)
        let found = LocalVanguardSearch(query: "rbl", in: registry, providers: providers)
        #expect(found.matches.first?.key == "E38000208" && found.matches.first?.closeness == .exact)
        #expect(found.matches.first?.matchedOn == "provider: Wirral University Teaching Hospital NHS Foundation Trust (RBL)")
        #expect(found.matches.first?.vanguards.contains { $0.name == "Wirral Partners" } == true)
    }
}
