import Foundation
import VanguardCore
import Vapor

/// `vanguard benchmark markdown`: renders 100 KB of plain prose and of each adversarial family,
/// side by side, with the time for 200 KB beside it (linear rendering doubles; quadratic
/// quadruples). With `--export DIR` it writes the 100 KB inputs, so Benchmarks/markdown.sh can time
/// the cmark-gfm command-line tool on the same files. A measurement, not a test.
struct MarkdownBenchmarkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "export", help: "Write each 100 KB input into this directory, for timing a reference renderer on the same text")
        var export: String?
    }

    var help: String {
        "Times rendering 100 KB of prose and of each adversarial family (parse, render and allowlist), and 200 KB beside it."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let directory = signature.export {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        context.console.print("markdown: milliseconds per 100 KB (best of 5), and the ratio for 200 KB (2.0 is linear, 4.0 quadratic)")
        for (index, family) in ([AdversarialMarkdown.prose] + AdversarialMarkdown.families).enumerated() {
            let text = family.text(length: 100_000)
            if let directory = signature.export {
                let slug = family.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
                try Data(text.utf8).write(
                    to: URL(fileURLWithPath: directory).appendingPathComponent(String(format: "%02d-", index) + String(slug) + ".md"))
            }
            let once = Self.best(text)
            let twice = Self.best(family.text(length: 200_000))
            let name = family.name.padding(toLength: 36, withPad: " ", startingAt: 0)
            context.console.print(name + String(format: " %9.2f ms   x2: %.2f", once * 1000, twice / once))
        }
    }

    static func best(_ text: String) -> Double {
        Stopwatch.bestSeconds(of: 5) { _ = SafeMarkdown.html(from: text) }
    }
}
