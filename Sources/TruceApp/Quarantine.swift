import Foundation
import TruceCore
import TruceIngest
import TruceStore

/// The rows imports kept aside: listed, shown, and retried once their file or the actor table is fixed.
public enum Quarantine {
    /// The quarantined rows, of one file as it was named on import or of every file.
    public static func list(file: String? = nil, in store: some Store) throws -> [QuarantineEntry] {
        try store.quarantine(file: file)
    }

    /// One quarantined row.
    /// - Throws: ``NotFound`` when no row has that id.
    public static func entry(id: Int64, in store: some Store) throws -> QuarantineEntry {
        guard let entry = try store.quarantineEntry(id: id) else { throw NotFound(.quarantinedRow, id: String(id)) }
        return entry
    }

    /// The files quarantined rows came from (one file as named on import, or all), each with its rows, in
    /// the order of dataset and file.
    public static func files(file: String? = nil, in store: some Store) throws -> [QuarantinedFile] {
        let groups = Dictionary(grouping: try store.quarantine(file: file)) { "\($0.record.dataset)\t\($0.record.file)" }
        return groups.keys.sorted().map { key in
            let entries = groups[key]!
            return QuarantinedFile(dataset: entries[0].record.dataset, path: entries[0].record.file, entries: entries)
        }
    }

    /// Imports `file` again; its rows that now read leave the quarantine. Importing again is idempotent, so
    /// good rows come out unchanged.
    /// - Parameter actorTable: the actor table for ACLED and UCDP, else the bundled one.
    public static func retry(
        _ file: QuarantinedFile, actorTable: String? = nil, in store: some Store, observer: any ProgressObserver = QuietObserver()
    ) throws -> RetryOutcome {
        guard file.path != "-", FileManager.default.isReadableFile(atPath: file.path) else { return .unreadable }
        guard let format = try Importer.format(named: file.dataset, actors: { try ActorTables.load(actorTable) }) else { return .unknownDataset }
        var stillBad = Set<String>()
        let summary = try Loading.incidents(
            from: file.path, format: format, into: store, maxRecordBytes: RecordStream.defaultMaxRecordBytes, observer: observer
        ) { stillBad.insert("\($0.line)\t\($0.raw)") }
        let fixed = file.entries.filter { !stillBad.contains("\($0.record.line)\t\($0.record.raw)") }
        try store.removeQuarantine(ids: fixed.map(\.id))
        return .retried(fixed: fixed.count, stillQuarantined: file.entries.count - fixed.count, summary: summary)
    }
}

/// A file quarantined rows came from, with those rows.
public struct QuarantinedFile: Sendable {
    /// The dataset the file was imported as (`acled`, `truce-csv`, …).
    public var dataset: String
    /// The file as it was named on import.
    public var path: String
    public var entries: [QuarantineEntry]
}

/// What retrying one file's quarantined rows did.
public enum RetryOutcome: Hashable, Sendable {
    /// The file cannot be read any more (or was standard input): its rows stay quarantined.
    case unreadable
    /// No format reads the file's dataset: its rows stay quarantined.
    case unknownDataset
    /// The file was imported again: `fixed` rows now read and left the quarantine.
    case retried(fixed: Int, stillQuarantined: Int, summary: LoadSummary)
}
