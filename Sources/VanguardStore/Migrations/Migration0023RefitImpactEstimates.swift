import FluentKit
import Foundation

/// The impact estimates' p-values changed meaning (read from the placebo effects, like the
/// interval) and the matched comparison's pre-trend test is now calibrated on placebos, so stored
/// estimates are fitted again rather than shown with figures of the old method.
struct Migration0023RefitImpactEstimates: AsyncMigration {
    var name: String { "0023_refit_impact_estimates" }

    func prepare(on database: any Database) async throws {
        guard try await ImpactRecord.query(on: database).count() > 0 else { return }
        try await ImpactStore(database: database).recompute()
    }

    func revert(on database: any Database) async throws {}
}
