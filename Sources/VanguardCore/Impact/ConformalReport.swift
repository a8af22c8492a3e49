/// Conformal inference for one counterfactual as `vanguard impact sdid` prints it (with
/// `conformal_level`): the moving-block p-value of no effect in any period from the treatment on,
/// and each such period's effect with the interval of effects its test does not reject.
public struct ConformalReport: Encodable, Sendable, Equatable {
    public struct Period: Encodable, Sendable, Equatable {
        public let time: Int
        public let effect: Double
        public let lower: Double
        public let upper: Double
        /// The p-value of no effect in this period alone.
        public let pValue: Double

        enum CodingKeys: String, CodingKey {
            case time, effect, lower, upper
            case pValue = "p_value"
        }
    }

    public let level: Double
    public let pValue: Double
    /// nil, with the reason, when some period has no interval at this level.
    public let periods: [Period]?
    public let reason: String?

    enum CodingKeys: String, CodingKey {
        case level, periods, reason
        case pValue = "p_value"
    }

    init(_ inference: ConformalInference, times: [Int], level: Double) {
        self.level = level
        pValue = inference.pValue(effects: [0])
        let postTimes = times[inference.prePeriodCount...]
        if let intervals = inference.searchedIntervals(level: level) {
            periods = zip(postTimes, intervals).map {
                Period(time: $0, effect: $1.estimate, lower: $1.lower, upper: $1.upper, pValue: $1.pValue)
            }
            reason = nil
        } else {
            periods = nil
            let pre = inference.prePeriodCount
            reason =
                Double(pre + 1) * (1 - level) < 1
                ? "with \(pre) periods before the treatment the smallest p-value a period's test can give is 1/\(pre + 1), so it cannot reject at this level"
                : "a period's test rejects that period's own estimate, so it has no interval at this level"
        }
    }
}
