import Foundation
import TruceCore

/// The outcome of reading an incident file: the incidents that read cleanly and the records kept aside.
public struct IncidentBatch: Sendable {
    public var incidents: [Incident]
    public var quarantined: [QuarantinedRecord]
    /// Data records seen (header and blank lines excluded): `incidents.count + quarantined.count`.
    public var recordsRead: Int

    public init(incidents: [Incident] = [], quarantined: [QuarantinedRecord] = [], recordsRead: Int = 0) {
        self.incidents = incidents
        self.quarantined = quarantined
        self.recordsRead = recordsRead
    }
}

/// Reads Truce's own incident CSV format (see `docs/formats.md`): one row per source report, columns
/// matched by header name in any order.
public enum IncidentCSVReader {
    /// The dataset name stored with each record.
    public static let dataset = "truce-csv"

    /// Every column Truce's format defines, in the order Truce writes them.
    public static let columns = [
        "id", "start", "end", "time_zone", "time_precision", "country", "admin1", "place", "latitude", "longitude",
        "geo_precision", "action", "target_category", "target_subtype", "target_name", "perpetrator", "claimant",
        "claimant_party", "fatalities", "injured", "description", "source_url", "source_published",
    ]

    /// Columns the header must name.
    public static let requiredColumns = ["id", "start", "claimant", "source_url"]

    /// Reads incidents from a file (or standard input for `-`).
    /// - Throws: ``InputError`` when the file cannot be read or its header lacks required columns. Bad rows
    ///   do not throw: they are quarantined with their reasons.
    public static func read(file: String) throws -> IncidentBatch {
        let bytes: [UInt8]
        do {
            bytes = file == "-"
                ? Array(FileHandle.standardInput.readDataToEndOfFile())
                : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw InputError.unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
        return try read(bytes: bytes, file: file)
    }

    /// Reads incidents from CSV bytes, naming `file` in diagnostics and provenance.
    public static func read(bytes: [UInt8], file: String) throws -> IncidentBatch {
        var reader = CSVReader(bytes: bytes)
        guard let first = reader.next() else { throw InputError.missingColumns(file: file, columns: requiredColumns) }
        guard case .record(let header) = first else {
            throw InputError.unreadable(file: file, reason: "the header line cannot be read as CSV")
        }
        let columns = HeaderIndex(names: header.fields)
        let missing = requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw InputError.missingColumns(file: file, columns: missing) }

        let sourceFile = URL(fileURLWithPath: file).lastPathComponent
        var batch = IncidentBatch()
        var firstLineForID: [String: Int] = [:]
        while let element = reader.next() {
            batch.recordsRead += 1
            switch element {
            case .malformed(let bad):
                let problem = Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)
                batch.quarantined.append(QuarantinedRecord(dataset: dataset, file: file, line: bad.line, problems: [problem], raw: bad.raw))
            case .record(let record):
                var row = IncidentRow(record: record, columns: columns, file: file)
                if record.fields.count != columns.names.count {
                    row.problem("", "has \(record.fields.count) fields, the header has \(columns.names.count)")
                }
                let incident = row.incident(sourceFile: sourceFile)
                if let incident, let firstLine = firstLineForID[incident.id] {
                    row.problem("id", "duplicate id \"\(incident.id)\": already on line \(firstLine)")
                }
                if let incident, row.problems.isEmpty {
                    firstLineForID[incident.id] = record.line
                    batch.incidents.append(incident)
                } else {
                    batch.quarantined.append(
                        QuarantinedRecord(dataset: dataset, file: file, line: record.line, problems: row.problems, raw: record.raw))
                }
            }
        }
        return batch
    }
}
