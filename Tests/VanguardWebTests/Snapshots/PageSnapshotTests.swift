import Foundation
import Testing
import VanguardCore

@testable import VanguardWeb

/// The most visited pages, each rendered from a fixed model: no database, no server.
@Suite struct PageSnapshotTests {
    let registry = SnapshotFixtures.registry
    let context = SnapshotFixtures.context

    @Test func home() throws {
        try Snapshot.expect(HomePage.document(.init(registry: registry), context: context), matches: "home")
    }

    @Test func vanguards() throws {
        try Snapshot.expect(
            VanguardsPage.document(.init(registry: registry, filter: VanguardFilter()), context: context), matches: "vanguards")
    }

    @Test func vanguardsFilteredByCareModel() throws {
        let filter = VanguardFilter(careModel: .mcp)
        try Snapshot.expect(VanguardsPage.document(.init(registry: registry, filter: filter), context: context), matches: "vanguards-mcp")
    }

    @Test func vanguard() throws {
        let wirral = try #require(registry.vanguard(number: 1))
        try Snapshot.expect(
            VanguardPage.document(.init(vanguard: wirral, registry: registry, boundaries: [:]), context: context), matches: "vanguard")
    }

    @Test func vanguardWithNotesToEscape() throws {
        let erewash = try #require(registry.vanguard(number: 2))
        try Snapshot.expect(
            VanguardPage.document(.init(vanguard: erewash, registry: registry, boundaries: [:]), context: context),
            matches: "vanguard-notes")
    }

    @Test func map() throws {
        try Snapshot.expect(MapPage.document(.init(registry: registry, boundaries: [:], careModel: nil), context: context), matches: "map")
    }

    @Test func area() throws {
        let wirral = try #require(registry.area(code: "E38000208"))
        try Snapshot.expect(
            AreaPage.document(
                .init(area: wirral, registry: registry, boundaries: [:], metrics: SnapshotFixtures.metrics), context: context),
            matches: "area")
    }

    @Test func icb() throws {
        let icb = try #require(registry.icb(code: "E54000008"))
        try Snapshot.expect(PlacePage.document(.init(icb: icb, registry: registry), context: context), matches: "icb")
    }

    @Test func region() throws {
        let region = try #require(registry.region(code: "E40000011"))
        try Snapshot.expect(PlacePage.document(.init(region: region, registry: registry), context: context), matches: "region")
    }

    @Test func organisations() throws {
        try Snapshot.expect(
            OrganisationsPage.document(.init(registry: registry, sector: nil, text: nil, page: PageRequest()), context: context),
            matches: "organisations")
    }

    @Test func organisation() throws {
        let council = try #require(registry.organisation(slug: "wirral-council"))
        try Snapshot.expect(
            OrganisationPage.document(.init(organisation: council, registry: registry), context: context), matches: "organisation")
    }

    @Test func metrics() throws {
        try Snapshot.expect(MetricsPage.document(SnapshotFixtures.metrics, context: context), matches: "metrics")
    }

    @Test func calls() throws {
        try Snapshot.expect(
            CallsPage.document(calls: SnapshotFixtures.calls, now: SnapshotFixtures.fixedNow, context: context), matches: "calls")
    }

    @Test func historicalCall() throws {
        try Snapshot.expect(HistoricalCallPage.document(registry: registry, context: context), matches: "call-2015")
    }

    @Test func search() throws {
        let found = LocalVanguardSearch(query: "wirral", in: registry)
        try Snapshot.expect(SearchPage.document(.init(query: "wirral", registry: found, content: []), context: context), matches: "search")
    }

    @Test func returnsUpload() throws {
        try Snapshot.expect(ReturnsUploadPage.document(.form, context: context), matches: "returns-upload")
    }

    @Test func notFound() throws {
        try Snapshot.expect(
            ErrorPage.document(status: .notFound, reason: "The vanguard 99 was not found.", context: context), matches: "not-found")
    }

    @Test func dataSources() throws {
        try Snapshot.expect(DataSourcesPage.document(context: context), matches: "data-sources")
    }
}
