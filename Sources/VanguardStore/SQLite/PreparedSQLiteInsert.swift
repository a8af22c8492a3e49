import FluentSQLiteDriver
import Foundation
import NIOPosix
import VaporCSQLite

/// One INSERT prepared once and stepped once per row, on the SQLite handle of the connection a
/// transaction holds — what the sqlite3 shell's `.import` does, and what SQLiteNIO does not offer.
///
/// Why: SQLiteNIO prepares every statement afresh and copies every text it binds, so a million rows
/// sent as multi-row statements spent most of their time in SQLite's parser (1.7 s of inserts where
/// SQLite's own work was 0.6 s). Here a row costs its binds and one step; a value that repeats from
/// the row before (a code, in key order) is not bound again.
///
/// SQLiteNIO keeps its `sqlite3 *` internal, so it is read by reflection from the connection
/// (`handle.raw`) and driven through SQLiteNIO's own copy of the library (`VaporCSQLite`, whose
/// symbols carry the `sqlite_nio_` prefix), so the file's locks stay those of one library. If a
/// SQLiteNIO release moves the handle, `init` throws and `BulkReturnsTests` fails: nothing falls
/// back silently. The connection is opened with `SQLITE_OPEN_FULLMUTEX`, and while the transaction
/// awaits this insert nothing else uses it.
struct PreparedSQLiteInsert {
    private let handle: OpaquePointer

    /// Runs `sql` prepared once on the connection of `transaction` (a Fluent SQLite database inside
    /// a transaction answers `withConnection` with the transaction's own connection).
    static func run<T: Sendable>(
        _ sql: String, in transaction: any SQLiteDatabase, _ body: @escaping @Sendable (Statement) throws -> T
    ) async throws -> T {
        try await transaction.withConnection { connection in try await PreparedSQLiteInsert(on: connection).run(sql, body) }
    }

    private init(on connection: SQLiteConnection) throws {
        guard let box = Mirror(reflecting: connection).children.first(where: { $0.label == "handle" })?.value,
            let raw = Mirror(reflecting: box).children.first(where: { $0.label == "raw" })?.value as? OpaquePointer?,
            let handle = raw
        else { throw HandleUnavailable() }
        self.handle = handle
    }

    /// Prepares `sql`, lets `body` bind and step it row by row, and finalizes it whatever happens.
    /// Runs on a thread of the blocking pool, not the caller's.
    private func run<T: Sendable>(_ sql: String, _ body: @escaping @Sendable (Statement) throws -> T) async throws -> T {
        let handle = Handle(raw: handle)
        return try await NIOThreadPool.singleton.runIfActive {
            var prepared: OpaquePointer?
            let status = sqlite_nio_sqlite3_prepare_v2(handle.raw, sql, -1, &prepared, nil)
            guard status == SQLITE_OK, let prepared else { throw Failure(handle: handle.raw, during: "prepare") }
            defer { sqlite_nio_sqlite3_finalize(prepared) }
            return try body(Statement(handle: handle.raw, statement: prepared))
        }
    }

    /// A prepared statement. Texts are bound without a copy (`SQLITE_STATIC`): the caller keeps them
    /// alive until the statement is stepped with other values or finalized.
    struct Statement {
        fileprivate let handle: OpaquePointer
        fileprivate let statement: OpaquePointer

        func bind(_ text: UnsafePointer<CChar>, at index: Int32) {
            sqlite_nio_sqlite3_bind_text(statement, index, text, -1, nil)
        }

        func bind(_ value: Double, at index: Int32) {
            sqlite_nio_sqlite3_bind_double(statement, index, value)
        }

        func bind(_ value: Int, at index: Int32) {
            sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        }

        /// Runs the statement once with the values bound now, and readies it for the next row
        /// (the bindings stay).
        func step() throws {
            guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else {
                let failure = Failure(handle: handle, during: "insert")
                sqlite_nio_sqlite3_reset(statement)
                throw failure
            }
            sqlite_nio_sqlite3_reset(statement)
        }
    }

    /// Texts as C strings that stay put while a statement reads them, freed together.
    final class Texts: @unchecked Sendable {
        private var pointers: [String: UnsafeMutablePointer<CChar>] = [:]

        /// The one C copy of `text`.
        func pointer(to text: String) -> UnsafePointer<CChar> {
            if let known = pointers[text] { return UnsafePointer(known) }
            let made = strdup(text)!
            pointers[text] = made
            return UnsafePointer(made)
        }

        deinit {
            for pointer in pointers.values { free(pointer) }
        }
    }

    private struct Handle: @unchecked Sendable {
        let raw: OpaquePointer
    }

    struct HandleUnavailable: Error, CustomStringConvertible {
        var description: String {
            "this SQLiteNIO no longer keeps its connection handle where PreparedSQLiteInsert reads it (SQLiteConnection.handle.raw)"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String

        init(handle: OpaquePointer, during step: String) {
            description = "SQLite \(step) failed: " + String(cString: sqlite_nio_sqlite3_errmsg(handle))
        }
    }
}
