import Foundation

/// The analyst's specification of a synthetic difference-in-differences study, as
/// `vanguard impact sdid --spec` reads it: the panel, its unit, time and outcome columns, the
/// treated unit or units, the first treated time, units left out of the donors, and the placebo
/// draws behind the standard errors.
public struct SDIDSpec: Sendable, Decodable {
    public let panel: String
    public let unit: String
    public let time: String
    public let outcome: String
    public let treated: [String]
    public let treatmentTime: Int
    public let exclude: [String]
    public let placeboReplications: Int
    public let seed: UInt64
    /// With a level (0.95, say), conformal inference on top of the SC and SDID counterfactuals.
    public let conformalLevel: Double?

    enum CodingKeys: String, CodingKey {
        case panel, unit, time, outcome, treated, exclude, seed
        case treatmentTime = "treatment_time"
        case placeboReplications = "placebo_replications"
        case conformalLevel = "conformal_level"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        panel = try container.decode(String.self, forKey: .panel)
        unit = try container.decode(String.self, forKey: .unit)
        time = try container.decode(String.self, forKey: .time)
        outcome = try container.decode(String.self, forKey: .outcome)
        // One unit or a list of them.
        if let one = try? container.decode(String.self, forKey: .treated) {
            treated = [one]
        } else {
            treated = try container.decode([String].self, forKey: .treated)
        }
        treatmentTime = try container.decode(Int.self, forKey: .treatmentTime)
        exclude = try container.decodeIfPresent([String].self, forKey: .exclude) ?? []
        placeboReplications = try container.decodeIfPresent(Int.self, forKey: .placeboReplications) ?? 200
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
        conformalLevel = try container.decodeIfPresent(Double.self, forKey: .conformalLevel)
    }

    /// Reads the spec and its panel and builds the design, refusing what cannot be estimated by field.
    public static func load(specAt url: URL) throws(ImpactError) -> (spec: SDIDSpec, study: SDIDStudy) {
        let (spec, panel) = try StudyFile.load(SDIDSpec.self, at: url) { ($0.panel, $0.unit, $0.time) }
        return (spec, try spec.study(on: panel))
    }

    public func study(on panel: Panel) throws(ImpactError) -> SDIDStudy {
        guard !treated.isEmpty else { throw .invalid("treated", "name at least one treated unit") }
        for (index, unit) in treated.enumerated() where panel.unitIndex(unit) == nil {
            throw .invalid(treated.count == 1 ? "treated" : "treated[\(index)]", "'\(unit)' is not a unit of the panel")
        }
        guard Set(treated).count == treated.count else { throw .invalid("treated", "a unit is named twice") }
        for (index, unit) in exclude.enumerated() where panel.unitIndex(unit) == nil {
            throw .invalid("exclude[\(index)]", "'\(unit)' is not a unit of the panel")
        }
        guard panel.variables.contains(outcome) else { throw .invalid("outcome", "'\(outcome)' is not a column of the panel") }
        guard let first = panel.times.first, let last = panel.times.last, treatmentTime > first, treatmentTime <= last else {
            throw .invalid(
                "treatment_time",
                "\(treatmentTime) is not inside the panel (\(panel.times.first ?? 0)–\(panel.times.last ?? 0)), after its first time")
        }
        guard placeboReplications == 0 || placeboReplications >= 2 else {
            throw .invalid("placebo_replications", "give 0 (no standard errors) or at least 2")
        }
        if let level = conformalLevel, !(level > 0 && level < 1) {
            throw .invalid("conformal_level", "give a level between 0 and 1, such as 0.95")
        }
        let donors = panel.units.filter { !treated.contains($0) && !exclude.contains($0) }
        var rows: [[Double]] = []
        for unit in donors + treated {
            var row: [Double] = []
            for (time, value) in zip(panel.times, panel.values(outcome, unit: panel.unitIndex(unit)!, at: panel.times)) {
                guard let value else {
                    throw .invalid(
                        "panel", "\(unit) has no \(outcome) at \(time): every unit needs every time (leave a donor out with exclude)")
                }
                row.append(value)
            }
            rows.append(row)
        }
        let design = try SyntheticDifferenceInDifferences(
            outcomes: rows, donorCount: donors.count, prePeriodCount: panel.times.filter { $0 < treatmentTime }.count)
        return SDIDStudy(design: design, donors: donors, times: panel.times)
    }
}

/// A design with the names of its donors and times, as the spec gave them.
public struct SDIDStudy: Sendable {
    public let design: SyntheticDifferenceInDifferences
    public let donors: [String]
    public let times: [Int]

    /// Every method's estimate with its placebo standard error (nil without draws, or when there
    /// are too few donors for them), and the SDID weights by name.
    public func report(placeboReplications: Int, seed: UInt64, conformalLevel: Double? = nil) -> SDIDReport {
        var methods: [SyntheticDifferenceInDifferences.Method: SDIDReport.Result] = [:]
        var weights: SyntheticDifferenceInDifferences.Estimate?
        for method in SyntheticDifferenceInDifferences.Method.allCases {
            let estimate = design.estimate(method)
            if method == .sdid { weights = estimate }
            let se = placeboReplications > 0 ? design.placeboStandardError(method, replications: placeboReplications, seed: seed) : nil
            methods[method] = SDIDReport.Result(att: estimate.effect, se: se)
        }
        return SDIDReport(
            sdid: methods[.sdid]!, sc: methods[.sc]!, did: methods[.did]!,
            unitWeights: Dictionary(uniqueKeysWithValues: zip(donors, weights?.unitWeights ?? [])),
            timeWeights: Dictionary(uniqueKeysWithValues: zip(times.map(String.init), weights?.timeWeights ?? [])),
            conformal: conformalLevel.map(conformal(level:)))
    }

    /// Conformal inference on the treated units' mean path, with the SC and the SDID counterfactual.
    func conformal(level: Double) -> [String: ConformalReport] {
        let donorRows = Array(design.outcomes[0..<design.donorCount])
        let treatedRows = design.outcomes[design.donorCount...]
        let treated = (0..<times.count).map { time in treatedRows.reduce(0.0) { $0 + $1[time] } / Double(treatedRows.count) }
        var reports: [String: ConformalReport] = [:]
        for (name, estimator) in [("sc", ConformalInference.Estimator.syntheticControl), ("sdid", .syntheticDifferenceInDifferences)] {
            // The design has already checked what conformal inference would refuse.
            guard
                let inference = try? ConformalInference(
                    treated: treated, donors: donorRows, prePeriodCount: design.prePeriodCount, estimator: estimator)
            else { continue }
            reports[name] = ConformalReport(inference, times: times, level: level)
        }
        return reports
    }
}

/// What `vanguard impact sdid` prints.
public struct SDIDReport: Encodable, Sendable, Equatable {
    public struct Result: Encodable, Sendable, Equatable {
        public let att: Double
        public let se: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(att, forKey: .att)
            try container.encode(se, forKey: .se)  // null when there is none, rather than absent
        }

        enum CodingKeys: String, CodingKey { case att, se }
    }

    public let sdid: Result
    public let sc: Result
    public let did: Result
    public let unitWeights: [String: Double]
    public let timeWeights: [String: Double]
    /// Counterfactual ("sc", "sdid") → its conformal inference, when the spec asked for it.
    public let conformal: [String: ConformalReport]?

    enum CodingKeys: String, CodingKey {
        case sdid, sc, did, conformal
        case unitWeights = "unit_weights"
        case timeWeights = "time_weights"
    }
}
