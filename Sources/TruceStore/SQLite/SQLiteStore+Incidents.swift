import Foundation
import GRDB
import TruceCore

/// How incidents are kept: the incident in the columns of its row, with what they do not hold in `body`
/// (``CompactBody``), and each source record's values once, as a JSON array beside a shared header
/// (`source_header`), so a million ACLED rows do not repeat thirty column names each.
extension SQLiteStore {
    public func save(incidents: [Incident], quarantined: [QuarantinedRecord]) throws -> LoadSummary {
        try save(prepared: incidents.map(PreparedIncident.init), quarantined: quarantined)
    }

    public func save(prepared incidents: [PreparedIncident], quarantined: [QuarantinedRecord]) throws -> LoadSummary {
        try wrap("save incidents") {
            // Without the foreign-key checks, which cost a million-row import two seconds of lookups that prove what the
            // writer ensures: each source record follows its incident's row, its header's row before it, and an
            // update deletes the replaced incident's dependent rows itself.
            try immediateWrite(checkingForeignKeys: false) { db in try Self.save(prepared: incidents, quarantined: quarantined, db: db) }
        }
    }

    /// Saves incidents and quarantined records in the transaction of `db`: a new incident is inserted, a changed
    /// one replaces the stored one (which goes to its history), an unchanged one is left alone.
    static func save(prepared incidents: [PreparedIncident], quarantined: [QuarantinedRecord], db: Database) throws -> LoadSummary {
        let longest =
            incidents.map { prepared -> Int64 in
                let span = prepared.incident.time.span
                return span.end.map { unix($0) - unix(span.start) } ?? Migrations.openEnded
            }.max() ?? 0
        var summary = LoadSummary()
        var writer = try IncidentWriter(db: db)
        var written = CoverageChanges()  // what this import added or changed, by dataset
        try db.run("UPDATE store_meta SET value = MAX(value, ?) WHERE key = 'longest_span'", arguments: [longest])
        for prepared in incidents {
            let incident = prepared.incident
            let release = incident.sources.first?.release
            if try writer.insert(prepared) {
                summary.new += 1
                written.saw(incident, isNew: true)
                continue
            }
            if try writer.storedRowsHold(prepared) {
                summary.unchanged += 1
                continue
            }
            guard let (previous, existing) = try Self.storedIncident(incident.id, db: db) else { continue }
            if try Self.sameContent(stored: previous, as: prepared, db: db) {
                summary.unchanged += 1
                continue
            }
            let storedRelease: String? = existing["release"]
            if Self.isOlder(release, than: storedRelease) {
                // An older version of a record already stored: keep it in the history only.
                try Self.addToHistory(prepared.whole, release: release, db: db)
                summary.unchanged += 1
                continue
            }
            summary.updated += 1
            written.saw(incident, isNew: false)
            try Self.addToHistory(previous, release: storedRelease, db: db)
            try Self.deleteForReplacement(incident.id, db: db)
            try db.run("DELETE FROM adjudication_mark WHERE subject = 'incident' AND id = ?", arguments: [incident.id])
            _ = try writer.insert(prepared)
        }
        for record in quarantined {
            // The same record at the same line of a file under another name (a copy, a link, a
            // re-download) is kept once, under the first name.
            try db.run(
                """
                INSERT OR IGNORE INTO quarantine (dataset, file, line, field, reason, problems, raw)
                SELECT ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM quarantine WHERE dataset = ? AND line = ? AND raw = ?)
                """,
                arguments: [
                    record.dataset, record.file, record.line, record.field, record.reason,
                    try TruceJSON.string(record.problems), record.raw, record.dataset, record.line, record.raw,
                ])
            summary.quarantined += 1
        }
        try writer.queueForLinking()
        try Self.noteImport(written.byDataset, db: db)
        return summary
    }

    /// Deletes a stored incident that a new version replaces, with the rows that depend on it: the same as the
    /// foreign keys' cascade, done here so that a save needs no foreign-key checks (see ``save(prepared:quarantined:)``).
    static func deleteForReplacement(_ id: String, db: Database) throws {
        for table in ["source_record", "evidence", "verdict"] {
            try db.run("DELETE FROM \(table) WHERE incident_id = ?", arguments: [id])
        }
        try db.run("DELETE FROM incident WHERE id = ?", arguments: [id])
    }

    /// Whether release `incoming` is known to be older than `stored` (numerically when both are numbers, such as
    /// ACLED's Unix timestamps).
    static func isOlder(_ incoming: String?, than stored: String?) -> Bool {
        guard let incoming, let stored else { return false }
        if let left = Int64(incoming), let right = Int64(stored) { return left < right }
        return incoming < stored
    }

