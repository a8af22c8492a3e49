import Foundation

/// What an XmR chart is asked to compute (the fields of a conformance case).
public struct XmRInput: Codable, Sendable, Equatable {
    /// The series in date order; `nil` marks a missing month.
    public var values: [Double?]
    public var improvementDirection: ImprovementDirection
    public var target: Double?
    /// 0-based indices at which a new rebase group starts.
    public var rebasePoints: [Int]?
    public var screenOutliers: Bool?
    public var fixAfterNPoints: Int?

    public init(
        values: [Double?], improvementDirection: ImprovementDirection = .increase, target: Double? = nil, rebasePoints: [Int]? = nil,
        screenOutliers: Bool? = nil, fixAfterNPoints: Int? = nil
    ) {
        self.values = values
        self.improvementDirection = improvementDirection
        self.target = target
        self.rebasePoints = rebasePoints
        self.screenOutliers = screenOutliers
        self.fixAfterNPoints = fixAfterNPoints
    }

    enum CodingKeys: String, CodingKey {
        case values, target
        case improvementDirection = "improvement_direction"
        case rebasePoints = "rebase_points"
        case screenOutliers = "screen_outliers"
        case fixAfterNPoints = "fix_after_n_points"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decode([Double?].self, forKey: .values)
        improvementDirection = try container.decodeIfPresent(ImprovementDirection.self, forKey: .improvementDirection) ?? .increase
        target = try container.decodeIfPresent(Double.self, forKey: .target)
        rebasePoints = try container.decodeIfPresent([Int].self, forKey: .rebasePoints)
        screenOutliers = try container.decodeIfPresent(Bool.self, forKey: .screenOutliers)
        fixAfterNPoints = try container.decodeIfPresent(Int.self, forKey: .fixAfterNPoints)
    }
}

/// A chart request that cannot be read.
public struct XmRRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }

    public init(reason: String) {
        self.reason = reason
    }

    /// Why a chart request's JSON could not be read, naming the field where there is one.
    init(decoding error: any Error) {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined()
            return text.isEmpty ? "the body" : text
        }
        switch error {
        case DecodingError.keyNotFound(let key, _):
            reason = "\(key.stringValue) is required"
        case DecodingError.typeMismatch(_, let context):
            reason = "\(path(context.codingPath)) has the wrong type: \(context.debugDescription)"
        case DecodingError.valueNotFound(_, let context):
            reason = "\(path(context.codingPath)) may not be null"
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
            reason = "the body is not valid JSON (\(detail))"
        case DecodingError.dataCorrupted(let context):
            reason = "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            reason = "the body is not valid JSON"
        }
    }
}

/// Why a chart cannot be computed.
public enum XmRError: Error, Equatable, Sendable, CustomStringConvertible {
    case noValues
    case fixAfterTooSmall(Int)
    case notFinite(index: Int)
    /// NHSRplotthedots stops here too ("missing value where TRUE/FALSE needed"): a gap inside a
    /// window where a seven-point trend could form has no defined answer.
    case missingValueInTrendWindow(index: Int)

    public var description: String {
        switch self {
        case .noValues: "values must hold at least one number"
        case .fixAfterTooSmall(let n): "fix_after_n_points must be at least 12 (got \(n))"
        case .notFinite(let index): "values[\(index)] is not a finite number"
        case .missingValueInTrendWindow(let index):
            "values has a gap near index \(index) inside a run where a 7-point trend could form; fill the gap or leave the month out"
        }
    }
}

/// A Making Data Count XmR chart, computed exactly as NHSRplotthedots 0.2.2 does (see SPEC.md in
/// the test fixtures): limits per rebase group, the four special-cause rules, point types, icons.
public struct XmRChart: Codable, Sendable, Equatable {
    public struct Group: Codable, Sendable, Equatable {
        public let rebaseGroup: Int
        public let startIndex: Int
        public let endIndex: Int
        public let n: Int
        public let mean: Double?
        public let amr: Double?
        public let lpl: Double?
        public let upl: Double?
        public let nlpl: Double?
        public let nupl: Double?
        public let shortGroupWarning: Bool

        enum CodingKeys: String, CodingKey {
            case n, mean, amr, lpl, upl, nlpl, nupl
            case rebaseGroup = "rebase_group"
            case startIndex = "start_index"
            case endIndex = "end_index"
            case shortGroupWarning = "short_group_warning"
        }

