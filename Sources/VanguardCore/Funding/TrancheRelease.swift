/// The decision on a held tranche: its condition checked against the place's evaluations and the
/// rest of England's, and released when met — or when the programme team overrides with a reason.
public struct TrancheRelease: Sendable, Equatable {
    public let check: ConditionCheck
    /// Only a conditional tranche's check is evidence worth keeping; an unconditional one just pays.
    public let isRecorded: Bool
    /// The ledger's reason for the release; nil keeps the tranche held.
    public let releaseReason: String?

    /// - Parameters:
    ///   - place: the place's evaluations by metric code; `restOfEngland` the comparison's.
    ///   - override: the programme team's reason to release a tranche whose condition is not met.
    public init(
        deciding tranche: Tranche, place: [String: MetricEvaluation], restOfEngland: [String: MetricEvaluation], override: String?
    ) throws(ValidationError) {
        guard tranche.status == .held else { throw .invalid(field: "tranche", reason: "The tranche has already been released") }
        check =
            tranche.condition.map { $0.check(place: place[$0.metric], restOfEngland: restOfEngland[$0.metric]) }
            ?? ConditionCheck(isMet: true, evidence: "No condition.")
        isRecorded = tranche.condition != nil
        let reason = override?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if check.isMet {
            releaseReason = "Condition met: \(check.evidence)"
        } else if !reason.isEmpty {
            releaseReason = "Released by override: \(reason)"
        } else {
            releaseReason = nil
        }
    }
}
