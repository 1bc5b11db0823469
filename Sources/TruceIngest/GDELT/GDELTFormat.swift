import Foundation
import TruceCore

/// GDELT 2.0 event exports (`*.export.CSV`, English and Translingual): tab-separated, never quoted, no header,
/// 61 columns in the codebook's fixed order.
///
/// Each row becomes an incident `gdelt:<GLOBALEVENTID>`. GDELT is machine-coded from news: its dates are
/// publication dates more than event dates, so the incident spans the UTC day of `SQLDATE` and the claim
/// carries `DATEADDED` as its publication time and `SOURCEURL` as its source. One event appears in many rows;
/// de-duplication is left to linking. A record without exactly 61 fields is quarantined; a file none of whose
/// first 16 records has them is of another format and fails at once.
///
/// ```swift
/// let batch = try GDELTFormat().read(file: "20250322180000.export.CSV")
/// ```
public struct GDELTFormat: DatasetFormat {
    public let dataset = "gdelt"
    public let dialect = CSVDialect.tsv
    public let hasHeader = false
    public let keyColumn = "GLOBALEVENTID"

    /// The column names of the GDELT 2.0 Event codebook, in file order.
    public static let columnNames: [String] = {
        func actor(_ prefix: String) -> [String] {
            [
                "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code",
            ].map { prefix + $0 }
        }
        func geography(_ prefix: String) -> [String] {
            ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map { prefix + "_" + $0 }
        }
        return ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
            + actor("Actor1") + actor("Actor2")
            + [
                "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                "NumMentions", "NumSources", "NumArticles", "AvgTone",
            ]
            + geography("Actor1Geo") + geography("Actor2Geo") + geography("ActionGeo")
            + ["DATEADDED", "SOURCEURL"]
    }()

    public init() {}

    /// The fixed codebook columns; GDELT files have no header to check.
    public func columns(header: [String]?, file: String) throws -> HeaderIndex {
        HeaderIndex(names: Self.columnNames).resolving(GDELTRow.Column.names)
    }

    /// A line without 61 tab-separated fields is not a GDELT 2.0 event; when none of a file's first 16 lines has
    /// them, the file is not a GDELT 2.0 events export.
    public func checkOpeningRecord(_ record: CSVRecord, file: String) throws {
        guard record.fieldCount != Self.columnNames.count else { return }
        throw InputError.wrongFormat(
            file: file, line: record.line,
            expected: "GDELT 2.0 events have \(Self.columnNames.count) tab-separated fields, this line has \(record.fieldCount)")
    }

    public func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems> {
        var row = GDELTRow(record: record, columns: columns, file: file)
        guard let incident = row.incident(sourceFile: sourceFile), row.problems.isEmpty else {
            return .failure(RowProblems(row.problems))
        }
        return .success(incident)
    }
}