    /// Whether the stored incident has the content of `incident`: the same normalised incident and the same
    /// verbatim fields (names and values), wherever the records were read from. Provenance (the file's name
    /// and the line) is not content: a copy of a file under another name, or a link to it, changes nothing.
    /// The incidents are compared by their whole canonical JSON without the fields, worked out here for the two
    /// of them and kept by neither.
    static func sameContent(stored previous: Incident, as prepared: PreparedIncident, db: Database) throws -> Bool {
        let incident = prepared.incident
        guard previous.sources.count == incident.sources.count, try sameFields(prepared, db: db) else { return false }
        var (kept, moved) = (previous, incident)
        for index in moved.sources.indices {
            // The same content when only the records' provenance differs.
            moved.sources[index].file = previous.sources[index].file
            moved.sources[index].line = previous.sources[index].line
            moved.sources[index].fields = []
            kept.sources[index].fields = []
        }
        return moved.canonicalJSON == kept.canonicalJSON
    }

    /// Whether the stored verbatim fields of the incident (names and values) are those of `prepared`.
    static func sameFields(_ prepared: PreparedIncident, db: Database) throws -> Bool {
        let records = try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT h.names, s.field_values FROM source_record s JOIN source_header h ON h.id = s.header_id
                    WHERE s.incident_id = ? ORDER BY s.ordinal
                    """),
            arguments: [prepared.incident.id])
        return records.map({ $0["field_values"] as String }) == prepared.stored.values
            && records.map({ $0["names"] as String }) == prepared.names.map(SourceRecord.namesJSON(for:))
    }

    /// Keeps `incident` in its history, unless a version with the same content (wherever it was read) is there.
    static func addToHistory(_ incident: Incident, release: String?, db: Database) throws {
        let content = incident.withoutProvenance.canonicalJSON
        let kept = try String.fetchAll(
            try db.cachedStatement(sql: "SELECT body FROM incident_history WHERE incident_id = ?"), arguments: [incident.id])
        for body in kept where (try? decodeBody(body))?.withoutProvenance.canonicalJSON == content { return }
        try db.run(
            "INSERT OR IGNORE INTO incident_history (incident_id, release, body) VALUES (?, ?, ?)",
            arguments: [incident.id, release, incident.canonicalJSON])
    }

    static func decodeBody(_ body: String, decoder: JSONDecoder = TruceJSON.decoder()) throws -> Incident {
        try Incident(canonicalJSON: body) ?? decoder.decode(Incident.self, from: Data(body.utf8))
    }

    /// A JSON array of strings, read by the fast reader where it can.
    static func strings(_ text: String, decoder: JSONDecoder) throws -> [String] {
        try [String](canonicalJSONArray: text) ?? decoder.decode([String].self, from: Data(text.utf8))
    }
}

extension Incident {
    /// The incident with its records' provenance (file and line) blanked: what two copies of one file share.
    var withoutProvenance: Incident {
        var copy = self
        for index in copy.sources.indices {
            copy.sources[index].file = ""
            copy.sources[index].line = 0
        }
        return copy
    }
}

/// Header ids by their names, for one transaction.
struct HeaderCache {
    private var ids: [String: Int64] = [:]
    /// The last header seen: consecutive records of a file share it, so most lookups end here.
    private var last: (names: [String], id: Int64)?

    mutating func id(forNames names: [String], db: Database) throws -> Int64 {
        if let last, last.names == names { return last.id }
        let id = try id(for: SourceRecord.namesJSON(for: names), db: db)
        last = (names, id)
        return id
    }

    /// The id of the stored header with `names`, or `nil` when none has them (none is stored then).
    mutating func storedID(forNames names: [String], db: Database) throws -> Int64? {
        if let last, last.names == names { return last.id }
        let text = SourceRecord.namesJSON(for: names)
        guard let id = try ids[text] ?? Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM source_header WHERE names = ?"), arguments: [text])
        else { return nil }
        ids[text] = id
        last = (names, id)
        return id
    }

    mutating func id(for names: String, db: Database) throws -> Int64 {
        if let id = ids[names] { return id }
        try db.run("INSERT OR IGNORE INTO source_header (names) VALUES (?)", arguments: [names])
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM source_header WHERE names = ?"), arguments: [names])!
        ids[names] = id
        return id
    }
}

extension Database {
    /// Runs `sql` through the connection's statement cache, so a statement run for every row is prepared once.
    func run(_ sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
