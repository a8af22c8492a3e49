import VanguardCore

enum MapPage {
    /// England by sub-ICB location, with the same data as a table.
    struct Model {
        struct Row {
            let area: SubICBLocation
            let icb: IntegratedCareBoard?
            let region: NHSRegion?
            let vanguards: [Vanguard]
        }

        let careModel: CareModel?
        let drawing: MapSVG.Drawing?
        let rows: [Row]
        let legend: [(fillClass: String, label: String, areas: Int)]

        init(registry: Registry, boundaries: [String: AreaBoundary], careModel: CareModel?) {
            self.careModel = careModel
            drawing = MapSVG.Drawing.national(registry: registry, boundaries: boundaries, careModel: careModel)
            rows = registry.areas.map { area in
                Row(
                    area: area, icb: registry.icb(of: area), region: registry.region(of: area),
                    vanguards: registry.vanguards(covering: area.code).filter { careModel == nil || $0.careModel == careModel }
                )
            }
            let classes = registry.areas.map {
                MapSVG.fillClass(for: MapSVG.models(covering: $0.code, registry: registry, only: careModel))
            }
            let shown = careModel.map { [$0] } ?? CareModel.allCases
            legend =
                shown.map { model in
                    (
                        "vg-fill--\(model.rawValue)", "\(model.abbreviation): \(model.name)",
                        classes.filter { $0 == "vg-fill--\(model.rawValue)" }.count
                    )
                }
                + (careModel == nil
                    ? [("vg-fill--multi", "More than one care model", classes.filter { $0 == "vg-fill--multi" }.count)] : [])
                + [
                    (
                        "vg-fill--none", careModel == nil ? "No vanguard" : "No \(careModel!.abbreviation) vanguard",
                        classes.filter { $0 == "vg-fill--none" }.count
                    )
                ]
        }
    }
}
