import Foundation

/// A progress bar for long commands: redrawn in place on a terminal, and on a pipe or log a line
/// at every tenth, so CI logs and `| tail` stay readable.
final class ProgressBar: @unchecked Sendable {
    private let title: String
    private var total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastTenth = -1
    private let lock = NSLock()

    init(title: String, total: Int) {
        self.title = title
        self.total = max(total, 1)
    }

    /// Shows `done` of the total (or of `total`, when the work learns it late); safe to call from any task.
    func update(_ done: Int, of newTotal: Int? = nil) {
        lock.lock()
        defer { lock.unlock() }
        if let newTotal { total = max(newTotal, 1) }
        let fraction = min(1, Double(done) / Double(total))
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(title) \(bar) \(Int(fraction * 100))% \(done)/\(total)".utf8))
            if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let tenth = Int(fraction * 10)
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            FileHandle.standardError.write(Data("\(title) \(tenth * 10)% (\(done)/\(total))\n".utf8))
        }
    }
}
