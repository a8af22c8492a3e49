import Testing

@testable import VanguardCore

@Suite struct RegistryQueryTests {
    @Test(arguments: [
        (VanguardFilter(careModel: .pacs), 9),
        (VanguardFilter(wave: .third), 13),
        (VanguardFilter(careModel: .acc, wave: .first), 0),
        (VanguardFilter(text: "salford"), 2),
        (VanguardFilter(text: "SALFORD royal"), 2),
        (VanguardFilter(careModel: .mcp, text: "salford"), 0),
        (VanguardFilter(regionCode: "E40000003"), 8),  // 19, 28, 33, 40, 41, 42, 43, 47
    ])
    func filtersVanguards(filter: VanguardFilter, expected: Int) throws {
        let registry = try ProjectFiles.registry()
        #expect(registry.vanguards(matching: filter).count == expected)
    }

    @Test func regionsComeFromTheFootprintNotTheFreeText() throws {
        let registry = try ProjectFiles.registry()
        #expect(registry.regions(of: 1).map(\.name) == ["North West"])
        // Cancer vanguard: Greater Manchester and London
        #expect(registry.regions(of: 47).map(\.name) == ["London", "North West"])
    }

    @Test func findYourLocalVanguardByAreaNameCodeOrOldCCG() throws {
        let registry = try ProjectFiles.registry()
        for query in ["Cheshire and Merseyside ICB - 12F", "E38000208", "12F", "Wirral CCG"] {
            let search = LocalVanguardSearch(query: query, in: registry)
            let area = try #require(search.matches.first { $0.kind == .area && $0.key == "E38000208" }, "no area match for \(query)")
            #expect(area.vanguards.map(\.number).contains(1))
        }
    }

    @Test func findYourLocalVanguardByOrganisationICBAndRegion() throws {
        let registry = try ProjectFiles.registry()
        let organisation = try #require(
            LocalVanguardSearch(query: "Salford Royal", in: registry).matches.first { $0.kind == .organisation })
        #expect(organisation.key == "salford-royal-nhs-ft")
        #expect(organisation.vanguards.map(\.number) == [5, 38])

        let icb = try #require(LocalVanguardSearch(query: "Greater Manchester", in: registry).matches.first { $0.kind == .icb })
        #expect(icb.key == "E54000057")
        #expect(icb.vanguards.map(\.number).contains(18))

        let region = try #require(LocalVanguardSearch(query: "north west", in: registry).matches.first { $0.kind == .region })
        #expect(region.key == "E40000010")
        #expect(region.vanguards.count == registry.vanguards(matching: VanguardFilter(regionCode: "E40000010")).count)
    }

    @Test func anEmptyOrUnknownQueryMatchesNothing() throws {
        let registry = try ProjectFiles.registry()
        #expect(LocalVanguardSearch(query: "   ", in: registry).matches.isEmpty)
        #expect(LocalVanguardSearch(query: "zzzz-nowhere", in: registry).matches.isEmpty)
    }

    @Test func overviewIsComputedFromTheData() throws {
        let overview = ProgrammeOverview(registry: try ProjectFiles.registry())
        #expect(overview.totalVanguards == 50)
        #expect(Wave.all.map { overview.vanguards(wave: $0) } == [29, 8, 13])
        #expect(overview.vanguards(careModel: .mcp) == 14)
        #expect(overview.areasCovered == 59)
        #expect(overview.areasInEngland == 106)
        #expect(overview.applications?.value == 269)
        #expect(overview.shortlisted?.value == 63)
        #expect(overview.announcements.map(\.careModels) == [[.pacs, .mcp, .ehch], [.uec], [.acc]])
        #expect(overview.partialRows == 12)
        #expect(overview.lsoasCovered > 0 && overview.lsoasCovered < overview.lsoasInEngland)
    }

    @Test func directoryFiltersBySectorAndWords() throws {
        let registry = try ProjectFiles.registry()
        let ambulance = registry.organisations(sector: .ambulance, text: nil)
        #expect(
            ambulance.map(\.name) == ["East Midlands Ambulance Service", "North West Ambulance Service", "Yorkshire Ambulance Service"])
        #expect(registry.organisations(sector: nil, text: "guy's").map(\.slug) == ["guys-and-st-thomas-nhs-ft"])
        #expect(registry.areas(icbCode: nil, regionCode: nil, careModel: nil, covered: false).count == 106 - 59)
    }
}

@Suite struct RegistryRegionTests {
    /// A footprint written as area codes names the regions it touches once each, sorted.
    @Test func areaCodesNameTheirRegions() throws {
        let registry = try ProjectFiles.registry()
        #expect(registry.regionNames(of: ["E38000208", "E38000208"]) == ["North West"])
        #expect(registry.regionNames(of: ["E38000208", "E38000255", "E38999999"]).count == 2)
        #expect(registry.footprintAreas[1] == ["E38000208"])
    }
}
