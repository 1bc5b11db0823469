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

/// Truce's own incident CSV format (see `docs/formats.md`): one row per source report, columns matched by
/// header name in any order.
public struct TruceCSVFormat: DatasetFormat {
    public let dataset = "truce-csv"
    public let dialect = CSVDialect.csv
    public let hasHeader = true
    public let keyColumn = "id"

    /// Every column Truce's format defines, in the order Truce writes them.
    public static let columns = [
        "id", "start", "end", "time_zone", "time_precision", "country", "admin1", "place", "latitude", "longitude",
        "geo_precision", "action", "target_category", "target_subtype", "target_name", "perpetrator", "claimant",
        "claimant_party", "fatalities", "injured", "description", "source_url", "source_published",
    ]

    /// Columns the header must name.
    public static let requiredColumns = ["id", "start", "claimant", "source_url"]

    public init() {}

    public func columns(header: [String]?, file: String) throws -> HeaderIndex {
        try HeaderIndex(names: header ?? []).requiring(Self.requiredColumns, file: file)
    }

    public func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems> {
        var row = IncidentRow(record: record, columns: columns, file: file)
        if record.fields.count != columns.names.count {
            row.problem("", "has \(record.fields.count) fields, the header has \(columns.names.count)")
        }
        guard let incident = row.incident(sourceFile: sourceFile), row.problems.isEmpty else {
            return .failure(RowProblems(row.problems))
        }
        return .success(incident)
    }
}

extension DatasetFormat {
    /// Reads a whole file (or standard input for `-`) into memory: for small files and tests.
    public func read(file: String) throws -> IncidentBatch {
        var batch = IncidentBatch()
        _ = try StreamingImport(format: self, batchSize: .max).run(file: file) { incidents, quarantined in
            batch.incidents += incidents
            batch.quarantined += quarantined
            return LoadSummary(new: incidents.count, quarantined: quarantined.count)
        }
        batch.recordsRead = batch.incidents.count + batch.quarantined.count
        return batch
    }
}
