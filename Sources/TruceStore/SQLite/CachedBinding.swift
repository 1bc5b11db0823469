import GRDB
import GRDBSQLite

/// Runs a cached statement with its values bound one by one straight through SQLite's C interface: no
/// `StatementArguments`, no boxing of each value, text bound from the string's own UTF-8 storage. For the
/// rows adjudication writes (marks, verdicts, link records, evidence); imports use ``DirectBinding``.
///
/// One binding runs its statement for row after row: the statement is looked up once, and each run binds
/// every value anew (SQLite keeps the memory of the last row's values for the next).
struct CachedBinding: SQLiteBinding {
    let statement: Statement
    let handle: SQLiteStatement
    let database: Database
    private let parameters: CInt
    private var index: CInt = 0

    /// Ready to bind the values of `sql` (prepared once per connection), from the first parameter.
    init(_ sql: String, db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        database = db
        parameters = sqlite3_bind_parameter_count(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    mutating func bind(_ text: String?) throws {
        index += 1
        guard var text else { return try check(sqlite3_bind_null(handle, index)) }
        let code = text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would bind as NULL.
            utf8.count == 0
                ? sqlite3_bind_text(handle, index, "", 0, Self.transient)
                : sqlite3_bind_text(
                    handle, index, UnsafeRawPointer(utf8.baseAddress!).assumingMemoryBound(to: CChar.self),
                    CInt(utf8.count), Self.transient)
        }
        try check(code)
    }

    mutating func bind(_ number: Int64?) throws {
        index += 1
        try check(number.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    mutating func bind(_ number: Int?) throws { try bind(number.map(Int64.init)) }

    mutating func bind(_ number: Double?) throws {
        index += 1
        try check(number.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    /// Runs the statement once with the values bound, then awaits the next row's values from the first
    /// parameter.
    /// - Throws: a `DatabaseError` when SQLite fails, or when the values bound are not one per parameter (a
    ///   value left unbound would be the last row's).
    mutating func run() throws {
        guard index == parameters else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(index) values bound for \(parameters) parameters", sql: statement.sql)
        }
        index = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

}
