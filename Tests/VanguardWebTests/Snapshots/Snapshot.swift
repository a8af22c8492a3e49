import Foundation
import Plot
import Testing

/// Pages rendered from fixed models and held against stored HTML, so a change of markup is
/// reviewed as a diff. The SPI server does this with swift-snapshot-testing; its inline snapshots
/// build swift-syntax, minutes of CI for each clean build, and a file comparison is all this needs.
///
/// A page with no stored snapshot, or any page when `SNAPSHOTS=record`, is written to
/// `__Snapshots__/NAME.html` and the test fails, so new markup is looked at before it is committed.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func expect(_ html: HTML, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rendered = html.render(indentedBy: .spaces(2)) + "\n"
        let stored = directory.appendingPathComponent("\(name).html")
        let recording = ProcessInfo.processInfo.environment["SNAPSHOTS"] == "record"
        guard !recording, let expected = try? String(contentsOf: stored, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try rendered.write(to: stored, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(stored.lastPathComponent); review it and run the test again", sourceLocation: sourceLocation)
            return
        }
        guard rendered != expected else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.html")
        try rendered.write(to: actual, atomically: true, encoding: .utf8)
        let new = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(new, old).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(new.count, old.count)
        Issue.record(
            """
            \(name) differs from its snapshot from line \(line + 1):
              stored:   \(line < old.count ? String(old[line]) : "(end)")
              rendered: \(line < new.count ? String(new[line]) : "(end)")
            diff \(stored.path) \(actual.path); if the change is meant, record it with SNAPSHOTS=record
            """, sourceLocation: sourceLocation)
    }
}
