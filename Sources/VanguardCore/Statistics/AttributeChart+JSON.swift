import Foundation

/// The chart request and answer of `POST /api/v1/spc` and `vanguard spc` for every chart but XmR:
/// `{"chart": "run|p|u|pp|up", "values": [...]}` or `"numerators"` and `"denominators"` (null for a
/// missing point), with optional `freeze`, `rebase_points`, `exclude` (0-based indices), `multiply`
/// and `screen_moving_ranges`. Each refusal names the field.
extension AttributeChart {
    struct Request: Decodable {
        let chart: String
        let values: [Double?]?
        let numerators: [Double?]?
        let denominators: [Double?]?
        let freeze: Int?
        let rebasePoints: [Int]?
        let exclude: [Int]?
        let multiply: Double?
        let screenMovingRanges: Bool?

        enum CodingKeys: String, CodingKey {
            case chart, values, numerators, denominators, freeze, exclude, multiply
            case rebasePoints = "rebase_points"
            case screenMovingRanges = "screen_moving_ranges"
        }
    }

    /// Far more months than any series has; small enough that every loop and sum stays cheap.
    public static let maximumPoints = 10_000

    public static func input(fromJSON data: Data) throws(XmRRequestError) -> Input {
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: data)
        } catch {
            throw XmRRequestError(decoding: error)
        }
        guard let kind = Kind(rawValue: request.chart) else {
            throw XmRRequestError(reason: "chart must be one of xmr, \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let numerators: [Double?]
        let denominators = request.denominators
        if let values = request.values {
            guard kind == .run else { throw XmRRequestError(reason: "values: a \(kind.rawValue) chart takes numerators and denominators") }
            guard request.numerators == nil, request.denominators == nil else {
                throw XmRRequestError(reason: "values: give values, or numerators and denominators, not both")
            }
            numerators = values
        } else if let given = request.numerators {
            guard denominators != nil else { throw XmRRequestError(reason: "denominators is required with numerators") }
            numerators = given
        } else {
            throw XmRRequestError(reason: kind == .run ? "values (or numerators and denominators) is required" : "numerators is required")
        }
        let field = request.values == nil ? "numerators" : "values"
        guard numerators.count <= maximumPoints else {
            throw XmRRequestError(reason: "\(field) has \(numerators.count) points; at most \(maximumPoints) are charted")
        }
        try XmRChart.checkMagnitude(numerators, field: field)
        try XmRChart.checkMagnitude(denominators ?? [], field: "denominators")
        let count = numerators.count
        if let freeze = request.freeze, !(1...max(count, 1)).contains(freeze) {
            throw XmRRequestError(reason: "freeze must be a number of leading points from 1 to \(count)")
        }
        for (name, indices) in [("rebase_points", request.rebasePoints ?? []), ("exclude", request.exclude ?? [])] {
            if let position = indices.firstIndex(where: { !(0..<count).contains($0) }) {
                throw XmRRequestError(reason: "\(name)[\(position)] must be a 0-based index from 0 to \(count - 1)")
            }
        }
        let multiply = request.multiply ?? 1
        guard multiply.isFinite, multiply > 0, multiply <= 1_000_000 else {
            throw XmRRequestError(reason: "multiply must be a number above 0, at most 1,000,000")
        }
        return Input(
            kind: kind, numerators: numerators, denominators: denominators, freeze: request.freeze, partStarts: request.rebasePoints ?? [],
            exclude: request.exclude ?? [], multiply: multiply, screenMovingRanges: request.screenMovingRanges ?? true)
    }
}

extension AttributeChart: Encodable {
    enum CodingKeys: String, CodingKey {
        case chart, parts, points
        case runsSignal = "runs_signal"
        case sigmaSignals = "sigma_signals"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .chart)
        try container.encode(runsSignal, forKey: .runsSignal)
        try container.encode(kind.hasLimits ? sigmaSignals : nil, forKey: .sigmaSignals)
        try container.encode(parts, forKey: .parts)
        try container.encode(points.map { PointJSON(point: $0, hasLimits: kind.hasLimits) }, forKey: .points)
    }

    /// One point as the API writes it; a run chart has no sigma signal, so it is null there.
    struct PointJSON: Encodable {
        let point: Point
        let hasLimits: Bool

        enum CodingKeys: String, CodingKey {
            case value, centre, lcl, ucl, part, side
            case lcl95 = "lcl_95", ucl95 = "ucl_95", sigmaSignal = "sigma_signal", runsSignal = "runs_signal"
            case baseline, included
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(point.value, forKey: .value)
            try container.encode(point.centre, forKey: .centre)
            try container.encode(point.lcl, forKey: .lcl)
            try container.encode(point.ucl, forKey: .ucl)
            try container.encode(point.lcl95, forKey: .lcl95)
            try container.encode(point.ucl95, forKey: .ucl95)
            try container.encode(hasLimits ? point.sigmaSignal : nil, forKey: .sigmaSignal)
            try container.encode(point.runsSignal, forKey: .runsSignal)
            try container.encode(point.part, forKey: .part)
            try container.encode(point.isBaseline, forKey: .baseline)
            try container.encode(point.isIncluded, forKey: .included)
            try container.encode(point.side, forKey: .side)
        }
    }
}

extension AttributeChart.Part: Encodable {
    enum CodingKeys: String, CodingKey {
        case part, centre, crossings, laney
        case startIndex = "start_index", endIndex = "end_index", observations = "n_obs", usefulObservations = "n_useful"
        case longestRun = "longest_run", longestRunMax = "longest_run_max", crossingsMin = "crossings_min"
        case runsSignal = "runs_signal", sigmaSignals = "sigma_signals", averageLCL = "average_lcl", averageUCL = "average_ucl"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .part)
        try container.encode(startIndex, forKey: .startIndex)
        try container.encode(endIndex, forKey: .endIndex)
        try container.encode(observations, forKey: .observations)
        try container.encode(usefulObservations, forKey: .usefulObservations)
        try container.encode(centre, forKey: .centre)
        try container.encode(longestRun, forKey: .longestRun)
        try container.encode(longestRunMax, forKey: .longestRunMax)
        try container.encode(crossings, forKey: .crossings)
        try container.encode(crossingsMin, forKey: .crossingsMin)
        try container.encode(runsSignal, forKey: .runsSignal)
        try container.encode(sigmaSignals, forKey: .sigmaSignals)
        try container.encode(averageLCL, forKey: .averageLCL)
        try container.encode(averageUCL, forKey: .averageUCL)
        try container.encode(laney, forKey: .laney)
    }
}

extension AttributeChart.Laney: Encodable {
    enum CodingKeys: String, CodingKey {
        case averageMovingRange = "average_moving_range", sigmaZ = "sigma_z", movingRanges = "moving_ranges"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(averageMovingRange, forKey: .averageMovingRange)
        try container.encode(sigmaZ, forKey: .sigmaZ)
        try container.encode(movingRanges, forKey: .movingRanges)
    }
}
