import Foundation
import GRDB
import TruceCore

/// Link records made while judging, from the incidents the judging pass decoded anyway, kept in a temporary
/// table of the writing connection until the linking that ends the same run takes them in: linking then reads
/// and decodes only the bodies of incidents it has no staged record for.
///
/// A record is staged in the transaction that marks its incident judged, and only for content that transaction
/// marks (never for what changed while it was judged); it is taken only while that mark stands. Saving the
/// incident again removes the mark, and marking it again without a new record removes the staged one, so a
/// staged record always describes the content stored. The table lives only as long as the connection: no other
/// process or later run reads it, and linking drops it.
enum StagedLinkRecords {
    /// The columns of a link record, in the order ``write(_:rulesVersion:into:db:)`` binds them.
    static let columns = """
        incident_id, rules_version, first_day, last_day, role, start_seconds, end_seconds, target_category, target_subtype,
        target_words, action, country, latitude, longitude, geo_precision, region, place, coded_dataset, own_level, claims
        """

    /// Keeps `records`, worked out under `rulesVersion`, for the linking that follows.
    static func stage(_ records: [LinkRecord], rulesVersion: String, db: Database) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS staged_link_key (
                    incident_id TEXT PRIMARY KEY NOT NULL, rules_version TEXT NOT NULL, first_day INTEGER NOT NULL,
                    last_day INTEGER NOT NULL, role TEXT NOT NULL, start_seconds REAL NOT NULL, end_seconds REAL,
                    target_category TEXT, target_subtype TEXT, target_words TEXT, action TEXT, country TEXT, latitude REAL,
                    longitude REAL, geo_precision TEXT NOT NULL, region TEXT, place TEXT, coded_dataset TEXT,
                    own_level TEXT NOT NULL, claims TEXT NOT NULL
                )
                """)
        try write(records, rulesVersion: rulesVersion, into: "temp.staged_link_key", db: db)
    }

    /// Whether any record is staged.
    static func any(_ db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM temp.sqlite_master WHERE name = 'staged_link_key'") ?? false else { return false }
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM temp.staged_link_key LIMIT 1") ?? false
    }

    /// The SQL condition on a staged record `s` that it may be taken: made under the rules bound to its two
    /// parameters, and its incident still marked judged under them (so stored, with the content it was made of).
    static let takeable = """
        s.rules_version = ? AND EXISTS (
            SELECT 1 FROM adjudication_mark m WHERE m.subject = 'incident' AND m.id = s.incident_id AND m.rules_version = ?)
        """

    /// Moves the records that may be taken under `rulesVersion` for `ids` into `link_key`.
    static func take(ids: [IncidentID], rulesVersion: String, db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO link_key (\(columns))
                SELECT \(columns) FROM temp.staged_link_key s
                WHERE s.incident_id IN \(LinkingTransaction.placeholders(ids.count)) AND \(takeable)
                """,
            arguments: StatementArguments(ids) + [rulesVersion, rulesVersion])
    }

    /// Moves every record that may be taken under `rulesVersion` into `link_key`.
    static func takeAll(rulesVersion: String, db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO link_key (\(columns)) SELECT \(columns) FROM temp.staged_link_key s WHERE \(takeable)",
            arguments: [rulesVersion, rulesVersion])
    }

    /// The SQL condition (on a query of `incident`) that leaves out incidents with a record that may be taken
    /// under the rules bound to its two parameters.
    static let notStaged = "NOT EXISTS (SELECT 1 FROM temp.staged_link_key s WHERE s.incident_id = incident.id AND \(takeable))"

    /// Forgets the records staged for `ids`, when any are staged.
    static func forget(ids: some Sequence<IncidentID>, db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM temp.sqlite_master WHERE name = 'staged_link_key'") ?? false else { return }
        let statement = try db.cachedStatement(sql: "DELETE FROM temp.staged_link_key WHERE incident_id = ?")
        for id in ids { try statement.execute(arguments: [id]) }
    }

    /// Forgets every staged record.
    static func drop(_ db: Database) throws { try db.execute(sql: "DROP TABLE IF EXISTS temp.staged_link_key") }

    /// Writes `records`, worked out under `rulesVersion`, into `table` (replacing the row of each one's
    /// incident), in order, their values bound directly, many rows to a statement.
    static func write(_ records: [LinkRecord], rulesVersion: String, into table: String, db: Database) throws {
        let values = "(" + ChunkedRows.list("?", 20) + ")"
        try ChunkedRows.write(records, sql: { "INSERT OR REPLACE INTO \(table) (\(columns)) VALUES \(ChunkedRows.list(values, $0))" }, db: db) {
            record, row in try bind(record, rulesVersion: rulesVersion, to: &row)
        }
    }

    /// Binds the values of `record`, in the order of ``columns``, to `row`.
    private static func bind(_ record: LinkRecord, rulesVersion: String, to row: inout CachedBinding) throws {
        try row.bind(record.id)
        try row.bind(rulesVersion)
        try row.bind(Int64(record.firstDay))
        try row.bind(Int64(record.lastDay))
        try row.bind(record.role.rawValue)
        try row.bind(record.start)
        try row.bind(record.end)
        try row.bind(record.category?.rawValue)
        try row.bind(record.subtype)
        try row.bind(record.targetWords?.joined(separator: " "))
        try row.bind(record.action?.rawValue)
        try row.bind(record.country)
        try row.bind(record.coordinate?.latitude)
        try row.bind(record.coordinate?.longitude)
        try row.bind(record.precision.rawValue)
        try row.bind(record.region)
        try row.bind(record.place)
        try row.bind(record.eventCodedDataset)
        try row.bind(record.ownLevel.rawValue)
        try row.bind(record.claimsText)
    }
}
