/// Which way a metric should move: up (e.g. four-hour performance), down (emergency admissions), or neither.
public enum ImprovementDirection: String, CaseIterable, Codable, Sendable {
    case increase, decrease, neutral

    /// +1, −1 or 0, as NHSRplotthedots codes it.
    public var sign: Int {
        switch self {
        case .increase: 1
        case .decrease: -1
        case .neutral: 0
        }
    }
}
