import Foundation
import TruceCore

/// Reads a file of any ``DatasetFormat`` in chunks and hands incidents and quarantined records to a
/// save function in batches, so memory stays flat however large the file.
///
/// Every record is accounted for: it becomes an incident or a quarantined record (annotation rows are
/// counted as skipped). A key seen twice in one file quarantines the later record, naming the first line.
public struct StreamingImport<Format: DatasetFormat>: Sendable {
    public var format: Format
    public var batchSize: Int

    public init(format: Format, batchSize: Int = 10_000) {
        self.format = format
        self.batchSize = batchSize
    }

    /// What one file's import did.
    public struct Report: Sendable {
        public var summary = LoadSummary()
        /// Data records read (header and annotation rows excluded).
        public var records = 0
        /// Annotation rows skipped, e.g. UCDP's HXL row.
        public var annotations = 0
    }

    /// Imports `file` (`-` for standard input), calling `save` for each batch.
    /// - Parameters:
    ///   - progress: called after each batch with bytes read and the total when known.
    ///   - save: stores a batch and returns its counts.
    /// - Throws: ``InputError`` when the file cannot be read or is not of this format; whatever `save` throws.
    public func run(
        file: String, progress: ((Int, Int?) -> Void)? = nil,
        save: ([Incident], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        try run(source: ByteSource(file: file), file: file, progress: progress, save: save)
    }

    public func run(
        source: ByteSource, file: String, progress: ((Int, Int?) -> Void)? = nil,
        save: ([Incident], [QuarantinedRecord]) throws -> LoadSummary
    ) throws -> Report {
        var stream = RecordStream(source: source, dialect: format.dialect)
        var report = Report()
        let columns: HeaderIndex
        if format.hasHeader {
            guard case .record(let header)? = try stream.next() else {
                _ = try format.columns(header: [], file: file)
                throw InputError.unreadable(file: file, reason: "the header line cannot be read")
            }
            columns = try format.columns(header: header.fields, file: file)
        } else {
            columns = try format.columns(header: nil, file: file)
        }
        let sourceFile = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        var firstLine: [String: (line: Int, raw: Int)] = [:]
        var incidents: [Incident] = []
        var quarantined: [QuarantinedRecord] = []
        incidents.reserveCapacity(min(batchSize, 100_000))

        func quarantine(_ line: Int, _ problems: [Diagnostic], raw: String) {
            quarantined.append(QuarantinedRecord(dataset: format.dataset, file: file, line: line, problems: problems, raw: raw))
        }
        func flush() throws {
            guard !incidents.isEmpty || !quarantined.isEmpty else { return }
            report.summary = report.summary + (try save(incidents, quarantined))
            incidents.removeAll(keepingCapacity: true)
            quarantined.removeAll(keepingCapacity: true)
            progress?(stream.progress.bytesRead, stream.progress.totalBytes)
        }

        // Records are split sequentially (quotes make that inherently serial), then normalised in parallel
        // in groups, then checked for repeated keys in file order.
        var pending: [CSVReader.Element] = []
        pending.reserveCapacity(Self.groupSize)
        func normalisePending() {
            let outcomes = normalise(pending, columns: columns, file: file, sourceFile: sourceFile)
            for (element, outcome) in zip(pending, outcomes) {
                switch (element, outcome) {
                case (.malformed(let bad), _):
                    report.records += 1
                    quarantine(bad.line, [Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)], raw: bad.raw)
                case (.record, .annotation):
                    report.annotations += 1
                case (.record(let record), .failure(let failure)):
                    report.records += 1
                    quarantine(record.line, failure.problems, raw: record.raw)
                case (.record(let record), .incident(let incident)):
                    report.records += 1
                    let key = incident.sources.first?.key ?? incident.id
                    let rawHash = Self.hash(record.rawBytes)
                    if let first = firstLine[key] {
                        let message = first.raw == rawHash
                            ? "\"\(key)\" repeats line \(first.line) exactly"
                            : "\"\(key)\" is already on line \(first.line) with different content"
                        quarantine(record.line, [Diagnostic(file: file, line: record.line, field: format.keyColumn, message: message)], raw: record.raw)
                    } else {
                        firstLine[key] = (record.line, rawHash)
                        incidents.append(incident)
                    }
                }
            }
            pending.removeAll(keepingCapacity: true)
        }

        while let element = try stream.next() {
            pending.append(element)
            if pending.count >= min(Self.groupSize, batchSize) {
                normalisePending()
                if incidents.count + quarantined.count >= batchSize { try flush() }
            }
        }
        normalisePending()
        try flush()
        return report
    }

    /// Records normalised together, across the machine's cores.
    static var groupSize: Int { 4096 }

    private enum Outcome {
        case annotation
        case incident(Incident)
        case failure(RowProblems)
    }

    /// Normalises `elements` with `format`, splitting the work across the available cores.
    private func normalise(_ elements: [CSVReader.Element], columns: HeaderIndex, file: String, sourceFile: String) -> [Outcome] {
        let workers = elements.count < 256 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let slice = (elements.count + workers - 1) / max(workers, 1)
        var outcomes = [Outcome](repeating: .annotation, count: elements.count)
        let format = self.format
        outcomes.withUnsafeMutableBufferPointer { results in
            let results = UnsafeSendableBuffer(base: results)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (worker * slice)..<min(elements.count, (worker + 1) * slice)
                for index in range {
                    guard case .record(let record) = elements[index] else { continue }
                    if format.isAnnotation(record, columns: columns) { continue }
                    switch format.incident(from: record, columns: columns, file: file, sourceFile: sourceFile) {
                    case .success(let incident): results.base[index] = .incident(incident)
                    case .failure(let problems): results.base[index] = .failure(problems)
                    }
                }
            }
        }
        return outcomes
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

/// A buffer that workers write to at disjoint indices.
private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
}
