import Foundation
import GRDB
import TruceCore

/// Whole incidents read many at a time: the bodies decoded across the cores, and every source record's verbatim
/// fields read for all of them in a few queries (one per 500 incidents) instead of one query per incident.
extension SQLiteStore {
    /// The incidents of `rows` (each with `id` and `body`), in order, with their sources' verbatim fields.
    static func assembleAll(_ rows: [Row], db: Database) throws -> [Incident] {
        var incidents = try decodeInParallel(rows.map { $0["body"] })
        let ids: [IncidentID] = rows.map { $0["id"] }
        var position: [IncidentID: Int] = [:]
        for (index, id) in ids.enumerated() { position[id] = index }
        let decoder = TruceJSON.decoder()
        var headers: [Int64: [String]] = [:]
        // SQLite bounds the number of bound values in one statement; 500 is far below every build's bound.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = ChunkedRows.list("?", chunk.count)
            let records = try Row.fetchAll(
                db,
                sql: "SELECT incident_id, ordinal, header_id, field_values FROM source_record WHERE incident_id IN (\(marks))",
                arguments: StatementArguments(chunk))
            for record in records {
                guard let index = position[record["incident_id"]] else { continue }
                let ordinal: Int = record["ordinal"]
                guard incidents[index].sources.indices.contains(ordinal) else { continue }
                let header: Int64 = record["header_id"]
                let names = try headers[header] ?? headerNames(header, db: db, decoder: decoder)
                headers[header] = names
                let values = try strings(record["field_values"], decoder: decoder)
                incidents[index].sources[ordinal].fields = zip(names, values).map { SourceRecord.Field(name: $0, value: $1) }
            }
        }
        return incidents
    }

    /// The column names of the source header `id`.
    private static func headerNames(_ id: Int64, db: Database, decoder: JSONDecoder) throws -> [String] {
        let names = try String.fetchOne(db, sql: "SELECT names FROM source_header WHERE id = ?", arguments: [id]) ?? "[]"
        return try strings(names, decoder: decoder)
    }
}
