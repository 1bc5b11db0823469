import Foundation
import GRDB
import GRDBSQLite
import TruceCore

/// Tells whether an incident's stored rows hold byte for byte what saving a prepared incident would write: its
/// columns and body, and its one source record's dataset, key, release, header and values. Then its content is
/// the same, whatever file and line it was read from, and nothing needs rebuilding; `false` only says that this
/// quick comparison cannot tell (``SQLiteStore/sameContent(stored:as:db:)`` decides).
///
/// One statement, prepared once per save transaction, reads the incident's row joined with its source records'
/// rows, and each stored value is compared where SQLite keeps it (no `Row`, no string made per column): this
/// runs for every record of a file imported again.
struct StoredRowsCheck: SQLiteBinding {
    let statement: Statement
    let handle: SQLiteStatement
    let database: Database

    /// The columns read, in this order: the incident's (``IncidentColumns/incidentColumns``), its body, then the
    /// source record's.
    private static let sql: String = {
        let incident = IncidentColumns.incidentColumns.split(separator: ",").map { "i." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return """
            SELECT \(incident.joined(separator: ", ")), i.body, s.dataset, s.record_key, s.release, s.header_id, s.field_values
            FROM incident i JOIN source_record s ON s.incident_id = i.id WHERE i.id = ?
            """
    }()

    init(db: Database) throws {
        statement = try db.makeStatement(sql: Self.sql)
        handle = statement.sqliteStatement
        database = db
    }

    /// Whether the stored rows of `prepared`'s incident hold what saving it would write, its source record's
    /// names being the stored header `header` (`nil` when no stored header has them: then they cannot be the same).
    func holds(_ prepared: PreparedIncident, header: Int64?) throws -> Bool {
        let incident = prepared.incident
        guard let header, incident.sources.count == 1 else { return false }
        var id = incident.id
        return try id.withUTF8 { id in
            defer { sqlite3_reset(handle) }
            try check(bindText(id, at: 1))
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return false }
                throw error(code)
            }
            guard sameRow(prepared, header: header) else { return false }
            // Exactly one source record, as the incident has.
            let next = sqlite3_step(handle)
            guard next == SQLITE_DONE else {
                if next == SQLITE_ROW { return false }
                throw error(next)
            }
            return true
        }
    }

    /// Whether the row the statement stands on holds `prepared`'s values.
    private func sameRow(_ prepared: PreparedIncident, header: Int64) -> Bool {
        var same = true
        var column: CInt = 0
        prepared.columns.incident.withEach(
            { _, value in
                guard same else { return }
                same = holds(value, at: column)
                column += 1
            }, then: {})
        guard same else { return false }
        let record = prepared.incident.sources[0]
        let count = CInt(IncidentColumns.incidentColumnCount)
        return holds(text: prepared.stored.body, at: count) && holds(text: record.dataset, at: count + 1)
            && holds(text: record.key, at: count + 2) && holds(text: record.release, at: count + 3)
            && sqlite3_column_type(handle, count + 4) == SQLITE_INTEGER && sqlite3_column_int64(handle, count + 4) == header
            && holds(text: prepared.stored.values[0], at: count + 5)
    }

    /// Whether column `column` holds `value`, of the same type.
    private func holds(_ value: PackedValues.Value, at column: CInt) -> Bool {
        let type = sqlite3_column_type(handle, column)
        switch value {
        case .null: return type == SQLITE_NULL
        case .integer(let number): return type == SQLITE_INTEGER && sqlite3_column_int64(handle, column) == number
        case .real(let number): return type == SQLITE_FLOAT && sqlite3_column_double(handle, column).bitPattern == number.bitPattern
        case .text(let utf8): return type == SQLITE_TEXT && holds(utf8, at: column)
        }
    }

    /// Whether column `column` holds `text` (NULL for `nil`), byte for byte.
    private func holds(text: String?, at column: CInt) -> Bool {
        guard var text else { return sqlite3_column_type(handle, column) == SQLITE_NULL }
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return false }
        return text.withUTF8 { holds(UnsafeRawBufferPointer($0), at: column) }
    }

    /// Whether the text of column `column` has exactly the bytes `utf8`.
    private func holds(_ utf8: UnsafeRawBufferPointer, at column: CInt) -> Bool {
        StatementColumns(handle: handle).withUTF8(Int(column)) { stored in
            guard stored.count == utf8.count else { return false }
            guard let storedBase = stored.baseAddress, let base = utf8.baseAddress else { return stored.isEmpty }
            return memcmp(storedBase, base, stored.count) == 0
        }
    }

    /// Binds `utf8` as text read in place while the statement runs.
    private func bindText(_ utf8: UnsafeBufferPointer<UInt8>, at index: CInt) -> CInt {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
        return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), CInt(utf8.count), nil)
    }
}
