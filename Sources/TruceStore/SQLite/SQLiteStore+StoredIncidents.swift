import Foundation
import GRDB
import TruceCore

/// Incidents read back from their rows: the columns, the body (``CompactBody``) and the source records' rows,
/// many at a time, the bodies decoded across the cores and the source records read in a few queries (one per
/// 500 incidents) instead of one query per incident.
extension SQLiteStore {
    /// The columns an incident is read from, in this order: ``summaryColumns``, then `release` and `body`.
    static let storedColumns = summaryColumns + ", release, body"
    /// How many columns ``storedColumns`` names.
    static let storedColumnCount = 20

    /// The incidents of `rows` (each with ``storedColumns``), in order; with their source records' verbatim fields
    /// when `withFields`.
    static func incidents(fromRows rows: [Row], withFields: Bool, db: Database) throws -> [Incident] {
        try incidents(fromParts: rows.map { (summary: summary($0), body: $0[storedColumnCount - 1] as String) }, withFields: withFields, db: db)
    }

    /// The incidents of `parts`, each the ``summary(_:)`` of a row of ``storedColumns`` and its body, in order;
    /// with their source records' verbatim fields when `withFields`.
    static func incidents(fromParts parts: [(summary: Incident, body: String)], withFields: Bool, db: Database) throws -> [Incident] {
        var (incidents, needsSourceRow) = try decodeInParallel(parts)
        var position: [IncidentID: Int] = [:]
        for (index, incident) in incidents.enumerated() where withFields || needsSourceRow[index] { position[incident.id] = index }
        guard !position.isEmpty else { return incidents }
        let decoder = TruceJSON.decoder()
        var headers: [Int64: [String]] = [:]
        let ids = incidents.map(\.id).filter { position[$0] != nil }
        let columns = "incident_id, ordinal, dataset, file, line, record_key, release" + (withFields ? ", header_id, field_values" : "")
        // SQLite bounds the number of bound values in one statement; 500 is far below every build's bound.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(columns) FROM source_record
                    WHERE incident_id IN (\(ChunkedRows.list("?", chunk.count)))\(withFields ? "" : " AND ordinal = 0")
                    """)
            // By position, in the order of `columns`, read in place.
            try StatementColumns.forEachRow(of: statement, arguments: StatementArguments(chunk)) { record in
                guard let index = record.text(0).flatMap({ position[$0] }) else { return }
                let ordinal = Int(record.integer(1) ?? 0)
                if needsSourceRow[index], ordinal == 0 {
                    incidents[index].sources = [
                        SourceRecord(
                            dataset: record.text(2) ?? "", file: record.text(3) ?? "", line: Int(record.integer(4) ?? 0),
                            key: record.text(5) ?? "", release: record.text(6), fields: [])
                    ]
                }
                guard withFields, incidents[index].sources.indices.contains(ordinal) else { return }
                let header = record.integer(7) ?? 0
                let names = try headers[header] ?? headerNames(header, db: db, decoder: decoder)
                headers[header] = names
                let values = try strings(record.text(8) ?? "[]", decoder: decoder)
                incidents[index].sources[ordinal].fields = zip(names, values).map { SourceRecord.Field(name: $0, value: $1) }
            }
        }
        return incidents
    }

    /// The stored incident `id`, with its source records' verbatim fields, and its row.
    static func storedIncident(_ id: IncidentID, db: Database) throws -> (incident: Incident, row: Row)? {
        let statement = try db.cachedStatement(sql: "SELECT \(storedColumns) FROM incident WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return (try incidents(fromRows: [row], withFields: true, db: db)[0], row)
    }

    /// Each body read into its incident across the machine's cores (decoding is most of the cost of reading
    /// many), and whether the incident's source record is still to be read from its row.
    private static func decodeInParallel(_ parts: [(summary: Incident, body: String)]) throws -> ([Incident], [Bool]) {
        let workers = parts.count < 2_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let slice = (parts.count + workers - 1) / max(workers, 1)
        var results = [Result<[(Incident, Bool)], any Error>](repeating: .success([]), count: workers)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let decoder = TruceJSON.decoder()
                output.value[worker] = Result {
                    try parts[(worker * slice)..<min(parts.count, (worker + 1) * slice)].map { part in
                        try decode(body: part.body, summary: part.summary, decoder: decoder)
                    }
                }
            }
        }
        var incidents: [Incident] = []
        var needsSourceRow: [Bool] = []
        incidents.reserveCapacity(parts.count)
        needsSourceRow.reserveCapacity(parts.count)
        for result in results {
            for (incident, needs) in try result.get() {
                incidents.append(incident)
                needsSourceRow.append(needs)
            }
        }
        return (incidents, needsSourceRow)
    }

    /// The incident of one row from its body and the incident its columns give (`summary`), and whether its
    /// source record is still to be read from its row.
    static func decode(body: String, summary: Incident, decoder: JSONDecoder) throws -> (Incident, Bool) {
        guard CompactBody.isCompact(body) else { return (try decodeBody(body, decoder: decoder), false) }
        var incident = summary
        var text = body
        do {
            let namedSources = try text.withUTF8 { bytes in
                var reader = JSONTextReader(bytes)
                return try reader.remainder(into: &incident)
            }
            return (incident, !namedSources)
        } catch {
            throw JSONValue.Unexpected(incident: summary.id, member: "body")
        }
    }

    /// The column names of the source header `id`.
    private static func headerNames(_ id: Int64, db: Database, decoder: JSONDecoder) throws -> [String] {
        let names = try String.fetchOne(db, sql: "SELECT names FROM source_header WHERE id = ?", arguments: [id]) ?? "[]"
        return try strings(names, decoder: decoder)
    }
}

extension AdjudicationBasis {
    /// The fingerprint of a stored incident: a hash of the values of its row's ``SQLiteStore/storedColumns`` (its
    /// columns and its body), texts by their bytes, read in place.
    static func fingerprint(_ row: StatementColumns) -> Int {
        var hasher = Hasher()
        for index in 0..<SQLiteStore.storedColumnCount { row.combine(index, into: &hasher) }
        return hasher.finalize()
    }
}
