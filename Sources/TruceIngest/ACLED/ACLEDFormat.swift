import Foundation
import TruceCore

/// ACLED CSV exports, current and legacy layouts, with columns mapped by header name.
///
/// Each event becomes an incident `acled:<event_id_cnty>` whose perpetrator is `actor1` as ACLED codes it,
/// mapped to a party through the ``ActorTable``, and whose source record keeps every column verbatim with
/// file, line and the row's `timestamp` as its release.
public struct ACLEDFormat: DatasetFormat {
    public let dataset = "acled"
    public let dialect = CSVDialect.csv
    public let hasHeader = true
    public let keyColumn = "event_id_cnty"
    /// Columns without which a file is not an ACLED export.
    public static let requiredColumns = ["event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"]

    public var actors: ActorTable

    public init(actors: ActorTable) { self.actors = actors }

    public func columns(header: [String]?, file: String) throws -> HeaderIndex {
        try HeaderIndex(names: header ?? []).requiring(Self.requiredColumns, file: file).resolving(ACLEDRow.Column.names)
    }

    public func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems> {
        var row = ACLEDRow(record: record, columns: columns, file: file)
        guard let incident = row.incident(sourceFile: sourceFile, actors: actors) else { return .failure(RowProblems(row.problems)) }
        return .success(incident)
    }
}
