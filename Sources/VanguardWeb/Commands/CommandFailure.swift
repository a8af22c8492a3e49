import Vapor

/// A command that cannot go on, with the one line the operator sees (main.swift prints it and exits 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}

extension Application {
    private struct ExitStatusKey: StorageKey { typealias Value = Int32 }

    /// The exit status a command asks for after writing its own output; main.swift exits with it.
    /// (Throwing instead would make Vapor log the error on standard output, after the JSON.)
    public var commandExitStatus: Int32 {
        get { storage[ExitStatusKey.self] ?? 0 }
        set { storage[ExitStatusKey.self] = newValue }
    }
}
