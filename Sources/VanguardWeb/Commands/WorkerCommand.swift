import Foundation
import Vapor

/// `vanguard worker`: works the job queue and nothing else, beside servers started with
/// `--no-worker`. Stopping it at any moment is safe: a job it held is taken up again when its lease
/// runs out.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "once", help: "Do the jobs due now, then stop")
        var once: Bool
    }

    var help: String { "Works the background job queue until stopped (or, with --once, until nothing is due)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let worker = context.application.jobWorker
        repeat {
            do {
                try await worker.scheduleRecurring()
                let ran = try await worker.runDue()
                if signature.once { context.console.print("[worker] \(ran) job\(ran == 1 ? "" : "s") done") }
            } catch  where !signature.once {
                context.application.logger.warning("the job queue could not be read", metadata: ["error": "\(String(reflecting: error))"])
            }
            if !signature.once { try await Task.sleep(for: .seconds(2)) }
        } while !signature.once
    }
}
