/// How completely a vanguard's row is backed by its public sources.
public enum SourceConfidence: String, CaseIterable, Codable, Sendable {
    /// Every fact in the row was found in the named sources.
    case sourced
    /// Some facts were not found; the gaps are left empty rather than guessed.
    case partial
    /// The lead organisations could not be confirmed.
    case leadOrganisationUnverified = "lead_org_unverified"

    public var summary: String {
        switch self {
        case .sourced: "Sourced: every fact shown was found in the public sources listed."
        case .partial: "Partial: some facts could not be found in public sources; they are left empty, not guessed."
        case .leadOrganisationUnverified: "Lead organisations unverified: the public sources searched do not name them."
        }
    }
}
