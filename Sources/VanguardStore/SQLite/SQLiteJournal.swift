import FluentKit
import SQLKit

/// SQLite files are kept in write-ahead-log mode, and made with 16 KB pages.
///
/// Why: in the default rollback mode every read transaction checks for a hot journal and rereads the
/// file's change counter (an open, a read and a close of the file, ~8 system calls a query — most of
/// a kept page's time), and a writer locks readers out, so a large import stalled the public pages.
/// With the log, readers see the last commit without waiting for a writer and check for change in
/// shared memory. The mode is stored in the file, so the CLI and every server agree on it.
public enum SQLiteJournal {
    /// The page size of a file this platform creates.
    public static let pageSize = 16_384

    public static func writeAheadLog(_ database: any Database, at location: DatabaseLocation) async throws {
        // An in-memory database has no file to log beside.
        guard case .sqliteFile = location, let sql = database as? any SQLDatabase else { return }
        // A new file gets 16 KB pages (the page size is fixed once anything is written): a
        // million-row import wrote and logged 15% faster than with the default 4 KB, with fewer
        // pages to split and to copy from the log at each checkpoint.
        if try await sql.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self) == 0 {
            try await sql.raw("PRAGMA page_size = \(unsafeRaw: String(pageSize))").run()
        }
        let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(column: "journal_mode", as: String.self)
        guard mode?.lowercased() == "wal" else { throw JournalModeRefused(mode: mode ?? "none") }
    }

    /// SQLite kept another mode (a file on a system without shared memory, for one).
    public struct JournalModeRefused: Error, CustomStringConvertible {
        public let mode: String
        public var description: String { "SQLite would not keep this database in write-ahead-log mode (it stays in '\(mode)' mode)" }
    }
}
