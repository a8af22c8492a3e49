import Fluent
import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard benchmark spc`: computes the XmR chart of every current series (area × metric) and
/// prints the time per series. A measurement, not a test: it asserts nothing.
struct BenchmarkCommand: AsyncCommandGroup {
    var help: String { "Measurements (see Benchmarks/README.md)." }
    var commands: [String: any AnyAsyncCommand] {
        ["spc": SPCBenchmarkCommand(), "markdown": MarkdownBenchmarkCommand(), "synth": SynthBenchmarkCommand()]
    }
}

struct SPCBenchmarkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "repeat", help: "How many times to compute every series (default 20)")
        var repeats: Int?
        @Option(
            name: "export",
            help: "Also write the series and our time per series as JSON, for timing a reference implementation on the same data")
        var export: String?
    }

    /// What `--export` writes: the series as charted, our icon for each, and our time.
    struct Export: Encodable {
        struct Series: Encodable {
            let values: [Double?]
            let improvementDirection: String
            let variationIcon: String

            enum CodingKeys: String, CodingKey {
                case values
                case improvementDirection = "improvement_direction"
                case variationIcon = "variation_icon"
            }
        }

        let microsecondsPerSeries: Double
        let series: [Series]

        enum CodingKeys: String, CodingKey {
            case series
            case microsecondsPerSeries = "microseconds_per_series"
        }
    }

    var help: String { "Computes the SPC chart of every current area × metric series and prints the time per series." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let metrics = Dictionary(uniqueKeysWithValues: try await ReturnsStore(on: app).metrics().map { ($0.code, $0) })
        var series: [String: [(Month, Double)]] = [:]
        for value in try await ReturnsStore(on: app).currentValues() {
            guard let metric = metrics[value.metricCode] else { continue }
            series["\(value.areaCode)/\(value.metricCode)", default: []].append(
                (value.period, metric.rate(numerator: value.numerator, denominator: value.denominator)))
        }
        let inputs = series.map { key, points in
            XmRInput(
                values: points.sorted { $0.0 < $1.0 }.map(\.1),
                improvementDirection: metrics[String(key.split(separator: "/")[1])]?.direction ?? .neutral)
        }
        guard !inputs.isEmpty else {
            context.console.print("No returns to chart; run `vanguard demo-data` first.")
            return
        }
        let repeats = signature.repeats ?? 20
        guard (1...10_000).contains(repeats) else {
            throw ValidationError.invalid(field: "repeat", reason: "Give --repeat from 1 to 10000")
        }
        var specialCausePoints = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<repeats {
                for input in inputs {
                    specialCausePoints += try XmRChart(input).points.specialCauseFlag.filter { $0 }.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perSeries = seconds / Double(inputs.count * repeats)
        let points = inputs.map(\.values.count).reduce(0, +)
        if let path = signature.export {
            let series = try inputs.map { input in
                Export.Series(
                    values: input.values, improvementDirection: input.improvementDirection.rawValue,
                    variationIcon: try XmRChart(input).variationIcon)
            }
            try JSONEncoder().encode(Export(microsecondsPerSeries: perSeries * 1e6, series: series)).write(to: URL(fileURLWithPath: path))
        }
        context.console.print(
            "spc: \(inputs.count) series, \(points) points, \(repeats) rounds: \(String(format: "%.1f", perSeries * 1e6)) µs per series, \(String(format: "%.0f", Double(points * repeats) / seconds)) points/s (\(specialCausePoints / repeats) special-cause points)"
        )
    }
}
