import Foundation
import VanguardCore
import Vapor

/// `vanguard spc`: reads one series as JSON on standard input and writes its chart as JSON, as the API does.
struct SPCCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Reads {\"values\": [...], \"improvement_direction\": \"increase|decrease|neutral\", \"target\"?, \"rebase_points\"?, \"screen_outliers\"?, \"fix_after_n_points\"?} on standard input and writes the Making Data Count XmR chart as JSON; with \"chart\": \"run|p|u|pp|up\" and \"values\" or \"numerators\" and \"denominators\" (and \"freeze\"?, \"rebase_points\"?, \"exclude\"?, \"multiply\"?, \"screen_moving_ranges\"?) a run chart (Anhøj rules) or a P, U, P′ or U′ chart (Laney) as qicharts2 draws them."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            let output = try SPCController.chartJSON(for: input)
            FileHandle.standardOutput.write(output + Data("\n".utf8))
        } catch let error as AppError {
            throw CommandFailure(description: error.reason)
        }
    }
}
