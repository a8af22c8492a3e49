import VanguardCore

enum HomePage {
    /// The programme at a glance, every figure computed from the registry.
    struct Model {
        let overview: ProgrammeOverview
        let regions: [NHSRegion]

        init(registry: Registry) {
            overview = ProgrammeOverview(registry: registry)
            regions = registry.regions
        }

        var lsoaSharePercent: Double {
            overview.lsoasInEngland == 0 ? 0 : Double(overview.lsoasCovered) / Double(overview.lsoasInEngland) * 100
        }
    }
}
