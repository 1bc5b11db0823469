import Foundation
import TruceCore

/// Reads a file of any ``DatasetFormat`` in chunks and hands incidents and quarantined records to a
/// save function in batches, so memory stays flat however large the file.
///
/// Reading and normalising run on background threads (normalising across the machine's cores) while the
/// calling thread saves the previous batch. Every record is accounted for: it becomes an incident or a
/// quarantined record (annotation rows are counted as skipped). A key seen twice in one file quarantines
/// the later record, naming the first line. A record longer than ``maxRecordBytes`` is quarantined too.
public struct StreamingImport<Format: DatasetFormat>: Sendable {
    public var format: Format
    public var batchSize: Int
    /// The longest record read, in bytes without its line end. A longer one is quarantined with its line, its
    /// length and its first 1 KiB, and reading goes on after it without holding it in memory.
    public var maxRecordBytes: Int

    /// - Parameters:
    ///   - batchSize: the most records handed to `save` at once (fewer when records are long).
    ///   - maxRecordBytes: the longest record read (default 1 MiB); longer ones are quarantined.
    public init(format: Format, batchSize: Int = 4096, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes) {
        self.format = format
        self.batchSize = batchSize
        self.maxRecordBytes = maxRecordBytes
    }

    /// What one file's import did.
    public struct Report: Sendable {
        public var summary = LoadSummary()
        /// Data records read (header and annotation rows excluded).
        public var records = 0
        /// Annotation rows skipped, e.g. UCDP's HXL row.
        public var annotations = 0

        public init() {}
    }

    /// Imports `file` (`-` for standard input), calling `save` for each batch.
    /// - Parameters:
    ///   - progress: called after each batch is saved.
    ///   - save: stores a batch and returns its counts; called on the calling thread, in file order.
    /// - Throws: ``InputError`` when the file cannot be read or is not of this format; whatever `save` throws.
    public func run(
        file: String, progress: ((ImportProgress) -> Void)? = nil,
        save: ([Incident], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: ByteSource(file: file), file: file, progress: progress, prepare: { $0 }, save: save)
    }

    /// Imports `file`, handing `prepare` each incident with its source record's fields still in the record's
    /// bytes (`VerbatimRecord`), so that they become strings only if `prepare` asks: the zero-copy path of bulk
    /// imports and dry runs. The record is `nil` when the format has already put the fields in the incident.
    public func run<Prepared: Sendable>(
        file: String, progress: ((ImportProgress) -> Void)? = nil,
        prepareVerbatim: @escaping @Sendable (Incident, VerbatimRecord?) -> Prepared,
        save: ([Prepared], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: ByteSource(file: file), file: file, progress: progress, prepareVerbatim: prepareVerbatim, save: save)
    }

    /// Imports `file`, turning each incident into what `save` wants (its stored form, say) with `prepare`,
    /// which runs on the parallel workers rather than on the calling thread.
    public func run<Prepared: Sendable>(
        file: String, progress: ((ImportProgress) -> Void)? = nil, prepare: @escaping @Sendable (Incident) -> Prepared,
        save: ([Prepared], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: ByteSource(file: file), file: file, progress: progress, prepare: prepare, save: save)
    }

    public func run(
        source: ByteSource, file: String, progress: ((ImportProgress) -> Void)? = nil,
        save: ([Incident], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: source, file: file, progress: progress, prepare: { $0 }, save: save)
    }

    public func run<Prepared: Sendable>(
        source: ByteSource, file: String, progress: ((ImportProgress) -> Void)? = nil,
        prepare: @escaping @Sendable (Incident) -> Prepared, save: ([Prepared], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: source, file: file, progress: progress, prepareVerbatim: { prepare($0.withFields(of: $1)) }, save: save)
    }

    public func run<Prepared: Sendable>(
        source: ByteSource, file: String, progress: ((ImportProgress) -> Void)? = nil,
        prepareVerbatim prepare: @escaping @Sendable (Incident, VerbatimRecord?) -> Prepared,
        save: ([Prepared], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        let channel = BoundedChannel<ImportProducer<Format, Prepared>.Output>(capacity: 2)
        let producer = ImportProducer(format: format, batchSize: batchSize, maxRecordBytes: maxRecordBytes, file: file, prepare: prepare)
        let handoff = UncheckedSendable(source)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            producer.produce(from: handoff.value, into: channel)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "truce-reader"
        thread.start()
        defer {
            channel.close()  // stops the producer if saving failed
            done.wait()
        }

        var report = Report()
        var records = 0
        let disposal = Disposal()
        while var output = channel.receive() {
            let incidents = output.takeIncidents()
            switch output {
            case .batch(_, let quarantined, let bytesRead, let totalBytes):
                report.summary = report.summary + (try save(incidents, quarantined))
                records += incidents.count + quarantined.count
                disposal.free(consume incidents)
                progress?(ImportProgress(bytesRead: bytesRead, totalBytes: totalBytes, records: records))
            case .failed(let error):
                throw error
            case .finished(let records, let annotations):
                report.records = records
                report.annotations = annotations
                return report
            }
        }
        return report
    }
}

/// Frees saved batches on a thread of their own: releasing a batch's thousands of incidents (their strings and
/// arrays) would otherwise take the saving thread's time, which bounds a large import.
private final class Disposal: Sendable {
    private let queue = DispatchQueue(label: "truce-disposal")

    /// A batch moved here is freed on the disposal thread, whatever thread drops the box last.
    private final class Box<Items>: @unchecked Sendable {
        var items: [Items]?
        init(_ items: consuming [Items]) { self.items = items }
    }

    func free<Items>(_ items: consuming [Items]) {
        let box = Box(items)
        queue.async { box.items = nil }
    }
}

extension ImportProducer.Output {
    /// The batch's incidents, left empty in the output, so that the caller holds the only reference to them.
    mutating func takeIncidents() -> [Prepared] {
        guard case .batch(let incidents, let quarantined, let bytesRead, let totalBytes) = self else { return [] }
        self = .batch([], quarantined, bytesRead: bytesRead, totalBytes: totalBytes)
        return incidents
    }
}

extension Incident {
    /// The incident with its source record's fields read from `verbatim` (itself when `nil`).
    public func withFields(of verbatim: VerbatimRecord?) -> Incident {
        guard let verbatim, sources.count == 1 else { return self }
        var whole = self
        whole.sources[0].fields = verbatim.fields
        return whole
    }
}

/// How far an import has got, reported after each saved batch.
public struct ImportProgress: Sendable {
    /// Bytes read from the file so far (compressed bytes for gzip).
    public var bytesRead: Int
    /// The file's size, when known (not for standard input).
    public var totalBytes: Int?
    /// Records saved or quarantined so far.
    public var records: Int
}
