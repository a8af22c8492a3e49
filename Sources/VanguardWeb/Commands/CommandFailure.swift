/// A command that cannot go on, with the one line the operator sees (main.swift prints it and exits 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}
