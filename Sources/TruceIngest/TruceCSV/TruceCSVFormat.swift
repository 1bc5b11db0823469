import Foundation
import TruceCore

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
        "claimant_party", "fatalities", "injured", "description", "source_url", "source_published", "outcome", "acts",
        "countries", "denies",
    ]

    /// Columns the header must name.
    public static let requiredColumns = ["id", "start", "claimant", "source_url"]

    public init() {}

    public func columns(header: [String]?, file: String) throws -> HeaderIndex {
        try HeaderIndex(names: header ?? []).requiring(Self.requiredColumns, file: file)
    }

    public func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems> {
        var row = IncidentRow(record: record, columns: columns, file: file)
        if record.fieldCount != columns.names.count {
            row.problem("", "has \(record.fieldCount) fields, the header has \(columns.names.count)")
        }
        guard let incident = row.incident(sourceFile: sourceFile), row.problems.isEmpty else {
            return .failure(RowProblems(row.problems))
        }
        return .success(incident)
    }
}