        /// Absent numbers are written as null, as the reference writes R's NA.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rebaseGroup, forKey: .rebaseGroup)
            try container.encode(startIndex, forKey: .startIndex)
            try container.encode(endIndex, forKey: .endIndex)
            try container.encode(n, forKey: .n)
            try container.encode(mean, forKey: .mean)
            try container.encode(amr, forKey: .amr)
            try container.encode(lpl, forKey: .lpl)
            try container.encode(upl, forKey: .upl)
            try container.encode(nlpl, forKey: .nlpl)
            try container.encode(nupl, forKey: .nupl)
            try container.encode(shortGroupWarning, forKey: .shortGroupWarning)
        }
    }

    /// Per-point columns, as the reference reports them.
    public struct Points: Codable, Sendable, Equatable {
        public var mean: [Double?] = []
        public var lpl: [Double?] = []
        public var upl: [Double?] = []
        public var outsideLimits: [Bool?] = []
        public var relativeToMean: [Double?] = []
        public var closeToLimits: [Bool?] = []
        public var specialCauseType: [String] = []
        public var specialCauseFlag: [Bool] = []
        public var pointType: [String] = []

        enum CodingKeys: String, CodingKey {
            case mean, lpl, upl
            case outsideLimits = "outside_limits"
            case relativeToMean = "relative_to_mean"
            case closeToLimits = "close_to_limits"
            case specialCauseType = "special_cause_type"
            case specialCauseFlag = "special_cause_flag"
            case pointType = "point_type"
        }
    }

    /// The current limits: those of the last rebase group.
    public let mean: Double?
    public let lpl: Double?
    public let upl: Double?
    public let groups: [Group]
    public let points: Points
    public let variationIcon: String
    public let assuranceType: String?
    public let assuranceIcon: String?
    public let warnings: [String]?

    enum CodingKeys: String, CodingKey {
        case mean, lpl, upl, groups, points, warnings
        case variationIcon = "variation_icon"
        case assuranceType = "assurance_type"
        case assuranceIcon = "assurance_icon"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(lpl, forKey: .lpl)
        try container.encode(upl, forKey: .upl)
        try container.encode(groups, forKey: .groups)
        try container.encode(points, forKey: .points)
        try container.encode(variationIcon, forKey: .variationIcon)
        try container.encode(assuranceType, forKey: .assuranceType)
        try container.encode(assuranceIcon, forKey: .assuranceIcon)
        try container.encode(warnings, forKey: .warnings)
    }

    /// Reads a chart request from JSON, with errors a person can act on.
    public static func input(fromJSON data: Data) throws(XmRRequestError) -> XmRInput {
        let input: XmRInput
        do {
            input = try JSONDecoder().decode(XmRInput.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.last?.stringValue == "improvement_direction" {
            throw XmRRequestError(reason: "improvement_direction must be one of increase, decrease, neutral")
        } catch {
            throw XmRRequestError(decoding: error)
        }
        try checkMagnitude(input.values, field: "values")
        return input
    }

    /// Limits are the mean plus 2.66 moving ranges: values near Double's largest would make them
    /// infinite, which JSON cannot carry. No measure of care comes near this bound.
    static func checkMagnitude(_ values: [Double?], field: String) throws(XmRRequestError) {
        if let index = values.firstIndex(where: { $0.map { abs($0) > largestValue } ?? false }) {
            throw XmRRequestError(reason: "\(field)[\(index)] is larger than \(largestValue) in size; no measure of care comes near it")
        }
    }

    public static let largestValue = 1e15
    public static let limit = 2.66
    public static let limitClose = 2 * (limit / 3)
    public static let screeningFactor = 3.267
    public static let shortGroupWarningText =
        "Some groups have 'n < 12' observations. These have trial limits, which will be revised with each additional observation until 'n = fix_after_n_points' has been reached."

    public init(_ input: XmRInput) throws(XmRError) {
        let values = input.values
        guard !values.isEmpty else { throw .noValues }
        if let index = values.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) { throw .notFinite(index: index) }
        if let fix = input.fixAfterNPoints, fix < 12 { throw .fixAfterTooSmall(fix) }
        let direction = input.improvementDirection.sign

        // Each rebase point that falls on a row starts a new group.
        let starts = Set((input.rebasePoints ?? []).filter { $0 >= 0 && $0 < values.count })
        var groupRanges: [(id: Int, range: Range<Int>)] = []
        var groupID = starts.contains(0) ? 1 : 0
        var start = 0
        for index in 1..<max(values.count, 1) where starts.contains(index) {
            groupRanges.append((groupID, start..<index))
            groupID += 1
            start = index
        }
        groupRanges.append((groupID, start..<values.count))

        var groups: [Group] = []
        var points = Points()
        for (id, range) in groupRanges {
            let y = Array(values[range])
            let group = Self.limits(of: y, id: id, range: range, screen: input.screenOutliers ?? true, fixAfter: input.fixAfterNPoints)
            groups.append(group)
            let columns = try Self.rules(y: y, group: group, direction: direction, offset: range.lowerBound)
            points.mean += Array(repeating: group.mean, count: y.count)
            points.lpl += Array(repeating: group.lpl, count: y.count)
            points.upl += Array(repeating: group.upl, count: y.count)
            points.outsideLimits += columns.outside
            points.relativeToMean += columns.rtm
            points.closeToLimits += columns.close
            points.specialCauseType += columns.labels
            points.specialCauseFlag += columns.labels.map { $0 != "Common Cause" }
            points.pointType += columns.types
        }
        let last = groups[groups.count - 1]
        mean = last.mean
        lpl = last.lpl
        upl = last.upl
        self.groups = groups
        self.points = points
        variationIcon = Self.variationIcon(
            lastPointType: points.pointType[points.pointType.count - 1], direction: input.improvementDirection)
        assuranceType = Self.assurance(target: input.target, lpl: last.lpl, upl: last.upl, direction: input.improvementDirection)
        assuranceIcon = assuranceType.map { type in
            switch type {
            case "consistent_pass": "pass"
            case "consistent_fail": "fail"
            default: "inconsistent"
            }
        }
        warnings = groups.contains(where: \.shortGroupWarning) ? [Self.shortGroupWarningText] : nil
    }

    /// Convenience columns the conformance cases repeat at the top level.
    public var specialCauseFlags: [Bool] { points.specialCauseFlag }
    public var pointTypes: [String] { points.pointType }

    // MARK: - Limits

    static func limits(of y: [Double?], id: Int, range: Range<Int>, screen: Bool, fixAfter: Int?) -> Group {
        let fixed: [Double?] = y.enumerated().map { index, value in
            if let fixAfter, index >= fixAfter { return nil }
            return value
        }
        let mean = RMean.mean(fixed.compactMap { $0 })
        var movingRanges: [Double] = []
        for index in fixed.indices.dropFirst() {
            if let current = fixed[index], let previous = fixed[index - 1] { movingRanges.append(abs(current - previous)) }
        }
        var amr = RMean.mean(movingRanges)
        if screen, let unscreened = amr {
            amr = RMean.mean(movingRanges.filter { $0 < screeningFactor * unscreened })
        }
        func line(_ factor: Double) -> Double? {
            guard let mean, let amr else { return nil }
            return mean + factor * amr
        }
        return Group(
            rebaseGroup: id, startIndex: range.lowerBound, endIndex: range.upperBound - 1, n: y.count, mean: mean, amr: amr,
            lpl: line(-limit), upl: line(limit), nlpl: line(-limitClose), nupl: line(limitClose), shortGroupWarning: y.count < 13
        )
    }

    // MARK: - Rules

    struct Columns {
        var outside: [Bool?] = []
        var rtm: [Double?] = []
        var close: [Bool?] = []
        var labels: [String] = []
        var types: [String] = []
    }

    static func rules(y: [Double?], group: Group, direction: Int, offset: Int) throws(XmRError) -> Columns {
        var columns = Columns()
        for value in y {
            guard let value, let lpl = group.lpl, let upl = group.upl, let nlpl = group.nlpl, let nupl = group.nupl else {
                columns.outside.append(nil)
                columns.close.append(nil)
                columns.rtm.append(value.flatMap { value in group.mean.map { Self.sign(value - $0) } })
                continue
            }
            let outside = value > upl || value < lpl
            columns.outside.append(outside)
            columns.close.append(!outside && (value < nlpl || value > nupl))
            columns.rtm.append(group.mean.map { Self.sign(value - $0) })
        }
        let trend = try partOfSeven(sevenPointTrend(y, offset: offset))
        let shift = partOfSeven(sevenPointOneSideMean(columns.rtm))
        let twoInThree = partOfTwoInThree(twoInThree(close: columns.close, rtm: columns.rtm), close: columns.close)
        for index in y.indices {
            let rtm = columns.rtm[index] ?? 0
            let label: String
            if columns.outside[index] == true {
                label = rtm == 1 ? "Above UCL" : "Below LCL"
            } else if trend[index] {
                // The direction follows the next point when it is part of the trend too, else the previous one.
                var slope: Double? = 0
                if index + 1 < y.count, trend[index + 1] {
                    slope = difference(y[index + 1], y[index])
                } else if index > 0 {
                    slope = difference(y[index], y[index - 1])
                }
                label = slope == 1 ? "7 Point Trend (Increasing)" : "7 Point Trend (Decreasing)"
            } else if twoInThree[index] {
                label = rtm > 0 ? "2 in 3 Above CL" : "2 in 3 Below CL"
            } else if shift[index] {
                label = rtm > 0 ? "7 Points Above CL" : "7 Points Below CL"
            } else {
                label = "Common Cause"
            }
            columns.labels.append(label)
            columns.types.append(pointType(label: label, direction: direction))
        }
        return columns
    }

    static func sign(_ value: Double) -> Double {
        value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    static func difference(_ later: Double?, _ earlier: Double?) -> Double? {
        guard let later, let earlier else { return nil }
        return sign(later - earlier)
    }

    /// +1 where the 7 points ending here all rise, −1 where they all fall (`ptd_seven_point_trend`).
    static func sevenPointTrend(_ y: [Double?], offset: Int = 0) throws(XmRError) -> [Int] {
        guard y.count >= 7 else { return Array(repeating: 0, count: y.count) }
        var markers = Array(repeating: 0, count: y.count)
        for index in 6..<y.count {
            let steps = (index - 5...index).map { difference(y[$0], y[$0 - 1]) }
            for wanted in [1.0, -1.0] {
                // R's all(): false as soon as one known step differs; unknown (and R stops) if a gap remains.
                if steps.contains(where: { $0 != nil && $0 != wanted }) { continue }
                if steps.contains(where: { $0 == nil }) { throw .missingValueInTrendWindow(index: offset + index) }
                markers[index] = Int(wanted)
                break
            }
        }
        return markers
    }

    /// Marks the 7th point of 7 on one side of the mean (`ptd_seven_point_one_side_mean`).
    static func sevenPointOneSideMean(_ rtm: [Double?]) -> [Int] {
        rtm.indices.map { index in
            guard index >= 6, let side = rtm[index], side != 0 else { return 0 }
            return (index - 6..<index).allSatisfy { rtm[$0] == side } ? 1 : 0
        }
    }

    /// A point is part of a run when a marker sits on it or on any of the next six (`ptd_part_of_seven_trend`).
    static func partOfSeven(_ markers: [Int]) -> [Bool] {
        markers.indices.map { index in
            (index..<min(index + 7, markers.count)).contains { markers[$0] != 0 }
        }
    }

    /// Whether a point lies in a window of 3 with at least 2 close to the limits, all on one side (`ptd_two_in_three`).
    static func twoInThree(close: [Bool?], rtm: [Double?]) -> [Bool] {
        func qualifies(_ start: Int) -> Bool {
            guard start >= 0, start + 2 < close.count else { return false }
            let window = start...start + 2
            guard window.allSatisfy({ close[$0] != nil && rtm[$0] != nil }) else { return false }
            let closeCount = window.filter { close[$0] == true }.count
            let side = window.reduce(0.0) { $0 + (rtm[$1] ?? 0) }
            return closeCount >= 2 && abs(side) == 3
        }
        return close.indices.map { index in qualifies(index - 2) || qualifies(index - 1) || qualifies(index) }
    }

    /// Only the close points of a qualifying window are flagged (`ptd_part_of_two_in_three`).
    static func partOfTwoInThree(_ windows: [Bool], close: [Bool?]) -> [Bool] {
        windows.indices.map { windows[$0] && close[$0] == true }
    }

    static func pointType(label: String, direction: Int) -> String {
        let v =
            label.contains("Above") || label.contains("Increasing") ? 1 : (label.contains("Below") || label.contains("Decreasing") ? -1 : 0)
        if label == "Common Cause" || v == 0 { return "common_cause" }
        if direction == 0 { return v > 0 ? "special_cause_neutral_high" : "special_cause_neutral_low" }
        return v * direction > 0 ? "special_cause_improvement" : "special_cause_concern"
    }

    // MARK: - Icons

    static func variationIcon(lastPointType: String, direction: ImprovementDirection) -> String {
        switch (lastPointType, direction) {
        case ("special_cause_improvement", .increase): "improvement_high"
        case ("special_cause_improvement", _): "improvement_low"
        case ("special_cause_concern", .increase): "concern_low"
        case ("special_cause_concern", _): "concern_high"
        case ("special_cause_neutral_high", _): "neutral_high"
        case ("special_cause_neutral_low", _): "neutral_low"
        default: "common_cause"
        }
    }

    static func assurance(target: Double?, lpl: Double?, upl: Double?, direction: ImprovementDirection) -> String? {
        guard let target, direction != .neutral else { return nil }
        if let upl, target > upl { return direction == .increase ? "consistent_fail" : "consistent_pass" }
        if let lpl, target < lpl { return direction == .increase ? "consistent_pass" : "consistent_fail" }
        return "inconsistent"
    }
}
