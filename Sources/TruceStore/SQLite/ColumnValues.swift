import GRDB
import GRDBSQLite

/// The values of one row read by position: a row GRDB has copied, or the row a statement stands on, read in
/// place (``StatementColumns``). Readers of stored columns (``SQLiteStore/summary(_:)``) take either.
protocol ColumnValues {
    func text(_ index: Int) -> String?
    func integer(_ index: Int) -> Int64?
    func real(_ index: Int) -> Double?
}

extension Row: ColumnValues {
    func text(_ index: Int) -> String? { self[index] }
    func integer(_ index: Int) -> Int64? { self[index] }
    func real(_ index: Int) -> Double? { self[index] }
}

/// The row a statement stands on, read through SQLite's C interface: no `Row` copied, no value boxed, no
/// column looked up by name. Valid only until the statement steps again.
struct StatementColumns: ColumnValues {
    let handle: SQLiteStatement

    func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, CInt(index)) == SQLITE_NULL }

    func text(_ index: Int) -> String? {
        guard !isNull(index) else { return nil }
        return withUTF8(index) { String(decoding: $0, as: UTF8.self) }
    }

    func integer(_ index: Int) -> Int64? { isNull(index) ? nil : sqlite3_column_int64(handle, CInt(index)) }

    func real(_ index: Int) -> Double? { isNull(index) ? nil : sqlite3_column_double(handle, CInt(index)) }

    /// Calls `body` with the UTF-8 bytes of the text of column `index`, read in place.
    func withUTF8<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let bytes = sqlite3_column_text(handle, CInt(index)) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, CInt(index)))))
    }

    /// Adds the value of column `index` to `hasher`, with its type: texts and blobs by their bytes, each
    /// followed by where it ends.
    func combine(_ index: Int, into hasher: inout Hasher) {
        let column = CInt(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: hasher.combine(0 as UInt8)
        case SQLITE_INTEGER: hasher.combine(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: hasher.combine(sqlite3_column_double(handle, column).bitPattern)
        case SQLITE_TEXT:
            withUTF8(index) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8)  // where one text ends, as no UTF-8 byte is 0xFF
        default:
            let bytes = sqlite3_column_blob(handle, column)
            hasher.combine(bytes: UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
            hasher.combine(0xFE as UInt8)
        }
    }

    /// Runs `statement` with `arguments` and calls `body` with each row it gives, read in place.
    static func forEachRow(of statement: Statement, arguments: StatementArguments, _ body: (StatementColumns) throws -> Void) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let columns = StatementColumns(handle: statement.sqliteStatement)
        while try rows.next() != nil { try body(columns) }
    }
}
