import FluentKit

/// Stored impact estimates fitted again: the waves' intervals now allow for few treated areas
/// (t(G − 1) and the CR1 correction, where the percentile bootstrap's held the truth in only 90%
/// of quarters) and SDID's placebo draws solve their weights exactly. Without this a database
/// would show the old, too-narrow intervals until its next returns arrived.
struct Migration0028RefitImpactEstimates: AsyncMigration {
    var name: String { "0028_refit_impact_estimates" }

    func prepare(on database: any Database) async throws {
        try await Migration0023RefitImpactEstimates().prepare(on: database)
    }

    /// The earlier fits are not kept; the refitted ones stand.
    func revert(on database: any Database) async throws {}
}
