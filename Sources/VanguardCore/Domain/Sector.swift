/// The part of the health and care system a partner organisation belongs to.
public enum Sector: String, CaseIterable, Codable, Sendable, Comparable {
    case commissioner
    case acuteTrust = "acute_trust"
    case community
    case mentalHealth = "mental_health"
    case primaryCare = "primary_care"
    case localAuthority = "local_authority"
    case voluntarySector = "voluntary_sector"
    case ambulance
    case careHomes = "care_homes"
    /// Named in the sources but not placed in a sector by any rule; left for a person to set.
    case unclassified

    public var name: String {
        switch self {
        case .commissioner: "Commissioner"
        case .acuteTrust: "Acute trust"
        case .community: "Community services"
        case .mentalHealth: "Mental health"
        case .primaryCare: "Primary care / GP federation"
        case .localAuthority: "Local authority"
        case .voluntarySector: "Voluntary sector"
        case .ambulance: "Ambulance service"
        case .careHomes: "Care homes"
        case .unclassified: "Sector not yet recorded"
        }
    }

    public static func < (lhs: Sector, rhs: Sector) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
