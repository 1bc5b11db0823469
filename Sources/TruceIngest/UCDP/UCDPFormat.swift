import Foundation
import TruceCore

/// UCDP Georeferenced Event Dataset (GED) CSV files, global releases and HDX country extracts, with columns
/// mapped by header name in any order.
///
/// Each event becomes an incident `ucdp:<id>` spanning the local days from `date_start` to `date_end`
/// inclusive. UCDP codes dyads, not single acts, so a perpetrator is recorded only for one-sided violence
/// (`type_of_violence` 3, where `side_a` is the perpetrator), mapped through the ``ActorTable``; otherwise
/// both sides go into the description. HDX exports carry a HXL hashtag row right under the header: it is skipped
/// (a row of hashtags anywhere else is data, and quarantined as such).
///
/// ```swift
/// let batch = try UCDPFormat(actors: table).read(file: "ged_ukraine.csv")
/// ```
public struct UCDPFormat: DatasetFormat {
    public let dataset = "ucdp"
    public let dialect = CSVDialect.csv
    public let hasHeader = true
    public let keyColumn = "id"
    /// Columns without which a file is not a UCDP GED file.
    public static let requiredColumns = ["id", "side_a", "date_start", "date_end", "latitude", "longitude"]

    /// Maps `side_a` of one-sided violence to a party.
    public var actors: ActorTable

    /// - Parameter actors: the table mapping UCDP side names (`Government of Russia (Soviet Union)`) to parties.
    public init(actors: ActorTable) { self.actors = actors }

    /// Maps the header's columns.
    /// - Throws: ``InputError/missingColumns(file:columns:)`` when a required column is missing.
    public func columns(header: [String]?, file: String) throws -> HeaderIndex {
        try HeaderIndex(names: header ?? []).requiring(Self.requiredColumns, file: file)
    }

    /// Whether the first data record is a HXL hashtag row (`,,#date+year,,…`): every non-empty cell starts with `#`.
    public func isAnnotation(_ record: CSVRecord, columns: HeaderIndex) -> Bool {
        var sawTag = false
        for field in record.fields {
            let cell = field.trimmingSpaces
            if cell.isEmpty { continue }
            guard cell.hasPrefix("#") else { return false }
            sawTag = true
        }
        return sawTag
    }

    public func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems> {
        var row = UCDPRow(record: record, columns: columns, file: file)
        guard let incident = row.incident(sourceFile: sourceFile, actors: actors), row.problems.isEmpty else {
            return .failure(RowProblems(row.problems))
        }
        return .success(incident)
    }
}
