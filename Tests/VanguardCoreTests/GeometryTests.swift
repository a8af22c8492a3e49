import Foundation
import Testing

@testable import VanguardCore

@Suite struct GeometryTests {
    @Test func pointsOnAStraightLineCollapseToItsEnds() {
        let line = (0...10).map { PlanePoint(x: Double($0) * 100, y: 0) }
        let simplified = LineSimplification.simplified(polyline: line, tolerance: 1)
        #expect(simplified == [PlanePoint(x: 0, y: 0), PlanePoint(x: 1000, y: 0)])
    }

    @Test func aBumpLargerThanTheToleranceIsKept() {
        let line = [PlanePoint(x: 0, y: 0), PlanePoint(x: 500, y: 300), PlanePoint(x: 1000, y: 0)]
        #expect(LineSimplification.simplified(polyline: line, tolerance: 299).count == 3)
        #expect(LineSimplification.simplified(polyline: line, tolerance: 301).count == 2)
    }

    @Test(arguments: [50.0, 200.0, 800.0])
    func everyDroppedPointLiesWithinTheToleranceOfTheResult(tolerance: Double) {
        // setup: a wobbly ring, deterministic
        let ring =
            (0..<400).map { index -> PlanePoint in
                let angle = Double(index) / 400 * 2 * Double.pi
                let radius = 10_000 + 400 * sin(angle * 17) + 150 * cos(angle * 41)
                return PlanePoint(x: radius * cos(angle), y: radius * sin(angle))
            } + [PlanePoint(x: 10_150, y: 0)]
        // MUT
        let simplified = LineSimplification.simplified(ring: ring, tolerance: tolerance)
        // validate
        #expect(simplified.count < ring.count)
        #expect(simplified.first == ring.first && simplified.last == ring.last)
        for point in ring {
            let nearest =
                zip(simplified, simplified.dropFirst()).map {
                    LineSimplification.squaredDistance(from: point, toSegment: $0, $1).squareRoot()
                }.min() ?? .infinity
            #expect(nearest <= tolerance + 1e-9)
        }
    }

    @Test func svgPathUsesRelativeMovesInTenthsOfAKilometreNorthUp() {
        let square = AreaShape(
            code: "E38000001",
            rings: [
                [
                    PlanePoint(x: 0, y: 0), PlanePoint(x: 1000, y: 0), PlanePoint(x: 1000, y: 1050), PlanePoint(x: 0, y: 1000),
                    PlanePoint(x: 0, y: 0),
                ]
            ])
        #expect(square.svgPath == "M0 0l1 0l0 -1.1l-1 0.1z")
    }

    @Test func boundaryFileReadsPolygonsAndMultiPolygonsDroppingHoles() throws {
        let data = try Data(contentsOf: ProjectFiles.fixtures.appendingPathComponent("two-areas.geojson"))
        let shapes = try BoundaryFile.shapes(from: data, fileName: "two-areas.geojson", codeProperty: "SICBL22CD")
        #expect(shapes.map(\.code) == ["E38000001", "E38000002"])
        #expect(shapes[0].rings.count == 1)
        #expect(shapes[0].rings[0].count == 5)
        #expect(shapes[1].rings.count == 2)
        #expect(shapes[1].bounds == PlaneBounds(minX: 2000, minY: 0, maxX: 4500, maxY: 1000))
    }

    @Test func boundaryFileRejectsOtherGeometry() {
        let data = Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"SICBL22CD":"E38000001"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#
                .utf8)
        let error = #expect(throws: DataFileError.self) {
            try BoundaryFile.shapes(from: data, fileName: "bad.geojson", codeProperty: "SICBL22CD")
        }
        #expect(error?.file == "bad.geojson")
        #expect(error?.reason.contains("Point is not a Polygon or MultiPolygon") == true)
    }

    @Test func areaBoundaryBoundsAreInKilometresNorthUp() {
        let shape = AreaShape(
            code: "x",
            rings: [
                [
                    PlanePoint(x: 300_000, y: 400_000), PlanePoint(x: 310_000, y: 400_000), PlanePoint(x: 310_000, y: 420_000),
                    PlanePoint(x: 300_000, y: 400_000),
                ]
            ])
        #expect(AreaBoundary(shape).bounds == PlaneBounds(minX: 300, minY: -420, maxX: 310, maxY: -400))
    }
}
