import FluentKit
import Foundation
import VanguardCore
import VanguardStore

/// Monthly returns arrive: checked whole, written as one submission, then every figure that depends
/// on them brought up to date. The upload page, the API and `vanguard import` all run this; they
/// only translate what they were sent and what came of it.
struct SubmitReturns {
    /// When the impact estimates are refitted: slower than everything else, so a request queues the
    /// refit for a worker while the command line waits for it (or leaves it, when told to).
    enum Refit {
        case now
        case queued
        case skip
    }

    /// What the command line reports as the work goes on.
    enum Step {
        case checked(rows: Int, took: Duration)
        case writing(written: Int, of: Int)
        case written(took: Duration)
        /// The figures recomputed, for how many vanguards (the pools and the rest of England besides).
        case evaluated(count: Int, vanguards: Int, took: Duration)
        case refitted(count: Int, took: Duration)
    }

    let database: any Database
    let registry: Registry
    /// The app's clock: returns may run up to the current month.
    let now: @Sendable () -> Date
    let refit: Refit
    var progress: @Sendable (Step) -> Void = { _ in }

    /// Checks a returns file against the registry, the metrics and the areas the submitter may write
    /// for (nil: every area); a file with any bad row is rejected whole and nothing is written.
    func callAsFunction(
        file data: Data, named fileName: String, by submitter: Actor, permittedAreas: Set<String>?
    ) async throws -> Result<SubmissionSummary, ReturnsRejection> {
        let clock = ContinuousClock()
        let started = clock.now
        let checker = ReturnsFile(
            knownAreas: Set(registry.areas.map(\.code)),
            knownMetrics: Set(try await ReturnsStore(database: database, now: now).metrics().map(\.code)),
            latestPeriod: Month(containing: now()), permittedAreas: permittedAreas
        )
        let values: [ReturnValue]
        do { values = try checker.read(data) } catch { return .failure(error) }
        progress(.checked(rows: values.count, took: clock.now - started))
        return .success(try await callAsFunction(values: values, named: fileName, by: submitter))
    }

    /// Writes values already checked (the A&E import builds them from NHS England's own file).
    func callAsFunction(values: [ReturnValue], named fileName: String, by submitter: Actor) async throws -> SubmissionSummary {
        let clock = ContinuousClock()
        let writeStarted = clock.now
        let progress = progress
        // Each metric whose returns arrived is refitted once, however many files arrive meanwhile.
        let codes = ReturnValue.codes(in: values)
        let touched = codes.metrics.sorted()
        let queue: [(kind: JobKind, key: String)] = refit == .queued ? touched.map { (.refitImpact, $0) } : []
        let summary = try await ReturnsStore(database: database, now: now).submit(
            values, fileName: fileName, by: submitter, queueing: queue
        ) {
            written, total in
            progress(.writing(written: written, of: total))
        }
        progress(.written(took: clock.now - writeStarted))
        // Evaluations are derived data, recomputed now so pages only ever read them.
        let evaluateStarted = clock.now
        let evaluations = try await EvaluationStore(database: database, now: now).recompute(
            touching: codes.areas, metrics: codes.metrics, registry: registry, at: now())
        progress(.evaluated(count: evaluations.places, vanguards: evaluations.vanguards, took: clock.now - evaluateStarted))
        switch refit {
        case .now:
            let refitStarted = clock.now
            let estimates = try await ImpactStore(database: database, now: now).recomputeAll(registry: registry, at: now())
            progress(.refitted(count: estimates, took: clock.now - refitStarted))
        case .queued, .skip:
            break
        }
        return summary
    }
}
