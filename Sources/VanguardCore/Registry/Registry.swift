/// The registry as one value: areas, vanguards, organisations and how they relate.
///
/// It is small (tens of vanguards, about a hundred areas, a few hundred organisations), so the
/// store loads it whole and the questions pages ask are answered here, where they can be tested
/// without a database.
public struct Registry: Sendable {
    public let regions: [NHSRegion]
    public let icbs: [IntegratedCareBoard]
    public let areas: [SubICBLocation]
    public let vanguards: [Vanguard]
    public let governance: [Int: VanguardGovernance]
    public let footprints: [FootprintArea]
    public let organisations: [Organisation]
    public let memberships: [Membership]
    public let facts: [ProgrammeFact]

    private let regionByCode: [String: NHSRegion]
    private let icbByCode: [String: IntegratedCareBoard]
    private let areaByCode: [String: SubICBLocation]
    private let vanguardByNumber: [Int: Vanguard]
    private let organisationBySlug: [String: Organisation]
    private let footprintsByVanguard: [Int: [FootprintArea]]
    private let footprintsByArea: [String: [FootprintArea]]

    public init(
        regions: [NHSRegion], icbs: [IntegratedCareBoard], areas: [SubICBLocation], vanguards: [Vanguard],
        governance: [Int: VanguardGovernance], footprints: [FootprintArea], organisations: [Organisation],
        memberships: [Membership], facts: [ProgrammeFact]
    ) {
        self.regions = regions.sorted { $0.name < $1.name }
        self.icbs = icbs.sorted { $0.name < $1.name }
        self.areas = areas.sorted { $0.name < $1.name }
        self.vanguards = vanguards.sorted { $0.number < $1.number }
        self.governance = governance
        self.footprints = footprints
        self.organisations = organisations.sorted { $0.name.localizedLowercase < $1.name.localizedLowercase }
        self.memberships = memberships
        self.facts = facts
        regionByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        icbByCode = Dictionary(icbs.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        areaByCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        vanguardByNumber = Dictionary(vanguards.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        organisationBySlug = Dictionary(organisations.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        footprintsByVanguard = Dictionary(grouping: footprints, by: \.vanguardNumber)
        footprintsByArea = Dictionary(grouping: footprints, by: \.areaCode)
    }

    public func region(code: String) -> NHSRegion? { regionByCode[code] }
    public func icb(code: String) -> IntegratedCareBoard? { icbByCode[code] }
    public func area(code: String) -> SubICBLocation? { areaByCode[code] }
    public func vanguard(number: Int) -> Vanguard? { vanguardByNumber[number] }
    public func organisation(slug: String) -> Organisation? { organisationBySlug[slug] }

    public func fact(_ key: String) -> ProgrammeFact? { facts.first { $0.key == key } }

    /// The footprint rows of a vanguard, in area-name order.
    public func footprint(of vanguardNumber: Int) -> [FootprintArea] {
        (footprintsByVanguard[vanguardNumber] ?? []).sorted {
            (areaByCode[$0.areaCode]?.name ?? $0.areaCode) < (areaByCode[$1.areaCode]?.name ?? $1.areaCode)
        }
    }

    public func areas(of vanguardNumber: Int) -> [SubICBLocation] {
        footprint(of: vanguardNumber).compactMap { areaByCode[$0.areaCode] }
    }

    /// The vanguards whose footprint includes the area, by number.
    public func vanguards(covering areaCode: String) -> [Vanguard] {
        (footprintsByArea[areaCode] ?? []).compactMap { vanguardByNumber[$0.vanguardNumber] }.sorted { $0.number < $1.number }
    }

    /// Regions a vanguard's footprint reaches, worked out from its areas rather than the free text.
    public func regions(of vanguardNumber: Int) -> [NHSRegion] {
        let codes = Set(areas(of: vanguardNumber).compactMap { icbByCode[$0.icbCode]?.regionCode })
        return codes.compactMap { regionByCode[$0] }.sorted { $0.name < $1.name }
    }

    /// The names of the regions a set of areas touches (a footprint written in an application or a
    /// partnership's plan), sorted.
    public func regionNames(of areaCodes: [String]) -> [String] {
        Array(Set(areaCodes.compactMap { area(code: $0).flatMap(region(of:))?.name })).sorted()
    }

    /// Each vanguard's footprint as area codes: what the permission matrix reads for stewardship.
    public var footprintAreas: [Int: Set<String>] {
        Dictionary(grouping: footprints, by: \.vanguardNumber).mapValues { Set($0.map(\.areaCode)) }
    }

    public func icb(of area: SubICBLocation) -> IntegratedCareBoard? { icbByCode[area.icbCode] }

    public func region(of area: SubICBLocation) -> NHSRegion? {
        icbByCode[area.icbCode].flatMap { regionByCode[$0.regionCode] }
    }

    public func areas(in icbCode: String) -> [SubICBLocation] {
        areas.filter { $0.icbCode == icbCode }
    }

    public func icbs(in regionCode: String) -> [IntegratedCareBoard] {
        icbs.filter { $0.regionCode == regionCode }
    }

    /// A vanguard's partners with their memberships, leads first, then by sector and name.
    public func partners(of vanguardNumber: Int) -> [(organisation: Organisation, membership: Membership)] {
        memberships.filter { $0.vanguardNumber == vanguardNumber }
            .compactMap { membership in organisationBySlug[membership.organisationSlug].map { ($0, membership) } }
            .sorted { lhs, rhs in
                if lhs.membership.isLead != rhs.membership.isLead { return lhs.membership.isLead }
                if lhs.organisation.sector != rhs.organisation.sector { return lhs.organisation.sector < rhs.organisation.sector }
                return lhs.organisation.name < rhs.organisation.name
            }
    }

    public func vanguards(withPartner slug: String) -> [Vanguard] {
        Set(memberships.filter { $0.organisationSlug == slug }.map(\.vanguardNumber))
            .compactMap { vanguardByNumber[$0] }.sorted { $0.number < $1.number }
    }

    /// Care models covering each area, for shading the map.
    public func careModels(covering areaCode: String) -> [CareModel] {
        Array(Set(vanguards(covering: areaCode).map(\.careModel))).sorted()
    }
}
