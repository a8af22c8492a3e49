import Foundation
import VanguardCore
import Vapor

/// `vanguard timetable solve`: the presentation timetable solver on its own, for checking and for
/// planning outside the platform. Reads the instance as JSON on standard input (see the README).
struct TimetableCommand: AsyncCommandGroup {
    var help: String { "Presentation timetables for shortlisted applicants." }
    var commands: [String: any AnyAsyncCommand] { ["solve": SolveTimetableCommand()] }
}

struct SolveTimetableCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Reads {slot_minutes, changeover_minutes, days, panels, applicants, conflicts} on standard input and prints {\"slots\": [...]}; exits 2 with {\"error\", \"constraint\"} when no timetable exists, 1 with {\"error\", \"field\"} when the input is wrong."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func write(_ value: some Encodable) throws {
            FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
        }
        do {
            try write(try TimetableSolver.solve(try TimetableProblem.decode(input)))
        } catch let error as TimetableInputError {
            try write(InputErrorOutput(error: error.description, field: error.field))
            context.application.commandExitStatus = 1
        } catch let failure as TimetableFailure {
            switch failure {
            case .input(let error):
                try write(InputErrorOutput(error: error.description, field: error.field))
                context.application.commandExitStatus = 1
            case .unsolvable(let unsolvable):
                try write(
                    UnsolvableOutput(
                        error: unsolvable.message, constraint: unsolvable.constraint.rawValue, applicants: unsolvable.applicants))
                context.application.commandExitStatus = 2
            }
        }
    }

    private struct InputErrorOutput: Encodable {
        let error: String
        let field: String
    }

    private struct UnsolvableOutput: Encodable {
        let error: String
        let constraint: String
        let applicants: [String]
    }
}
