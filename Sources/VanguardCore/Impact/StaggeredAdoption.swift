/// Difference-in-differences with staggered adoption, in the manner of Callaway & Sant'Anna (2021):
/// a cohort is the units first treated at the same time (for the programme, a wave of vanguards);
/// each cohort's effect at each time, ATT(g, t), is its own before-and-after change against the
/// same change among comparison units, never a comparison with units already treated; the
/// effects are then averaged by time since adoption (event time) or by cohort, weighted by cohort
/// size. Without covariates, as the R package `did` computes it with `xformla = ~1`.
public struct StaggeredAdoption: Sendable {
    /// Who a cohort is compared with.
    public enum Comparison: String, Sendable, Codable, CaseIterable {
        /// Units never treated in the panel.
        case neverTreated = "never_treated"
        /// Those, and units not yet treated at the time compared (nor at the base time).
        case notYetTreated = "not_yet_treated"
    }

    /// One cohort at one time.
    public struct GroupTimeEffect: Sendable, Equatable, Codable {
        public let cohort: Int
        public let time: Int
        public let effect: Double
        /// `time - cohort`: negative before adoption (a pre-trend check), 0 at adoption.
        public var eventTime: Int { time - cohort }
    }

    public let times: [Int]
    /// `outcomes[unit][time index]`.
    let outcomes: [[Double]]
    /// The first treated time of each unit; nil for never treated.
    let cohorts: [Int?]

    /// Checks the design: a balanced panel, at least one cohort adopting after the first time, and
    /// finite outcomes; units already treated at the first time have no before and are left out, as
    /// `did` does.
    public init(times: [Int], outcomes: [[Double]], cohorts: [Int?]) throws(ImpactError) {
        guard times.count >= 2, times == times.sorted(), Set(times).count == times.count else {
            throw .invalid("time", "at least two distinct times are needed")
        }
        guard outcomes.count == cohorts.count, outcomes.allSatisfy({ $0.count == times.count && $0.allSatisfy(\.isFinite) }) else {
            throw .invalid("panel", "every unit needs a finite outcome at every time")
        }
        let kept = cohorts.indices.filter { cohorts[$0].map { $0 > times[0] } ?? true }
        self.times = times
        self.outcomes = kept.map { outcomes[$0] }
        self.cohorts = kept.map { cohorts[$0] }
        guard self.cohorts.contains(where: { $0 != nil && $0! <= times.last! }) else {
            throw .invalid("cohort", "no unit is first treated inside the panel, after its first time")
        }
    }

