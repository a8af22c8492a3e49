import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the data lives, read from `DATABASE_URL`: `sqlite:PATH` (the default, `sqlite:vanguard.sqlite`),
/// `sqlite::memory:` for throwaway databases, or `postgres://user:pass@host:port/db`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultURL = "sqlite:vanguard.sqlite"

    public struct InvalidURL: Error, CustomStringConvertible {
        public let url: String
        public var description: String {
            "DATABASE_URL '\(url)' is not understood: use sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db"
        }
    }

    public init(url: String?) throws {
        let url = (url?.isEmpty ?? true) ? Self.defaultURL : url!
        if url == "sqlite::memory:" {
            self = .sqliteMemory
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw InvalidURL(url: url) }
            self = .sqliteFile(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            throw InvalidURL(url: url)
        }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The location without its password, safe to log.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://(unparsable)" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://"
        }
    }

    /// The Fluent configuration for this location.
    public func configuration(connectionsPerEventLoop: Int = 4) throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(.file(path), connectionPoolTimeout: .seconds(5))
        case .sqliteMemory:
            return .sqlite(.memory, connectionPoolTimeout: .seconds(5))
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            return .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: connectionsPerEventLoop, connectionPoolTimeout: .seconds(10),
                encodingContext: .default, decodingContext: .default
            )
        }
    }

    public var databaseID: DatabaseID {
        isPostgres ? .psql : .sqlite
    }

    /// A connection of its own for reading the content version, on an SQLite file.
    ///
    /// Why: Fluent gives SQLite one connection per event loop, so every statement of a loop queues
    /// behind the one running — a job waiting for the write lock behind a long import held it, and
    /// that loop's pages waited (and timed out) though the page itself was kept. In write-ahead-log
    /// mode a second connection reads while the first waits. PostgreSQL's pool has several already.
    public func contentVersionConfiguration() throws -> (factory: DatabaseConfigurationFactory, id: DatabaseID)? {
        guard case .sqliteFile = self else { return nil }
        return (try configuration(), .contentVersion)
    }
}

extension DatabaseID {
    /// The SQLite connections that read the content version (`DatabaseLocation.contentVersionConfiguration`).
    public static let contentVersion = DatabaseID(string: "content-version")
}
