import Foundation
import GRDB
import GRDBSQLite
import TruceCore

/// Writes the rows of new incidents in one save transaction: each incident and its source records, by two
/// statements prepared once for the transaction and bound from the values packed where the incident was prepared
/// (``PreparedIncident/columns``); and, when the transaction ends, queues every incident it saved for linking in
/// one statement.
struct IncidentWriter {
    private let db: Database
    private let incident: DirectBinding
    private let source: DirectBinding
    private var headers = HeaderCache()
    private let storedRows: StoredRowsCheck
    /// The least rowid given to an incident in this transaction (see ``queueForLinking()``).
    private var firstRowid: Int64?

    init(db: Database) throws {
        self.db = db
        incident = try DirectBinding(
            """
            INSERT INTO incident (\(IncidentColumns.incidentColumns), body)
            VALUES (\(ChunkedRows.list("?", IncidentColumns.incidentColumnCount + 1)))
            ON CONFLICT (id) DO NOTHING
            """, db: db)
        source = try DirectBinding(
            """
            INSERT INTO source_record (\(IncidentColumns.sourceColumns), header_id, field_values)
            VALUES (\(ChunkedRows.list("?", IncidentColumns.sourceColumnCount + 2)))
            """, db: db)
        storedRows = try StoredRowsCheck(db: db)
    }

    /// Whether the stored rows of the incident hold byte for byte what inserting `prepared` would write (see
    /// ``StoredRowsCheck``): then it is unchanged.
    mutating func storedRowsHold(_ prepared: PreparedIncident) throws -> Bool {
        guard prepared.names.count == 1 else { return false }
        return try storedRows.holds(prepared, header: try headers.storedID(forNames: prepared.names[0], db: db))
    }

    /// Inserts the incident and its source records, unless an incident with its id is stored.
    /// - Returns: whether it was inserted (one statement decides, so a new incident costs no lookup).
    mutating func insert(_ prepared: PreparedIncident) throws -> Bool {
        try incident.run(prepared.columns.incident, thenText: prepared.stored.body)
        guard sqlite3_changes(db.sqliteConnection) == 1 else { return false }
        let rowid = sqlite3_last_insert_rowid(db.sqliteConnection)
        firstRowid = min(firstRowid ?? rowid, rowid)
        for (ordinal, columns) in prepared.columns.sources.enumerated() {
            let header = try headers.id(forNames: prepared.names[ordinal], db: db)
            try source.run(columns, thenInteger: header, thenText: prepared.stored.values[ordinal])
        }
        return true
    }

    /// Queues every incident saved in this transaction for linking (`link_pending`), as every save does.
    ///
    /// SQLite gives a new row a rowid above the largest in the table, so each row still there from before this
    /// transaction has a smaller rowid than any row it inserted: the rows from the least rowid it gave are exactly
    /// the incidents it saved. (Only a table whose largest rowid reached 2^63 - 1 gets rowids at random; then this
    /// may queue some incidents saved before as well, which costs linking a little work and changes no result.)
    func queueForLinking() throws {
        guard let firstRowid else { return }
        try db.execute(
            sql: "INSERT OR IGNORE INTO link_pending (incident_id) SELECT id FROM incident WHERE rowid >= ?", arguments: [firstRowid])
    }
}
