import Foundation
import SQLKit
import VanguardStore
import Vapor

/// `vanguard backup FILE`: a consistent copy of the whole database while it is in use — SQLite's
/// `VACUUM INTO`, or `pg_dump`'s custom format for PostgreSQL.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup; an existing file is never overwritten")
        var file: String
    }

    var help: String { "Writes a consistent backup of the whole database to FILE while the platform runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = URL(fileURLWithPath: signature.file)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw CommandFailure(description: "\(file.path) exists already; a backup never overwrites a file")
        }
        switch app.appConfig.database {
        case .sqliteFile, .sqliteMemory:
            try await SQLiteBackup.backup(app.db, to: file)
        case .postgres(let url):
            try PostgresTool.run("pg_dump", ["--format=custom", "--no-owner", "--file", file.path], url: url)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        context.console.print("[backup] \(file.path) written (\(size) bytes)")
    }
}

/// `vanguard restore FILE`: a backup restored into an empty database, whole or not at all.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by vanguard backup")
        var file: String
    }

    var help: String { "Restores a backup into the database DATABASE_URL names, which must be empty." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = URL(fileURLWithPath: signature.file)
        switch app.appConfig.database {
        case .sqliteFile, .sqliteMemory:
            do {
                let tables = try await SQLiteBackup.restore(app.db, from: file)
                context.console.print("[restore] \(tables.count) tables restored from \(file.path)")
            } catch let refused as SQLiteBackup.Refused {
                throw CommandFailure(description: refused.description)
            }
        case .postgres(let url):
            guard let sql = app.db as? any SQLDatabase else { throw CommandFailure(description: "not an SQL database") }
            let count =
                try await sql.raw("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count == 0 else {
                throw CommandFailure(description: "the database is not empty (it has \(count) tables): restore only into an empty database")
            }
            try PostgresTool.run(
                "pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname"], url: url, trailing: [file.path])
            context.console.print("[restore] restored from \(file.path)")
        }
        // A server may have kept pages made at the backup's version number from later content.
        // (A backup older than the content version has none; `migrate` makes it.)
        try? await ContentVersion.leap(on: app.db)
    }
}

/// PostgreSQL's own client programs, run with the connection from `DATABASE_URL` (the password
/// in the environment, not on the command line where `ps` would show it).
enum PostgresTool {
    static func run(_ name: String, _ arguments: [String], url: String, trailing: [String] = []) throws {
        guard var components = URLComponents(string: url) else { throw CommandFailure(description: "DATABASE_URL is not a URL") }
        var environment = ProcessInfo.processInfo.environment
        if let password = components.password {
            environment["PGPASSWORD"] = password
            components.password = nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable(name))
        // pg_dump takes the connection as its last word; pg_restore after --dbname.
        process.arguments = arguments + [components.string ?? url] + trailing
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CommandFailure(
                description: "\(name) failed (\(process.terminationStatus)): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// The newest installed version's program (Debian keeps each under /usr/lib/postgresql/N/bin).
    static func executable(_ name: String) throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(name)") {
            return "\(root)/\(version)/bin/\(name)"
        }
        for folder in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        throw CommandFailure(description: "\(name) is not installed (Debian: apt-get install postgresql-client)")
    }
}
