import Foundation
import Testing
import VanguardCore

/// A seeded, property-based fuzz of every parser that reads what people and programs send: the
/// returns CSV, the A&E file, CSV tables, Markdown, the SPC chart requests and the impact spec and
/// its panel. Each takes valid inputs and mutates them (bytes flipped, cut, doubled, and spliced with
/// the characters parsers trip on) a fixed number of times. A crash fails the run; so does an
/// answer that breaks what the parser promises (a rejection without a row, HTML with a script).
/// `FUZZ_SEED` and `FUZZ_ROUNDS` explore further; the defaults make every run the same run.
@Suite struct ParserFuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_207
    static let rounds = Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 1500

    /// The pieces that have broken parsers elsewhere: quotes, separators, line ends, byte order
    /// marks, NUL, huge and odd numbers, and Markdown and HTML that tries to become a script.
    static let splices: [String] = [
        "\"", "\"\"", ",", ",,", "\n", "\r\n", "\r", "\u{FEFF}", "\u{0}", "1e308", "-1e308", "NaN", "inf", "-0", "0x1F",
        "99999999999999999999999", "2015-13", "0000-00", "9999-12", "é", "👩‍⚕️", "\u{202E}", "<script>alert(1)</script>",
        "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "<a href=\"data:text/html,x\">x</a>", "![x](http://e/x.png)",
        "```", "> ", "* ", "1. ", "|a|b|\n|-|-|", "<!--", "&#x3C;script&#x3E;", "{", "}", "[", "]", "null", "true", ":",
        String(repeating: "[", count: 300), String(repeating: "*", count: 300), String(repeating: "a", count: 5000),
    ]

    static func mutations(of valid: [UInt8], seed: UInt64, rounds: Int = rounds) -> [Data] {
        var random = SeededRandom(seed: seed)
        return (0..<rounds).map { _ in
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
                case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
                case 2: bytes.insert(contentsOf: Array(splices.randomElement(using: &random)!.utf8), at: at)
                case 3 where !bytes.isEmpty:
                    let start = Int.random(in: 0..<bytes.count, using: &random)
                    let piece = bytes[start..<min(bytes.count, start + Int.random(in: 1...200, using: &random))]
                    bytes.insert(contentsOf: piece, at: at)
                case 4: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            return Data(bytes)
        }
    }

    @Test func theReturnsFileEitherReadsOrNamesARowForEveryProblem() {
        let valid = """
            area_code,metric_code,period,numerator,denominator
            E38000208,emergency_admissions,2015-04,3100,339900
            E38000208,emergency_admissions,2015-05,"3,050",339900
            E38000143,care_home_admissions,2016-01,12,1500

            """
        let file = ReturnsFile(
            knownAreas: ["E38000208", "E38000143"], knownMetrics: ["emergency_admissions", "care_home_admissions"],
            latestPeriod: Month(year: 2026, month: 12))
        var read = 0
        for data in Self.mutations(of: Array(valid.utf8), seed: Self.seed) {
            do {
                let values = try file.read(data)
                read += 1
                #expect(values.allSatisfy { $0.numerator.isFinite && $0.denominator.isFinite && $0.denominator > 0 })
            } catch {
                #expect(!error.problems.isEmpty && error.total >= error.problems.count)
                #expect(error.problems.count <= ReturnsRejection.shownLimit)
                let lines = (String(data: data, encoding: .utf8) ?? "").split(omittingEmptySubsequences: false) { $0.isNewline }.count
                #expect(error.problems.allSatisfy { $0.row >= 0 && $0.row <= lines + 1 })
            }
        }
        // The mutations are not all fatal: some files still read, so both paths are exercised.
        #expect(read > 0 && read < Self.rounds)
    }

    @Test func csvTablesAndTheAEFileReadOrRefuseWithAReason() throws {
        let ae = try Data(contentsOf: ProjectFiles.fixtures.appendingPathComponent("ae/ae-2016-03.csv"))
        for data in Self.mutations(of: Array(ae.prefix(4000)), seed: Self.seed &+ 1, rounds: Self.rounds / 3) {
            do { _ = try AEAttendancesFile(fileName: "fuzz.csv", data: data) } catch { #expect(!error.description.isEmpty) }
            do {
                let table = try CSVTable(fileName: "fuzz.csv", data: data)
                _ = try table.records(requiring: ["Code"])
            } catch { #expect(!error.description.isEmpty) }
        }
    }

    @Test func markdownNeverBecomesAScriptWhateverItIsSent() {
        let valid = """
            # A case study

            Fewer **admissions** with [ward rounds](https://www.england.nhs.uk/) and `code`.

            > A quote, and a list:
            - one
            - two <b>bold</b>

            | a | b |
            |---|---|
            | 1 | 2 |
            """
        // The check itself finds what it looks for.
        #expect(
            Self.activeContent(in: #"<p><a href="javascript:alert(1)">x</a><img src="x.png" onerror="y"><script>z()</script></p>"#)
                == ["href=javascript:alert(1)", "onerror", "<script>"])
        for data in Self.mutations(of: Array(valid.utf8), seed: Self.seed &+ 2) {
            let markdown = String(decoding: data, as: UTF8.self)
            let html = SafeMarkdown.html(from: markdown).html
            #expect(Self.activeContent(in: html).isEmpty, "\(markdown) → \(html)")
            _ = SafeMarkdown.plainText(from: markdown)
        }
    }

    /// What in HTML could run or load something: a tag outside text that is a script, frame or
    /// object, an event-handler attribute, or a link or source whose scheme is not the web's.
    /// Text that merely mentions them (escaped, or inside an https address) is not.
    static func activeContent(in html: String) -> [String] {
        var found: [String] = []
        for tag in html.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/) {
            let name = tag.output.1.lowercased()
            if ["script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"].contains(name) {
                found.append("<\(name)>")
            }
            for attribute in String(tag.output.2).matches(of: /([a-zA-Z-]+)\s*=\s*"([^"]*)"/) {
                let (key, value) = (attribute.output.1.lowercased(), attribute.output.2.lowercased().filter { !$0.isWhitespace })
                if key.hasPrefix("on") { found.append(key) }
                if ["href", "src"].contains(key), let scheme = value.firstMatch(of: /^([a-z][a-z0-9+.-]*):/)?.output.1,
                    !["http", "https", "mailto"].contains(scheme)
                {
                    found.append("\(key)=\(value)")
                }
            }
        }
        return found
    }

    @Test func chartRequestsAreChartedOrRefusedWithAReason() {
        let requests = [
            #"{"values": [12, 15, 11, null, 14, 18, 13, 12, 16, 15, 14, 13, 20], "improvement_direction": "decrease", "target": 14, "rebase_points": [6]}"#,
            #"{"chart": "p", "numerators": [3, 4, 2, 5, 3, 4], "denominators": [50, 52, 48, 51, 50, 49], "freeze": 4}"#,
            #"{"chart": "up", "numerators": [30, 42, 28, 51], "denominators": [500, 520, 480, 510], "exclude": [1], "multiply": 1000}"#,
        ]
        for (index, request) in requests.enumerated() {
            for data in Self.mutations(of: Array(request.utf8), seed: Self.seed &+ 3 &+ UInt64(index), rounds: Self.rounds / 3) {
                if let input = try? XmRChart.input(fromJSON: data), let chart = try? XmRChart(input) {
                    #expect(chart.points.mean.count == input.values.count)
                }
                if let input = try? AttributeChart.input(fromJSON: data), let chart = try? AttributeChart(input) {
                    #expect(chart.points.count == input.numerators.count)
                }
            }
        }
    }

    @Test func theImpactSpecAndItsPanelAreReadOrRefusedWithAReason() throws {
        let folder = ProjectFiles.fixtures.appendingPathComponent("synth")
        let spec = try Data(contentsOf: folder.appendingPathComponent("california-paper-spec.json"))
        let panelText = try String(contentsOf: folder.appendingPathComponent("smoking.csv"), encoding: .utf8)
        // A few states, so that each mutated panel is read, checked and turned into a study quickly.
        let kept = panelText.split(separator: "\n").filter {
            $0.hasPrefix("state,") || $0.hasPrefix("California,") || $0.hasPrefix("Utah,") || $0.hasPrefix("Nevada,")
        }
        let panel = Array((kept.joined(separator: "\n") + "\n").utf8)
        let validSpec = try JSONDecoder().decode(SynthSpec.self, from: spec)
        for (specData, panelData) in zip(
            Self.mutations(of: Array(spec), seed: Self.seed &+ 7, rounds: Self.rounds / 3),
            Self.mutations(of: panel, seed: Self.seed &+ 8, rounds: Self.rounds / 3))
        {
            let mutated = try? JSONDecoder().decode(SynthSpec.self, from: specData)
            do {
                let table = try Panel(csv: panelData, fileName: "panel.csv", unitColumn: "state", timeColumn: "year")
                for candidate in [validSpec, mutated].compactMap({ $0 }) {
                    do { _ = try candidate.study(on: table) } catch { #expect(!error.description.isEmpty) }
                }
            } catch { #expect(!error.description.isEmpty) }
        }
    }
}
