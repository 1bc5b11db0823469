import GRDB
import GRDBSQLite

/// A statement whose values are bound straight through SQLite's C interface (``DirectBinding``,
/// ``CachedBinding``): how such bindings check SQLite's result codes and report a failure.
protocol SQLiteBinding {
    var statement: Statement { get }
    var handle: SQLiteStatement { get }
    var database: Database { get }
}

extension SQLiteBinding {
    /// SQLite copies text bound with this destructor before the call returns.
    static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }

    /// Throws the connection's error unless `code` is `SQLITE_OK`.
    func check(_ code: CInt) throws {
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// The connection's error for `code`, with the statement's SQL.
    func error(_ code: CInt) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
            sql: statement.sql)
    }
}
