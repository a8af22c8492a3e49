import Foundation

/// The outline of one area: its outer rings (islands included), in grid metres.
///
/// Holes are dropped: at the scale of a national map an enclave reads better as part of the area
/// that surrounds it, and its own polygon is drawn on top anyway.
public struct AreaShape: Hashable, Sendable {
    public let code: String
    public let rings: [[PlanePoint]]

    public init(code: String, rings: [[PlanePoint]]) {
        self.code = code
        self.rings = rings
    }

    public var bounds: PlaneBounds? {
        PlaneBounds(points: rings.joined())
    }

    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }

    /// The shape with every ring simplified to `tolerance` metres; rings that collapse below
    /// `minimumExtent` metres across (tiny islets) are left out.
    public func simplified(tolerance: Double, minimumExtent: Double = 0) -> AreaShape {
        let kept = rings.compactMap { ring -> [PlanePoint]? in
            guard let bounds = PlaneBounds(points: ring) else { return nil }
            if max(bounds.width, bounds.height) < minimumExtent { return nil }
            return LineSimplification.simplified(ring: ring, tolerance: tolerance)
        }
        return AreaShape(code: code, rings: kept.isEmpty ? rings.prefix(1).map { $0 } : kept)
    }

    /// An SVG path in kilometres with north up (y = −northing), relative moves to stay small.
    ///
    /// Stored at import so that pages draw maps without any geometry work.
    public var svgPath: String {
        var path = ""
        path.reserveCapacity(pointCount * 8)
        for ring in rings where ring.count > 1 {
            var previous: (Int, Int)? = nil
            for point in ring.dropLast() {
                // Tenths of a kilometre: 100 m is finer than a pixel on a national map.
                let x = Int((point.x / 100).rounded())
                let y = Int((-point.y / 100).rounded())
                if let (px, py) = previous {
                    if x == px && y == py { continue }
                    path += "l\(Self.tenths(x - px)) \(Self.tenths(y - py))"
                } else {
                    path += "M\(Self.tenths(x)) \(Self.tenths(y))"
                }
                previous = (x, y)
            }
            path += "z"
        }
        return path
    }

    static func tenths(_ value: Int) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
