import FluentKit
import Foundation
import VanguardCore
import VanguardStore

/// The programme team changes a metric's definition, direction, target or chart: the change is
/// audited and every evaluation recomputed, since those decide what the charts say. The form and the
/// API both run this.
struct ReviseMetric {
    let database: any Database
    let now: @Sendable () -> Date

    func callAsFunction(_ revised: Metric, by editor: Actor) async throws {
        try await ReturnsStore(database: database, now: now).update(revised, by: editor)
        try await EvaluationStore(database: database, now: now).recompute()
    }
}
