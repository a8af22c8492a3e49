import Foundation
import Testing

@testable import VanguardCore

/// The real seed files, read and cross-checked as the seed command reads them.
@Suite struct RegistryDatasetTests {
    @Test func theFiftyVanguardsOf2015() throws {
        let dataset = try ProjectFiles.dataset.get()
        #expect(dataset.vanguards.count == 50)
        let byModel = Dictionary(grouping: dataset.vanguards, by: \.careModel).mapValues(\.count)
        #expect(byModel == [.pacs: 9, .mcp: 14, .ehch: 6, .uec: 8, .acc: 13])
        let byWave = Dictionary(grouping: dataset.vanguards, by: \.wave.number).mapValues(\.count)
        #expect(byWave == [1: 29, 2: 8, 3: 13])
        #expect(dataset.vanguards.filter { $0.confidence == .partial }.count == 11)
    }

    @Test func englandsAreasICBsAndRegions() throws {
        let dataset = try ProjectFiles.dataset.get()
        #expect(dataset.areas.count == 106)
        #expect(dataset.icbs.count == 42)
        #expect(dataset.regions.count == 7)
        #expect(dataset.boundaries.count == 106)
        #expect(dataset.areas.allSatisfy { $0.code.hasPrefix("E38") && $0.lsoaCount > 0 })
        // Every one of England's 32,844 LSOAs (2011 geography) belongs to exactly one sub-ICB location.
        #expect(dataset.areas.reduce(0) { $0 + $1.lsoaCount } == 32_844)
        let wirral = try #require(dataset.areas.first { $0.code == "E38000208" })
        #expect(wirral.odsCode == "12F")
        #expect(wirral.icbCode == "E54000008")
    }

    @Test func footprintsAndPartnersPointAtRealThings() throws {
        let dataset = try ProjectFiles.dataset.get()
        #expect(dataset.footprints.count == 92)
        #expect(Set(dataset.footprints.map(\.vanguardNumber)).count == 50)
        #expect(Set(dataset.footprints.map(\.areaCode)).count == 59)
        #expect(dataset.partners.count == 153)
        // ODS codes are taken only from the CCG list, never guessed.
        #expect(dataset.odsCode(forOrganisationNamed: "NHS Wirral CCG") == "12F")
        #expect(dataset.odsCode(forOrganisationNamed: "Salford Royal NHS FT") == nil)
    }

    @Test func boundariesAreSimplifiedButKeepEveryArea() throws {
        let dataset = try ProjectFiles.dataset.get()
        let totalPathBytes = dataset.boundaries.values.reduce(0) { $0 + $1.svgPath.utf8.count }
        // The national map must stay small enough to send on every request.
        #expect(totalPathBytes < 150_000)
        #expect(dataset.boundaries.values.allSatisfy { $0.svgPath.hasPrefix("M") && $0.svgPath.hasSuffix("z") })
        // England spans roughly 130–660 km east and 0–660 km north of the grid's origin.
        let england = dataset.boundaries.values.map(\.bounds).reduce(dataset.boundaries.values.first!.bounds) { $0.union($1) }
        #expect(england.minX > 80 && england.maxX < 660)
        #expect(england.minY > -670 && england.maxY < 0)
    }

    @Test func aMissingFileStopsTheLoadNamingIt() throws {
        // setup: a data directory without vanguards.csv
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vanguard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["nhs_regions.csv", "vanguard_areas.csv", "partner_organisations.csv", "ccg2015_to_sicbl.csv", "programme_facts.csv"] {
            try FileManager.default.copyItem(at: ProjectFiles.data.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        // MUT
        let error = #expect(throws: DataFileError.self) {
            try RegistryDataset.load(from: .init(dataDirectory: directory, boundaryDirectory: ProjectFiles.boundaries))
        }
        // validate
        #expect(error?.file == "vanguards.csv")
        #expect(error?.reason.hasPrefix("cannot be read at") == true)
    }

    @Test func aPartnerNotInItsVanguardsRowIsRefused() throws {
        // setup: copy the data and invent a partner the sources never named
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vanguard-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProjectFiles.data, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let partners = directory.appendingPathComponent("partner_organisations.csv")
        var text = try String(contentsOf: partners, encoding: .utf8)
        text += "1,Invented Trust,acute_trust,no,Invented Trust\n"
        try text.write(to: partners, atomically: true, encoding: .utf8)
        // MUT
        let error = #expect(throws: DataFileError.self) {
            try RegistryDataset.load(from: .init(dataDirectory: directory, boundaryDirectory: ProjectFiles.boundaries))
        }
        // validate
        #expect(
            error
                == DataFileError(
                    file: "partner_organisations.csv", line: 155, field: "as_written",
                    reason: "'Invented Trust' does not appear in vanguard 1's lead_organisations"
                ))
    }
}
