import Foundation
import GRDB
import GRDBSQLite

/// Tells whether anything was committed to a store since it last looked, by any connection of any process: a
/// read-only connection of its own whose SQLite `data_version` changes with every commit made by another
/// connection. One question is a few microseconds and never waits for a writer, so a server can ask it on
/// every request before it answers from what it kept.
///
/// ```swift
/// let watch = try store.changeWatch()
/// let version = try watch.version()   // differs from an earlier value once something was committed since
/// ```
public final class StoreChangeWatch: @unchecked Sendable {
    /// The connection, opened by GRDB and from then on used only here, through SQLite's C interface: a question
    /// costs one step of one prepared statement, under `lock`, with no hop to the queue's thread.
    private let queue: DatabaseQueue
    private let connection: SQLiteConnection
    private let statement: SQLiteStatement
    private let busyTimeout: Double
    private let lock = NSLock()

    init(queue: DatabaseQueue, busyTimeout: Double) throws {
        self.queue = queue
        self.busyTimeout = busyTimeout
        connection = queue.inDatabase { $0.sqliteConnection! }
        var statement: SQLiteStatement?
        let code = sqlite3_prepare_v2(connection, "PRAGMA data_version", -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        self.statement = statement
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// A number that changes whenever a commit was made to the store since the last time it was read.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func version() throws -> Int64 {
        let (code, version): (CInt, Int64) = lock.withLock {
            defer { sqlite3_reset(statement) }
            let code = sqlite3_step(statement)
            return (code, code == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0)
        }
        guard code == SQLITE_ROW else {
            let error = DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)), sql: "PRAGMA data_version")
            throw StoreError(path: queue.path, operation: "read the store's version", error: error, busyTimeout: busyTimeout)
        }
        return version
    }
}

extension SQLiteStore {
    /// A watch on this store's commits (see ``StoreChangeWatch``), over a read-only connection of its own.
    /// - Throws: ``StoreError`` when the store cannot be opened.
    public func changeWatch() throws -> StoreChangeWatch {
        try wrap("open the database") {
            let opening = Opening(path: path, busyTimeout: busyTimeout, maximumValueLength: nil)
            return try StoreChangeWatch(
                queue: try DatabaseQueue(path: path, configuration: opening.configuration(readOnly: true)), busyTimeout: busyTimeout)
        }
    }
}
