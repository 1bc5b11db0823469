import Foundation
import TruceCore

/// Reads ACLED CSV exports, current and legacy layouts, mapping columns by header name.
///
/// Each event becomes an incident `acled:<event_id_cnty>` whose perpetrator is `actor1` as ACLED codes it,
/// mapped to a party through the ``ActorTable``, and whose source record keeps every column verbatim with
/// file, line and the row's `timestamp` as its release.
public struct ACLEDImporter: Sendable {
    public static let dataset = "acled"
    /// Columns without which a file is not an ACLED export.
    public static let requiredColumns = ["event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"]

    public var actors: ActorTable

    public init(actors: ActorTable) { self.actors = actors }

    /// Reads an ACLED export from `bytes`, naming `file` in diagnostics and provenance.
    /// - Throws: ``InputError/missingColumns(file:columns:)`` when the header is not ACLED's. Bad rows do not
    ///   throw: they are quarantined with line, field and reason.
    public func read(bytes: [UInt8], file: String) throws -> IncidentBatch {
        var reader = CSVReader(bytes: bytes)
        guard case .record(let header)? = reader.next() else {
            throw InputError.missingColumns(file: file, columns: Self.requiredColumns)
        }
        let columns = HeaderIndex(names: header.fields)
        let missing = Self.requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw InputError.missingColumns(file: file, columns: missing) }

        let sourceFile = URL(fileURLWithPath: file).lastPathComponent
        var batch = IncidentBatch()
        var seen: [String: (line: Int, raw: String)] = [:]
        while let element = reader.next() {
            batch.recordsRead += 1
            switch element {
            case .malformed(let bad):
                batch.quarantined.append(QuarantinedRecord(
                    dataset: Self.dataset, file: file, line: bad.line,
                    problems: [Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)], raw: bad.raw))
            case .record(let record):
                var row = ACLEDRow(record: record, columns: columns, file: file)
                var incident = row.incident(sourceFile: sourceFile, actors: actors)
                if let key = row.value("event_id_cnty"), let first = seen[key] {
                    if first.raw == record.raw {
                        row.problem("event_id_cnty", "\"\(key)\" repeats line \(first.line) exactly")
                    } else {
                        row.problem("event_id_cnty", "\"\(key)\" is already on line \(first.line) with different content")
                    }
                    incident = nil
                } else if let key = row.value("event_id_cnty") {
                    seen[key] = (record.line, record.raw)
                }
                if let incident {
                    batch.incidents.append(incident)
                } else {
                    batch.quarantined.append(QuarantinedRecord(
                        dataset: Self.dataset, file: file, line: record.line, problems: row.problems, raw: record.raw))
                }
            }
        }
        return batch
    }
}
