/// Ramer–Douglas–Peucker simplification: keeps the points that stray more than `tolerance`
/// from the line through the points kept either side of them.
///
/// Boundaries are simplified once, at import, so that the map page stays small; a tolerance of
/// a few hundred metres keeps every sub-ICB location recognisable at the scale of England.
public enum LineSimplification {
    /// Simplifies a closed ring. The result is still closed, and keeps at least four points
    /// (a triangle plus the closing point) when the input had them.
    public static func simplified(ring: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard ring.count > 4 else { return ring }
        // Split the ring at the point farthest from its start so that the two halves are open polylines.
        let start = ring[0]
        var farthest = 0
        var farthestDistance = -1.0
        for (index, point) in ring.enumerated() {
            let distance = (point.x - start.x) * (point.x - start.x) + (point.y - start.y) * (point.y - start.y)
            if distance > farthestDistance {
                farthestDistance = distance
                farthest = index
            }
        }
        let first = simplified(polyline: Array(ring[0...farthest]), tolerance: tolerance)
        let second = simplified(polyline: Array(ring[farthest...]), tolerance: tolerance)
        var result = first + second.dropFirst()
        if result.count < 4 {
            let step = max(1, ring.count / 3)
            result = [ring[0], ring[step], ring[min(2 * step, ring.count - 2)], ring[ring.count - 1]]
        }
        return result
    }

    /// Simplifies an open polyline, always keeping both ends.
    public static func simplified(polyline points: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack: [(Int, Int)] = [(0, points.count - 1)]
        let toleranceSquared = tolerance * tolerance
        while let (low, high) = stack.popLast() {
            guard high > low + 1 else { continue }
            var worst = low
            var worstDistance = 0.0
            for index in (low + 1)..<high {
                let distance = squaredDistance(from: points[index], toSegment: points[low], points[high])
                if distance > worstDistance {
                    worstDistance = distance
                    worst = index
                }
            }
            if worstDistance > toleranceSquared {
                keep[worst] = true
                stack.append((low, worst))
                stack.append((worst, high))
            }
        }
        return zip(points, keep).compactMap { $1 ? $0 : nil }
    }

    static func squaredDistance(from point: PlanePoint, toSegment a: PlanePoint, _ b: PlanePoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = 0.0
        if lengthSquared > 0 {
            t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared))
        }
        let px = a.x + t * dx - point.x
        let py = a.y + t * dy - point.y
        return px * px + py * py
    }
}
