import TruceCore

/// A dataset format whose records become incidents: ACLED, UCDP GED, GDELT, Truce's own CSV.
///
/// A format only maps one record at a time; ``StreamingImport`` does the reading, the accounting, the
/// duplicate checks and the batching, the same way for every format.
public protocol DatasetFormat: Sendable {
    /// The dataset's name stored with each source record, e.g. `acled`.
    var dataset: String { get }
    var dialect: CSVDialect { get }
    /// Whether the first record is a header row.
    var hasHeader: Bool { get }
    /// The column that holds each record's stable key, named when a key repeats.
    var keyColumn: String { get }
    /// Checks that a file is of this format and maps its columns. `header` is `nil` for headerless formats.
    /// - Throws: ``InputError/missingColumns(file:columns:)`` naming what is missing when it is not.
    func columns(header: [String]?, file: String) throws -> HeaderIndex
    /// Checks one of the first records of a headerless file, so that a file of another format fails at once
    /// rather than quarantining every line: the import fails only when none of the first 16 records passes (one
    /// bad first line is quarantined like any other), with the error of the first.
    /// - Throws: ``InputError/wrongFormat(file:line:expected:)`` when the record is not of this format.
    func checkOpeningRecord(_ record: CSVRecord, file: String) throws

    /// Whether the file's first data record (the one right under the header) is an annotation to skip, such as
    /// HDX's HXL hashtag row; it is asked of no other record, as every later record is data.
    func isAnnotation(_ record: CSVRecord, columns: HeaderIndex) -> Bool
    /// The record as an incident, or every problem found in it.
    func incident(from record: CSVRecord, columns: HeaderIndex, file: String, sourceFile: String) -> Result<Incident, RowProblems>
}

extension DatasetFormat {
    public func isAnnotation(_ record: CSVRecord, columns: HeaderIndex) -> Bool { false }
    public func checkOpeningRecord(_ record: CSVRecord, file: String) throws {}

    /// Reads a whole input held in memory: for small files and tests. Large files go through ``StreamingImport``.
    public func read(bytes: [UInt8], file: String) throws -> IncidentBatch {
        var batch = IncidentBatch()
        _ = try StreamingImport(format: self, batchSize: .max).run(
            source: ByteSource(bytes: bytes, file: file), file: file
        ) { incidents, quarantined in
            batch.incidents += incidents
            batch.quarantined += quarantined
            return LoadSummary(new: incidents.count, quarantined: quarantined.count)
        }
        batch.recordsRead = batch.incidents.count + batch.quarantined.count
        return batch
    }
}

/// The problems that kept a record from becoming an incident.
public struct RowProblems: Error, Sendable {
    public var problems: [Diagnostic]
    public init(_ problems: [Diagnostic]) { self.problems = problems }
}

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
