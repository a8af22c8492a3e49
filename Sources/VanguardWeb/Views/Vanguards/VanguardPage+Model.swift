import VanguardCore

enum VanguardPage {
    /// One vanguard with everything the registry knows of it, and the outlines for its small map.
    struct Model {
        let vanguard: Vanguard
        let governance: VanguardGovernance
        let regions: [NHSRegion]
        let footprint: [(area: SubICBLocation, footprint: FootprintArea, icb: IntegratedCareBoard?)]
        let partnersBySector: [(sector: Sector, partners: [(organisation: Organisation, membership: Membership)])]
        let map: MapSVG.Drawing?
        /// Its published posts and case studies, newest first.
        let posts: [Post]
        /// The innovations it originated, from the catalogue.
        let innovations: [Innovation]

        init(vanguard: Vanguard, registry: Registry, boundaries: [String: AreaBoundary], posts: [Post] = [], innovations: [Innovation] = [])
        {
            self.vanguard = vanguard
            self.posts = posts
            self.innovations = innovations
            governance = registry.governance[vanguard.number] ?? VanguardGovernance()
            regions = registry.regions(of: vanguard.number)
            footprint = registry.footprint(of: vanguard.number).compactMap { row in
                registry.area(code: row.areaCode).map { ($0, row, registry.icb(of: $0)) }
            }
            let partners = registry.partners(of: vanguard.number)
            partnersBySector = Dictionary(grouping: partners, by: \.organisation.sector)
                .sorted { $0.key < $1.key }
                .map { (sector: $0.key, partners: $0.value) }
            let codes = Set(footprint.map(\.area.code))
            map = MapSVG.Drawing.focused(
                on: codes, registry: registry, boundaries: boundaries,
                title: "Footprint of \(vanguard.name)", highlightClass: "vg-fill--\(vanguard.careModel.rawValue)"
            )
        }
    }
}
