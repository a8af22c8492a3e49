import Foundation
import Vapor
import VanguardCore
import VanguardStore

/// `vanguard import returns FILE`: checks a returns CSV whole, then writes it as one submission.
struct ImportCommand: AsyncCommandGroup {
    var help: String { "Import data files." }
    var commands: [String: any AnyAsyncCommand] { ["returns": ImportReturnsCommand()] }
}

struct ImportReturnsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV with the header area_code,metric_code,period,numerator,denominator")
        var file: String
    }

    var help: String {
        "Checks every row of a returns CSV before writing anything; a file with any bad row is rejected whole with each row, column, value and reason. Accepted values become one submission: new values are added, changed ones revised (earlier revisions kept)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let url = URL(fileURLWithPath: signature.file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportFailure(description: "\(signature.file) cannot be read: \(error.localizedDescription)")
        }
        let store = ReturnsStore(database: app.db)
        let checker = ReturnsFile(
            knownAreas: try await store.areaCodes(), knownMetrics: Set(try await store.metrics().map(\.code)), latestPeriod: Month(containing: Date())
        )
        context.console.print("[import] checking \(url.lastPathComponent) (\(data.count) bytes)…")
        let values: [ReturnValue]
        do { values = try checker.read(data) } catch {
            throw ImportFailure(description: error.description)
        }
        context.console.print("[import] \(values.count) rows are good; writing…")
        let console = context.console
        let summary = try await store.submit(values, fileName: url.lastPathComponent, by: .operatorAtCLI()) { written, total in
            console.print("[import] \(written)/\(total) values written")
        }
        let evaluations = try await EvaluationStore(database: app.db).recomputeAll(registry: try await RegistryStore(database: app.db).registry())
        context.console.print("[import] evaluations recomputed: \(evaluations).")
        context.console.print("[import] done: \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged (submission \(summary.submissionID.uuidString)).")
    }

    struct ImportFailure: Error, CustomStringConvertible {
        let description: String
    }
}
