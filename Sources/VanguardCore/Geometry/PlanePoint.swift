/// A point in a planar grid such as the British National Grid (metres east and north).
public struct PlanePoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in the same grid.
public struct PlaneBounds: Hashable, Sendable, Codable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public init?(points: some Sequence<PlanePoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var bounds = PlaneBounds(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let point = iterator.next() {
            bounds.minX = min(bounds.minX, point.x)
            bounds.minY = min(bounds.minY, point.y)
            bounds.maxX = max(bounds.maxX, point.x)
            bounds.maxY = max(bounds.maxY, point.y)
        }
        self = bounds
    }

    public func union(_ other: PlaneBounds) -> PlaneBounds {
        PlaneBounds(
            minX: min(minX, other.minX), minY: min(minY, other.minY),
            maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY)
        )
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }

    /// The rectangle grown by `fraction` of its larger side on every edge.
    public func padded(by fraction: Double) -> PlaneBounds {
        let pad = max(width, height) * fraction
        return PlaneBounds(minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad)
    }
}
