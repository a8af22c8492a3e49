import Foundation

/// Everything the registry is seeded with, read and checked as a whole before anything is written.
public struct RegistryDataset: Sendable {
    public var regions: [NHSRegion]
    public var icbs: [IntegratedCareBoard]
    public var areas: [SubICBLocation]
    /// Simplified outlines keyed by area code, as SVG paths ready to draw.
    public var boundaries: [String: AreaBoundary]
    public var ccgs: [CCG2015]
    public var vanguards: [Vanguard]
    public var footprints: [FootprintArea]
    public var partners: [PartnerOrganisation]
    public var facts: [ProgrammeFact]
    public var metrics: [Metric]

    /// Where the seed files live: the project's own `data/` and the boundary files fetched at set-up.
    public struct Location: Sendable {
        public var dataDirectory: URL
        public var boundaryDirectory: URL

        public init(dataDirectory: URL, boundaryDirectory: URL) {
            self.dataDirectory = dataDirectory
            self.boundaryDirectory = boundaryDirectory
        }
    }

    /// Simplification tolerance for boundaries, in metres.
    public static let boundaryTolerance = 400.0

    /// Reads every file, cross-checks them, and throws the first problem found.
    public static func load(from location: Location, progress: (String) -> Void = { _ in }) throws(DataFileError) -> RegistryDataset {
        func table(_ directory: URL, _ name: String) throws(DataFileError) -> CSVTable {
            try CSVTable(fileName: name, data: try read(directory.appendingPathComponent(name), name: name))
        }
        let data = location.dataDirectory
        let boundaryDirectory = location.boundaryDirectory

        progress("reading sub-ICB locations and ICBs")
        let lsoaTable = try table(boundaryDirectory, "regions_lsoa_ew.csv")
        let (areas, icbNames) = try RegistryFiles.subICBLocations(
            from: try table(boundaryDirectory, "regions_ew.csv"), lsoaCounts: try RegistryFiles.lsoaCounts(from: lsoaTable),
            localAuthorities: try RegistryFiles.localAuthorities(from: lsoaTable)
        )
        let regionRows = try RegistryFiles.regions(from: try table(data, "nhs_regions.csv"))
        let regionByICB = Dictionary(regionRows.map { ($0.icbCode, $0.region) }, uniquingKeysWith: { first, _ in first })
        var icbs: [IntegratedCareBoard] = []
        for icb in icbNames {
            guard let region = regionByICB[icb.code] else {
                throw DataFileError(
                    file: "nhs_regions.csv", line: 1, field: "icb_code", reason: "no region is given for ICB \(icb.code) (\(icb.name))")
            }
            icbs.append(IntegratedCareBoard(code: icb.code, name: icb.name, regionCode: region.code))
        }
        let regions = Array(Set(regionRows.map(\.region))).sorted { $0.code < $1.code }

        progress("reading and simplifying boundaries")
        let shapeFile = "SICBL.geojson"
        let shapes = try BoundaryFile.shapes(
            from: try read(boundaryDirectory.appendingPathComponent(shapeFile), name: shapeFile),
            fileName: shapeFile, codeProperty: "SICBL22CD"
        )
        let areaCodes = Set(areas.map(\.code))
        var boundaries: [String: AreaBoundary] = [:]
        for shape in shapes {
            guard areaCodes.contains(shape.code) else {
                throw DataFileError(
                    file: shapeFile, line: 1, field: "SICBL22CD", reason: "\(shape.code) is not a sub-ICB location in regions_ew.csv")
            }
            boundaries[shape.code] = AreaBoundary(shape.simplified(tolerance: boundaryTolerance, minimumExtent: 1_500))
        }

        progress("reading vanguards, footprints and partners")
        let vanguardsTable = try table(data, "vanguards.csv")
        let vanguards = try RegistryFiles.vanguards(from: vanguardsTable)
        let numbers = Set(vanguards.map(\.number))
        let footprintsTable = try table(data, "vanguard_areas.csv")
        let footprints = try RegistryFiles.footprints(from: footprintsTable)
        for (footprint, row) in zip(footprints, footprintsTable.rows) {
            if !numbers.contains(footprint.vanguardNumber) {
                throw DataFileError(
                    file: "vanguard_areas.csv", line: row.line, field: "ncm_number",
                    reason: "no vanguard has number \(footprint.vanguardNumber)")
            }
            if !areaCodes.contains(footprint.areaCode) {
                throw DataFileError(
                    file: "vanguard_areas.csv", line: row.line, field: "sicbl_code",
                    reason: "\(footprint.areaCode) is not a current sub-ICB location")
            }
        }
        let partnersTable = try table(data, "partner_organisations.csv")
        let partners = try RegistryFiles.partners(from: partnersTable)
        let writtenByNumber = Dictionary(uniqueKeysWithValues: vanguards.map { ($0.number, $0.leadOrganisationsAsWritten) })
        for (partner, row) in zip(partners, partnersTable.rows) {
            guard let written = writtenByNumber[partner.vanguardNumber] else {
                throw DataFileError(
                    file: "partner_organisations.csv", line: row.line, field: "ncm_number",
                    reason: "no vanguard has number \(partner.vanguardNumber)")
            }
            if !written.contains(partner.asWritten) {
                throw DataFileError(
                    file: "partner_organisations.csv", line: row.line, field: "as_written",
                    reason: "'\(partner.asWritten)' does not appear in vanguard \(partner.vanguardNumber)'s lead_organisations"
                )
            }
        }
        let ccgs = try RegistryFiles.ccgs(from: try table(data, "ccg2015_to_sicbl.csv"))
        let facts = try RegistryFiles.programmeFacts(from: try table(data, "programme_facts.csv"))
        let metrics = try RegistryFiles.metrics(from: try table(data, "metrics.csv"))

        return RegistryDataset(
            regions: regions, icbs: icbs, areas: areas, boundaries: boundaries, ccgs: ccgs, vanguards: vanguards,
            footprints: footprints, partners: partners, facts: facts, metrics: metrics
        )
    }

    /// The ODS code of a partner organisation, where the registry's own files give it: a 2015 CCG
    /// named exactly as in the CCG list. Nothing else is looked up or guessed.
    public func odsCode(forOrganisationNamed name: String) -> String? {
        ccgs.first { $0.name == name }?.odsCode
    }

    static func read(_ url: URL, name: String) throws(DataFileError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: name, line: 0, field: nil, reason: "cannot be read at \(url.path) (\(error.localizedDescription))")
        }
    }
}

/// A simplified outline ready to draw: an SVG path (tenths of a kilometre, north up) and its bounds.
public struct AreaBoundary: Hashable, Sendable, Codable {
    public let svgPath: String
    public let bounds: PlaneBounds

    public init(svgPath: String, bounds: PlaneBounds) {
        self.svgPath = svgPath
        self.bounds = bounds
    }

    /// Bounds are in the same units as the path: kilometres east, and kilometres south (−north).
    public init(_ shape: AreaShape) {
        let grid = shape.bounds ?? PlaneBounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        self.init(
            svgPath: shape.svgPath,
            bounds: PlaneBounds(minX: grid.minX / 1000, minY: -grid.maxY / 1000, maxX: grid.maxX / 1000, maxY: -grid.minY / 1000)
        )
    }
}
