import Foundation
import VanguardCore

/// Maps drawn on the server as SVG from the stored, already simplified outlines.
///
/// Paths are in tenths of a kilometre of the British National Grid with north up, so the view box
/// is the only transform; strokes do not scale, so the small maps stay crisp.
enum MapSVG {
    struct Shape {
        let code: String
        let label: String
        let path: String
        let fillClass: String
        let href: String
    }

    struct Drawing {
        let svg: String

        init(shapes: [Shape], bounds: PlaneBounds, title: String) {
            var svg = """
                <svg xmlns="http://www.w3.org/2000/svg" class="vg-map__svg" viewBox="\(Self.number(bounds.minX)) \(Self.number(bounds.minY)) \(Self.number(bounds.width)) \(Self.number(bounds.height))" role="img" aria-labelledby="map-title"><title id="map-title">\(title.escapedForXML)</title>
                """
            for shape in shapes {
                svg +=
                    "<a href=\"\(shape.href.escapedForXML)\"><path class=\"vg-area \(shape.fillClass)\" data-code=\"\(shape.code)\" d=\"\(shape.path)\"><title>\(shape.label.escapedForXML)</title></path></a>"
            }
            svg += "</svg>"
            self.svg = svg
        }

        static func number(_ value: Double) -> String {
            String(format: "%.1f", value)
        }

        /// England by sub-ICB location, shaded by the care models covering each (only `careModel` when given).
        static func national(registry: Registry, boundaries: [String: AreaBoundary], careModel: CareModel?) -> Drawing? {
            let shapes = registry.areas.compactMap { area -> Shape? in
                guard let boundary = boundaries[area.code] else { return nil }
                let models = MapSVG.models(covering: area.code, registry: registry, only: careModel)
                return Shape(
                    code: area.code, label: MapSVG.label(for: area, models: models, registry: registry, only: careModel),
                    path: boundary.svgPath, fillClass: MapSVG.fillClass(for: models), href: SiteURL.area(area.code).path
                )
            }
            let bounds = boundaries.values.map(\.bounds).reduce(nil) { $0?.union($1) ?? $1 }
            guard let bounds, !shapes.isEmpty else { return nil }
            return Drawing(
                shapes: shapes, bounds: bounds.padded(by: 0.01),
                title: "Map of England by sub-ICB location" + (careModel.map { ", \($0.name)" } ?? ""))
        }

        /// The given areas highlighted with their neighbours around them for context.
        static func focused(
            on codes: Set<String>, registry: Registry, boundaries: [String: AreaBoundary], title: String, highlightClass: String
        ) -> Drawing? {
            focused(
                classes: Dictionary(uniqueKeysWithValues: codes.map { ($0, highlightClass) }), registry: registry, boundaries: boundaries,
                title: title)
        }

        /// Areas highlighted each with its own class (e.g. where an innovation began and where it was adopted).
        static func focused(
            classes: [String: String], registry: Registry, boundaries: [String: AreaBoundary], title: String
        ) -> Drawing? {
            let codes = Set(classes.keys)
            guard let focus = codes.compactMap({ boundaries[$0]?.bounds }).reduce(nil, { $0?.union($1) ?? $1 }) else { return nil }
            var view = focus.padded(by: 0.15)
            // Keep very small footprints readable: never zoom in closer than 60 km across.
            let minimum = 60.0
            if view.width < minimum {
                let grow = (minimum - view.width) / 2
                view = PlaneBounds(minX: view.minX - grow, minY: view.minY, maxX: view.maxX + grow, maxY: view.maxY)
            }
            if view.height < minimum {
                let grow = (minimum - view.height) / 2
                view = PlaneBounds(minX: view.minX, minY: view.minY - grow, maxX: view.maxX, maxY: view.maxY + grow)
            }
            let shapes = registry.areas.compactMap { area -> Shape? in
                guard let boundary = boundaries[area.code], boundary.bounds.intersects(view) else { return nil }
                let isFocus = codes.contains(area.code)
                return Shape(
                    code: area.code, label: area.name, path: boundary.svgPath,
                    fillClass: isFocus ? classes[area.code]! : "vg-fill--context", href: SiteURL.area(area.code).path
                )
            }
            // Highlighted areas last, so their outlines sit on top of their neighbours'.
            let ordered = shapes.filter { !codes.contains($0.code) } + shapes.filter { codes.contains($0.code) }
            return Drawing(shapes: ordered, bounds: view, title: title)
        }
    }

    static func models(covering code: String, registry: Registry, only careModel: CareModel?) -> [CareModel] {
        registry.careModels(covering: code).filter { careModel == nil || $0 == careModel }
    }

    static func fillClass(for models: [CareModel]) -> String {
        switch models.count {
        case 0: "vg-fill--none"
        case 1: "vg-fill--\(models[0].rawValue)"
        default: "vg-fill--multi"
        }
    }

    static func label(for area: SubICBLocation, models: [CareModel], registry: Registry, only careModel: CareModel?) -> String {
        let vanguards = registry.vanguards(covering: area.code).filter { careModel == nil || $0.careModel == careModel }
        if vanguards.isEmpty { return "\(area.name): no vanguard" }
        return "\(area.name): " + vanguards.map { "\($0.name) (\($0.careModel.abbreviation))" }.joined(separator: "; ")
    }
}

extension PlaneBounds {
    func intersects(_ other: PlaneBounds) -> Bool {
        minX <= other.maxX && maxX >= other.minX && minY <= other.maxY && maxY >= other.minY
    }
}

extension String {
    /// Text made safe to place inside XML or HTML, in content or a quoted attribute.
    var escapedForXML: String {
        XMLText.escape(self)
    }
}
