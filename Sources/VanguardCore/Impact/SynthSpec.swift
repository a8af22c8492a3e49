import Foundation

/// The analyst's specification of a synthetic-control study, as `vanguard impact synth --spec`
/// reads it (the format of the California reference, `california-paper-spec.json`).
public struct SynthSpec: Sendable, Decodable {
    public struct Period: Sendable, Decodable {
        public let from: Int
        public let to: Int
    }

    public struct PredictorSpec: Sendable, Decodable {
        public let column: String
        public let op: String?
        public let from: Int?
        public let to: Int?
        public let years: [Int]?
    }

    public let panel: String
    public let unit: String
    public let time: String
    public let outcome: String
    public let treated: String
    public let treatmentTime: Int
    public let fit: Period
    public let predictors: [PredictorSpec]?
    public let placebo: Bool?
    /// Leave out placebos whose pre-period RMSPE is more than this multiple of the treated unit's
    /// (ADH 2010 show 20, 5 and 2); absent keeps every placebo.
    public let placeboExcludeAbove: Double?

    enum CodingKeys: String, CodingKey {
        case panel, unit, time, outcome, treated, fit, predictors, placebo
        case treatmentTime = "treatment_time"
        case placeboExcludeAbove = "placebo_exclude_pre_rmspe_above"
    }

    /// Reads the spec, then the panel it names (relative to the spec's folder), and checks both.
    public static func load(specAt url: URL) throws(ImpactError) -> (spec: SynthSpec, study: SyntheticControl) {
        let (spec, panel) = try StudyFile.load(SynthSpec.self, at: url) { ($0.panel, $0.unit, $0.time) }
        return (spec, try spec.study(on: panel))
    }

    /// The study this spec describes on `panel`: every unit other than the treated one is a donor.
    public func study(on panel: Panel) throws(ImpactError) -> SyntheticControl {
        guard fit.from <= fit.to else { throw .invalid("fit", "from \(fit.from) is after to \(fit.to)") }
        let fitTimes = panel.times.filter { (fit.from...fit.to).contains($0) }
        guard !fitTimes.isEmpty else { throw .invalid("fit", "no times of the panel fall in \(fit.from)–\(fit.to)") }
        var predictors: [SyntheticControl.Predictor] = []
        for (index, item) in (self.predictors ?? []).enumerated() {
            guard item.op == nil || item.op == "mean" else {
                throw .invalid("predictors[\(index)].op", "'\(item.op!)' is not supported (mean)")
            }
            let times: [Int]
            let label: String
            if let years = item.years {
                guard item.from == nil, item.to == nil else {
                    throw .invalid("predictors[\(index)]", "give either years or from/to, not both")
                }
                times = years.filter { panel.times.contains($0) }
                label = years.map(String.init).joined(separator: "_")
            } else if let from = item.from, let to = item.to, from <= to {
                times = panel.times.filter { (from...to).contains($0) }
                label = "\(from)_\(to)"
            } else {
                throw .invalid("predictors[\(index)]", "give years, or from and to with from ≤ to")
            }
            guard !times.isEmpty else {
                throw .invalid("predictors[\(index)]", "no times of the panel fall in the period of \(item.column)")
            }
            var name = "\(item.column)_\(label)"
            if predictors.contains(where: { $0.name == name }) { name += "_\(index + 1)" }
            predictors.append(.init(name: name, variable: item.column, times: times))
        }
        guard panel.unitIndex(treated) != nil else { throw .invalid("treated", "'\(treated)' is not a unit of the panel") }
        return try SyntheticControl(
            panel: panel, outcome: outcome, treated: treated, donors: panel.units.filter { $0 != treated }, treatmentTime: treatmentTime,
            fitTimes: fitTimes, predictors: predictors
        )
    }
}

/// What `vanguard impact synth` prints.
public struct SynthReport: Encodable, Sendable {
    public struct Placebo: Encodable, Sendable {
        let ratios: [String: Double]
        let rank: Int
        let pValue: Double

        enum CodingKeys: String, CodingKey {
            case ratios, rank
            case pValue = "p_value"
        }
    }

    let weights: [String: Double]
    let v: [String: Double]
    let mspePre: Double
    let rmspePre: Double
    let att: Double?
    let gaps: [String: Double]
    let placebo: Placebo?

    enum CodingKeys: String, CodingKey {
        case weights, v, att, gaps, placebo
        case mspePre = "mspe_pre"
        case rmspePre = "rmspe_pre"
    }

    public init(fit: SyntheticControl.Fit, placebo: SyntheticControl.PlaceboTest?) {
        weights = Dictionary(uniqueKeysWithValues: fit.weights.map { ($0.unit, $0.weight) })
        v = Dictionary(uniqueKeysWithValues: fit.predictorWeights.map { ($0.name, $0.weight) })
        mspePre = fit.mspePre
        rmspePre = fit.rmspePre
        att = fit.averageEffect
        gaps = Dictionary(uniqueKeysWithValues: fit.gaps.map { (String($0.time), $0.gap) })
        self.placebo = placebo.map { test in
            Placebo(ratios: Dictionary(uniqueKeysWithValues: test.ratios.map { ($0.unit, $0.ratio) }), rank: test.rank, pValue: test.pValue)
        }
    }
}
