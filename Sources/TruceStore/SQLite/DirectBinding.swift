import GRDB
import GRDBSQLite

/// A statement of its own, run again and again with its values bound straight through SQLite's C interface: no
/// `StatementArguments`, no boxing of each value, no copy of any text (SQLite reads it in place while the
/// statement runs). For the statements a bulk import runs once or twice per record, prepared once per transaction.
///
/// Values bound in place are only read while ``run(_:thenInteger:thenText:)`` runs; the statement is never run
/// again without binding every value anew, and it is finalized with the binding, so no pointer outlives its text.
struct DirectBinding: SQLiteBinding {
    let statement: Statement
    let handle: SQLiteStatement
    let database: Database

    /// Ready to run `sql`, prepared for this binding alone (not from the connection's statement cache, which
    /// another caller could run with this binding's stale pointers).
    init(_ sql: String, db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        database = db
    }

    /// Binds `values` from the first parameter, then `integer` when given, then `text`, and runs the statement once.
    func run(_ values: PackedValues, thenInteger integer: Int64? = nil, thenText text: String) throws {
        var text = text  // withUTF8 needs a variable; a native string is not copied
        try text.withUTF8 { last in
            try values.withEach(
                { index, value in
                    switch value {
                    case .null: try check(sqlite3_bind_null(handle, index))
                    case .integer(let number): try check(sqlite3_bind_int64(handle, index, number))
                    case .real(let number): try check(sqlite3_bind_double(handle, index, number))
                    case .text(let utf8): try check(bindInPlace(utf8, at: index))
                    }
                },
                then: {
                    var index = CInt(values.count)
                    if let integer {
                        index += 1
                        try check(sqlite3_bind_int64(handle, index, integer))
                    }
                    try check(bindInPlace(UnsafeRawBufferPointer(last), at: index + 1))
                    let code = sqlite3_step(handle)
                    sqlite3_reset(handle)
                    guard code == SQLITE_DONE else { throw error(code) }
                })
        }
    }

    /// Binds `utf8` as text read in place (`SQLITE_STATIC`, no destructor); an empty buffer, which may have no
    /// address and would then bind as NULL, binds as the empty text.
    private func bindInPlace(_ utf8: UnsafeRawBufferPointer, at index: CInt) -> CInt {
        guard let base = utf8.baseAddress, utf8.count > 0 else {
            return sqlite3_bind_text(handle, index, "", 0, Self.transient)
        }
        return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), CInt(utf8.count), nil)
    }

}
