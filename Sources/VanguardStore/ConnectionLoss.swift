import FluentKit
import FluentPostgresDriver
import NIOCore
import SQLKit

/// Work that holds one PostgreSQL connection across several statements, and gives up the moment
/// that connection closes.
///
/// Why: PostgresNIO 1.33 writes each statement to its channel without a promise for the write. When
/// PostgreSQL closes the connection (a restart, a fail-over) between two statements of a transaction,
/// the next statement is written to a channel whose handlers are gone; the write fails and the
/// statement's own promise is never answered. The request then waits for ever and its connection
/// never goes back to the pool (one pool slot lost for good each time). Watching the connection during every
/// step turns that into a prompt failure: the request answers 503 and the pool, finding
/// the connection closed, drops it. A statement's own task may stay suspended; it holds no connection.
///
/// On SQLite these are Fluent's own `transaction` (taking the write lock first) and `withConnection`;
/// inside a transaction already, the work joins it.
extension Database {
    /// A transaction: all of `work` or none of it.
    public func guardedTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, self is any PostgresDatabase else {
            return try await transaction { database in
                try await Self.takeTheWriteLockFirst(on: database)
                return try await work(database)
            }
        }
        return try await onOneConnection { database, connection in
            guard let control = database as? any TransactionControlDatabase else {
                return database.eventLoop.makeFailedFuture(ConnectionLoss.unsupported)
            }
            return connection.guarding(control.beginTransaction())
                .flatMap { connection.guarding(database.eventLoop.makeFutureWithTask { try await work(database) }) }
                .flatMap { value in connection.guarding(control.commitTransaction()).map { value } }
                .flatMapError { error in
                    // A closed connection's transaction is already rolled back by the server.
                    guard !connection.isClosed else { return database.eventLoop.makeFailedFuture(error) }
                    return connection.guarding(control.rollbackTransaction()).flatMapThrowing { throw error }
                }
        }
    }

    /// Several reads on one pooled connection.
    public func guardedConnection<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, self is any PostgresDatabase else { return try await withConnection(work) }
        return try await onOneConnection { database, connection in
            connection.guarding(database.eventLoop.makeFutureWithTask { try await work(database) })
        }
    }

    /// The PostgreSQL connection a guarded transaction runs on, for what only the driver itself
    /// offers (COPY). Inside `guardedTransaction` this is the transaction's own connection, not
    /// another from the pool; outside one it is refused.
    public func transactionConnection<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        guard inTransaction, let postgres = self as? any PostgresDatabase else { throw ConnectionLoss.unsupported }
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await work(connection) }
        }.get()
    }

    /// SQLite: a transaction that reads and then writes while another connection is writing cannot
    /// wait for it (each would wait on the other), so SQLite refuses it at once with "database is
    /// locked". Writing first — a statement that changes nothing — takes the write lock at the start,
    /// where waiting is safe: the busy handler waits for the other writer instead. (What
    /// `BEGIN IMMEDIATE` does; Fluent's transaction says only `BEGIN`.)
    private static func takeTheWriteLockFirst(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0").run()
    }

    private func onOneConnection<T: Sendable>(
        _ work: @escaping @Sendable (any Database, PostgresConnection) -> EventLoopFuture<T>
    ) async throws -> T {
        try await withConnection { (database: any Database) -> EventLoopFuture<T> in
            guard let postgres = database as? any PostgresDatabase else {
                return database.eventLoop.makeFailedFuture(ConnectionLoss.unsupported)
            }
            return postgres.withConnection { connection in work(database, connection) }
        }.get()
    }
}

/// Why work on one connection stopped.
public enum ConnectionLoss: Error, CustomStringConvertible {
    /// PostgreSQL closed the connection before the work was done.
    case closed
    /// The database did not hand out a PostgreSQL connection (a driver change would show here first).
    case unsupported

    public var description: String {
        switch self {
        case .closed: "the database closed the connection before the work was done"
        case .unsupported: "the database did not give a PostgreSQL connection"
        }
    }
}

extension PostgresConnection {
    /// `step`'s answer, or a failure soon after this connection closes, whichever comes first.
    ///
    /// The connection is looked at four times a second while the step is under way rather than
    /// through its `closeFuture`: a pooled connection lives for hours, and a callback added to that
    /// future for every statement would be kept until it closes.
    fileprivate func guarding<T: Sendable>(_ step: EventLoopFuture<T>) -> EventLoopFuture<T> {
        let answer = eventLoop.makePromise(of: T.self)
        step.cascade(to: answer)
        let watch = eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { [self] _ in
            // A promise answers once; if the step has answered, this is ignored.
            if isClosed { answer.fail(ConnectionLoss.closed) }
        }
        answer.futureResult.whenComplete { _ in watch.cancel() }
        return answer.futureResult
    }
}