    /// The cohorts adopting inside the panel, in order, with their sizes.
    public var cohortSizes: [(cohort: Int, units: Int)] {
        var sizes: [Int: Int] = [:]
        for cohort in cohorts.compactMap({ $0 }) where cohort <= times.last! { sizes[cohort, default: 0] += 1 }
        return sizes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// ATT(g, t) for every cohort and every time after the first: after adoption against the last
    /// time before it (g − 1), before adoption against the time before (the varying base), so the
    /// pre-periods test parallel trends period by period. Nil where no comparison unit exists.
    public func groupTimeEffects(comparison: Comparison) -> [GroupTimeEffect] {
        var effects: [GroupTimeEffect] = []
        for (cohort, _) in cohortSizes {
            guard let adoption = times.firstIndex(where: { $0 >= cohort }), adoption > 0 else { continue }
            for t in 1..<times.count {
                let base = t >= adoption ? adoption - 1 : t - 1
                let treated = units { $0 == cohort }
                let compared = units { unitCohort in
                    guard let unitCohort else { return true }
                    guard comparison == .notYetTreated, unitCohort != cohort else { return false }
                    return unitCohort > times[max(t, base)]
                }
                guard !treated.isEmpty, !compared.isEmpty else { continue }
                let effect = meanChange(treated, from: base, to: t) - meanChange(compared, from: base, to: t)
                effects.append(GroupTimeEffect(cohort: cohort, time: times[t], effect: effect))
            }
        }
        return effects
    }

    /// The effect by time since adoption: at each event time, the cohorts' effects weighted by
    /// their sizes (`aggte(type = "dynamic")`).
    public func eventTimeEffects(_ effects: [GroupTimeEffect]) -> [(eventTime: Int, effect: Double)] {
        let sizes = Dictionary(uniqueKeysWithValues: cohortSizes.map { ($0.cohort, Double($0.units)) })
        let byEventTime = Dictionary(grouping: effects, by: \.eventTime)
        return byEventTime.keys.sorted().map { eventTime in
            let group = byEventTime[eventTime]!
            let weight = group.reduce(0) { $0 + sizes[$1.cohort, default: 0] }
            return (eventTime, group.reduce(0) { $0 + $1.effect * sizes[$1.cohort, default: 0] } / weight)
        }
    }

    /// The dynamic overall effect: the mean of the event-time effects from adoption on.
    public func dynamicOverallEffect(_ effects: [GroupTimeEffect]) -> Double? {
        let after = eventTimeEffects(effects).filter { $0.eventTime >= 0 }
        return after.isEmpty ? nil : after.reduce(0) { $0 + $1.effect } / Double(after.count)
    }

    /// Each cohort's mean effect after adoption (`aggte(type = "group")`).
    public func cohortEffects(_ effects: [GroupTimeEffect]) -> [(cohort: Int, effect: Double)] {
        let after = Dictionary(grouping: effects.filter { $0.eventTime >= 0 }, by: \.cohort)
        return after.keys.sorted().map { cohort in (cohort, after[cohort]!.reduce(0) { $0 + $1.effect } / Double(after[cohort]!.count)) }
    }

    /// The cohorts' effects averaged, weighted by cohort size.
    public func cohortOverallEffect(_ effects: [GroupTimeEffect]) -> Double? {
        let sizes = Dictionary(uniqueKeysWithValues: cohortSizes.map { ($0.cohort, Double($0.units)) })
        let byCohort = cohortEffects(effects)
        let weight = byCohort.reduce(0) { $0 + sizes[$1.cohort, default: 0] }
        return weight == 0 ? nil : byCohort.reduce(0) { $0 + $1.effect * sizes[$1.cohort, default: 0] } / weight
    }

    /// One cohort's synthetic difference-in-differences: its units against the never-treated
    /// units over the whole panel, before its adoption and from it on.
    public struct CohortSDID: Sendable {
        public let cohort: Int
        public let units: Int
        public let postPeriods: Int
        /// Nil when the cohort cannot be estimated (`reason` says why: too few periods before it).
        public let estimate: SyntheticDifferenceInDifferences.Estimate?
        public let reason: String?
    }

    /// SDID for each cohort, as synthdid does for staggered adoption (each treatment time its own
    /// block design against the never-treated units).
    public func syntheticDifferenceInDifferencesByCohort() -> [CohortSDID] {
        let never = units { $0 == nil }
        return cohortSizes.map { cohort, size in
            let members = units { $0 == cohort }
            let pre = times.filter { $0 < cohort }.count
            let design = Result { () throws(ImpactError) in
                try SyntheticDifferenceInDifferences(
                    outcomes: (never + members).map { outcomes[$0] }, donorCount: never.count, prePeriodCount: pre)
            }
            switch design {
            case .success(let design):
                return CohortSDID(
                    cohort: cohort, units: size, postPeriods: times.count - pre, estimate: design.estimate(.sdid), reason: nil)
            case .failure(let error):
                return CohortSDID(cohort: cohort, units: size, postPeriods: times.count - pre, estimate: nil, reason: error.reason)
            }
        }
    }

    /// The cohorts' SDID estimates averaged, weighted by cohort size (units), over the cohorts
    /// that could be estimated.
    public func sdidOverallEffect(_ cohorts: [CohortSDID]) -> Double? {
        let estimated = cohorts.filter { $0.estimate != nil }
        let weight = estimated.reduce(0) { $0 + Double($1.units) }
        return weight == 0 ? nil : estimated.reduce(0) { $0 + $1.estimate!.effect * Double($1.units) } / weight
    }

    private func units(where include: (Int?) -> Bool) -> [Int] { cohorts.indices.filter { include(cohorts[$0]) } }

    private func meanChange(_ units: [Int], from base: Int, to time: Int) -> Double {
        units.reduce(0) { $0 + outcomes[$1][time] - outcomes[$1][base] } / Double(units.count)
    }
}
