import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard jobs list|retry`: the job queue from the command line, as `/admin/jobs` shows it.
struct JobsCommand: AsyncCommandGroup {
    var help: String { "Lists background jobs and retries failed ones." }
    var commands: [String: any AnyAsyncCommand] { ["list": ListJobsCommand(), "retry": RetryJobCommand()] }
}

struct ListJobsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "state", help: "Only jobs in this state: pending, running, done or failed")
        var state: String?
    }

    var help: String { "Lists jobs, newest first: id, kind, key, state, tries, run time, worker and last error." }

    func run(using context: CommandContext, signature: Signature) async throws {
        var states: Set<Job.State> = []
        if let text = signature.state {
            guard let state = Job.State(rawValue: text) else {
                throw CommandFailure(description: "--state must be one of \(Job.State.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            states = [state]
        }
        let store = JobStore(on: context.application)
        for job in try await store.jobs(in: states) {
            let fields = [
                job.id.uuidString, job.kind.rawValue, job.key, job.state.rawValue, "tries \(job.attempts)",
                "runs \(CalendarText.dateTime(job.runAt))",
                job.worker ?? "–", job.lastError ?? "–",
            ]
            context.console.print(fields.joined(separator: "\t"))
        }
        let depth = try await store.queueDepth()
        context.console.print("[jobs] \(depth.waiting) waiting")
    }
}

struct RetryJobCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "id", help: "The failed job's id, as vanguard jobs list shows it")
        var id: String
    }

    var help: String { "Sends a failed job round again from its first try." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let id = UUID(uuidString: signature.id) else { throw CommandFailure(description: "\(signature.id) is not a job id") }
        do {
            try await JobStore(on: context.application).retry(id, by: .operatorAtCLI())
        } catch let error as ValidationError {
            throw CommandFailure(description: error.reason)
        }
        context.console.print("[jobs] \(id.uuidString) will run again")
    }
}
