import Foundation

/// What one dataset in a store covers: how many records it holds, the earliest and latest start among them,
/// and when an import last added or changed one of them. Reports state it beside their figures.
public struct DatasetCoverage: Hashable, Codable, Sendable {
    /// The dataset or format, as in ``SourceRecord/dataset`` (`acled`, `truce-csv`, …).
    public var dataset: String
    public var records: Int
    /// The earliest start of its records (a store may keep the earliest it ever held: a later release that
    /// moves a record's start does not narrow the range).
    public var earliest: Date
    /// The latest start of its records, likewise.
    public var latest: Date
    /// When an import last added or changed its records; `nil` when the store has no note of it (records
    /// saved before import times were kept).
    public var lastImport: Date?

    public init(dataset: String, records: Int, earliest: Date, latest: Date, lastImport: Date? = nil) {
        self.dataset = dataset
        self.records = records
        self.earliest = earliest
        self.latest = latest
        self.lastImport = lastImport
    }
}
