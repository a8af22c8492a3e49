/// Which SPC chart a metric is drawn on, chosen per metric in the framework: XmR (Making Data
/// Count's default, for rates of large populations), a run chart (Anhøj rules) where limits would
/// mislead, or the attribute charts for counts over their denominators: p and u, and Laney's p′
/// and u′ where denominators are so large that every point would signal on a plain p or u chart.
public enum SPCChartKind: String, Sendable, Codable, CaseIterable {
    case xmr, run, p, u, pp, up

    public var name: String {
        switch self {
        case .xmr: "XmR chart"
        case .run: "Run chart (Anhøj rules)"
        case .p: "P chart"
        case .u: "U chart"
        case .pp: "P′ chart (Laney)"
        case .up: "U′ chart (Laney)"
        }
    }

    /// The attribute chart's kind, nil for XmR.
    public var attributeKind: AttributeChart.Kind? {
        switch self {
        case .xmr: nil
        case .run: .run
        case .p: .p
        case .u: .u
        case .pp: .pp
        case .up: .up
        }
    }
}
