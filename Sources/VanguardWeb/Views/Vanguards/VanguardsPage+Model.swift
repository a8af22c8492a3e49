import VanguardCore

enum VanguardsPage {
    /// The vanguards list with the filter a person chose.
    struct Model {
        struct Row {
            let vanguard: Vanguard
            let regions: [NHSRegion]
            let areaCount: Int
        }

        let filter: VanguardFilter
        let rows: [Row]
        let total: Int
        let regions: [NHSRegion]

        init(registry: Registry, filter: VanguardFilter) {
            self.filter = filter
            rows = registry.vanguards(matching: filter).map {
                Row(vanguard: $0, regions: registry.regions(of: $0.number), areaCount: registry.footprint(of: $0.number).count)
            }
            total = registry.vanguards.count
            regions = registry.regions
        }
    }
}
