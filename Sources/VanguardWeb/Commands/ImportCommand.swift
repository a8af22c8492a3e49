import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard import returns FILE`: checks a returns CSV whole, then writes it as one submission.
struct ImportCommand: AsyncCommandGroup {
    var help: String { "Import data files." }
    var commands: [String: any AnyAsyncCommand] { ["returns": ImportReturnsCommand(), "ae": ImportAECommand()] }
}

struct ImportReturnsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV with the header area_code,metric_code,period,numerator,denominator")
        var file: String
        @Flag(name: "skip-impact", help: "Leave the impact estimates as they are (refit later with vanguard impact refit)")
        var skipImpact: Bool
        @Flag(name: "queue-impact", help: "Queue the refit for the servers' workers, in the import's own transaction, and return at once")
        var queueImpact: Bool
    }

    var help: String {
        "Checks every row of a returns CSV before writing anything; a file with any bad row is rejected whole with each row, column, value and reason. Accepted values become one submission: new values are added, changed ones revised (earlier revisions kept)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let url = URL(fileURLWithPath: signature.file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CommandFailure(description: "\(signature.file) cannot be read: \(error.localizedDescription)")
        }
        let registry = try await RegistryStore(on: app).registry()
        context.console.print("[import] checking \(url.lastPathComponent) (\(data.count) bytes)…")
        let bar = ProgressBar(title: "[import] writing", total: 0)
        let console = context.console
        var submit = SubmitReturns(
            database: app.db, registry: registry, now: app.appConfig.now,
            refit: signature.skipImpact ? .skip : signature.queueImpact ? .queued : .now)
        submit.progress = { step in
            switch step {
            case .checked(let rows, let took): console.print("[import] \(rows) rows are good (checked in \(Self.seconds(took))); writing…")
            case .writing(let written, let total): bar.update(written, of: total)
            case .written(let took): console.print("[import] written in \(Self.seconds(took)).")
            case .evaluated(let count, let vanguards, let took):
                let each = vanguards == 0 ? "" : String(format: "; %.0f ms a vanguard", Self.milliseconds(took) / Double(vanguards))
                console.print(
                    "[import] evaluations recomputed: \(count) for \(vanguards) vanguards, pools included (in \(Self.seconds(took))\(each))."
                )
            case .refitted(let count, let took): console.print("[import] impact estimates refitted: \(count) (in \(Self.seconds(took))).")
            }
        }
        switch try await submit(file: data, named: url.lastPathComponent, by: .operatorAtCLI(), permittedAreas: nil) {
        case .success(let summary):
            context.console.print(
                "[import] done: \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged (submission \(summary.submissionID.uuidString))."
            )
        case .failure(let rejection):
            throw CommandFailure(description: rejection.description)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", milliseconds(duration) / 1000)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// `vanguard import ae FILE [--lookup LOOKUP]`: NHS England's monthly A&E file → four-hour returns per area,
/// through the provider → area lookup kept in the database.
struct ImportAECommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file", help: "A monthly A&E attendances and emergency admissions CSV (provider level), as NHS England publishes it")
        var file: String
        @Option(name: "lookup", help: "A CSV (org_code,area_code[,org_name]) to add to or change the stored provider → area lookup first")
        var lookup: String?
    }

    var help: String {
        "Reads NHS England's monthly A&E CSV (header names may drift between years; unknown columns are reported), maps providers to areas with the stored lookup (edited at /returns/providers, or loaded with --lookup), and submits ae_four_hour returns. Providers missing from the lookup are listed and left out."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let lookupStore = ProviderLookupStore(on: app)
        let file: AEAttendancesFile
        do {
            file = try AEAttendancesFile(fileName: signature.file, data: try Data(contentsOf: URL(fileURLWithPath: signature.file)))
            if let path = signature.lookup {
                let areas = try await ReturnsStore(on: app).areaCodes()
                let lookupFile = try ProviderLookupFile(
                    fileName: path, data: try Data(contentsOf: URL(fileURLWithPath: path)), areaCodes: areas)
                let saved = try await lookupStore.save(lookupFile.entries, by: .operatorAtCLI())
                context.console.print(
                    "[import ae] lookup: \(saved.added) providers added, \(saved.changed) changed, \(saved.unchanged) unchanged.")
            }
        } catch let error as DataFileError {
            throw CommandFailure(description: error.description)
        }
        let lookup = try await lookupStore.lookup()
        guard !lookup.isEmpty else {
            throw CommandFailure(
                description:
                    "the provider → area lookup is empty: give --lookup FILE (org_code,area_code) or add providers at /returns/providers")
        }
        if !file.unrecognisedColumns.isEmpty {
            context.console.print("[import ae] columns not recognised (left out): \(file.unrecognisedColumns.joined(separator: ", "))")
        }
        let (values, unmapped) = file.fourHourReturns(lookup: lookup)
        if !unmapped.isEmpty {
            context.console.print(
                "[import ae] \(unmapped.count) providers are not in the lookup and were left out: \(unmapped.joined(separator: ", "))")
        }
        let submit = SubmitReturns(
            database: app.db, registry: try await RegistryStore(on: app).registry(), now: app.appConfig.now, refit: .now)
        let summary = try await submit(values: values, named: URL(fileURLWithPath: signature.file).lastPathComponent, by: .operatorAtCLI())
        context.console.print(
            "[import ae] \(file.rows.count) provider rows → \(values.count) area values: \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged."
        )
    }
}
