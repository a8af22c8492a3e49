import VanguardCore

enum AreaPage {
    /// A sub-ICB location: where it sits and which vanguards covered it.
    struct Model {
        let area: SubICBLocation
        let icb: IntegratedCareBoard?
        let region: NHSRegion?
        let vanguards: [(vanguard: Vanguard, footprint: FootprintArea?)]
        let map: MapSVG.Drawing?
        /// Metrics this area has returns for.
        let metrics: [Metric]

        init(area: SubICBLocation, registry: Registry, boundaries: [String: AreaBoundary], metrics: [Metric] = []) {
            self.area = area
            self.metrics = metrics
            icb = registry.icb(of: area)
            region = registry.region(of: area)
            vanguards = registry.vanguards(covering: area.code).map { vanguard in
                (vanguard, registry.footprint(of: vanguard.number).first { $0.areaCode == area.code })
            }
            map = MapSVG.Drawing.focused(
                on: [area.code], registry: registry, boundaries: boundaries, title: "Where \(area.name) is",
                highlightClass: MapSVG.fillClass(for: registry.careModels(covering: area.code)) + " vg-focus"
            )
        }
    }
}

enum PlacePage {
    /// An ICB or a region: its areas and the vanguards that worked in them.
    struct Model {
        let kind: String
        let code: String
        let name: String
        let parent: (name: String, url: SiteURL)?
        let areas: [(area: SubICBLocation, vanguards: [Vanguard])]
        let children: [(name: String, url: SiteURL, areas: Int)]

        var vanguards: [Vanguard] {
            Array(Set(areas.flatMap(\.vanguards))).sorted { $0.number < $1.number }
        }

        init(icb: IntegratedCareBoard, registry: Registry) {
            kind = "Integrated care board"
            code = icb.code
            name = icb.name
            parent = registry.region(code: icb.regionCode).map { ($0.name, SiteURL.region($0.code)) }
            areas = registry.areas(in: icb.code).map { ($0, registry.vanguards(covering: $0.code)) }
            children = []
        }

        init(region: NHSRegion, registry: Registry) {
            kind = "NHS England region"
            code = region.code
            name = region.name
            parent = nil
            let icbs = registry.icbs(in: region.code)
            areas = icbs.flatMap { registry.areas(in: $0.code) }.sorted { $0.name < $1.name }.map {
                ($0, registry.vanguards(covering: $0.code))
            }
            children = icbs.map { ($0.shortName, SiteURL.icb($0.code), registry.areas(in: $0.code).count) }
        }
    }
}
