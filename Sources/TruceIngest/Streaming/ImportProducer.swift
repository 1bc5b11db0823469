import Foundation
import TruceCore

/// The reading side of ``StreamingImport``: splits records, normalises them in parallel groups, checks
/// repeated keys in file order, and sends batches down a channel.
struct ImportProducer<Format: DatasetFormat>: Sendable {
    enum Output: @unchecked Sendable {
        case batch([Incident], [QuarantinedRecord], bytesRead: Int, totalBytes: Int?)
        case failed(any Error)
        case finished(records: Int, annotations: Int)
    }

    let format: Format
    let batchSize: Int
    let file: String

    /// Records normalised together, across the machine's cores.
    static var groupSize: Int { 4096 }

    func produce(from source: ByteSource, into channel: BoundedChannel<Output>) {
        do {
            try run(source: source, channel: channel)
        } catch {
            channel.send(.failed(error))
        }
    }

    private func run(source: ByteSource, channel: BoundedChannel<Output>) throws {
        var stream = RecordStream(source: source, dialect: format.dialect)
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
        var records = 0
        var annotations = 0

        func quarantine(_ line: Int, _ problems: [Diagnostic], raw: String) {
            quarantined.append(QuarantinedRecord(dataset: format.dataset, file: file, line: line, problems: problems, raw: raw))
        }
        /// Sends the batch; `false` when the receiver has stopped.
        func flush() -> Bool {
            guard !incidents.isEmpty || !quarantined.isEmpty else { return true }
            let progress = stream.progress
            let sent = channel.send(.batch(incidents, quarantined, bytesRead: progress.bytesRead, totalBytes: progress.totalBytes))
            incidents = []
            quarantined = []
            return sent
        }

        var pending: [CSVReader.Element] = []
        pending.reserveCapacity(Self.groupSize)
        func settle() {
            let outcomes = normalise(pending, columns: columns, sourceFile: sourceFile)
            for (element, outcome) in zip(pending, outcomes) {
                switch (element, outcome) {
                case (.malformed(let bad), _):
                    records += 1
                    quarantine(bad.line, [Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)], raw: bad.raw)
                case (.record, .annotation):
                    annotations += 1
                case (.record(let record), .failure(let failure)):
                    records += 1
                    quarantine(record.line, failure.problems, raw: record.raw)
                case (.record(let record), .incident(let incident)):
                    records += 1
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

        let group = min(Self.groupSize, batchSize)
        while let element = try stream.next() {
            pending.append(element)
            guard pending.count >= group else { continue }
            settle()
            if incidents.count + quarantined.count >= batchSize, !flush() { return }
        }
        settle()
        guard flush() else { return }
        channel.send(.finished(records: records, annotations: annotations))
    }

    private enum Outcome {
        case annotation
        case incident(Incident)
        case failure(RowProblems)
    }

    /// Normalises `elements` with `format`, splitting the work across the available cores.
    private func normalise(_ elements: [CSVReader.Element], columns: HeaderIndex, sourceFile: String) -> [Outcome] {
        let workers = elements.count < 256 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let slice = (elements.count + workers - 1) / workers
        var outcomes = [Outcome](repeating: .annotation, count: elements.count)
        let (format, file) = (self.format, self.file)
        outcomes.withUnsafeMutableBufferPointer { results in
            let results = Handoff(value: results)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in (worker * slice)..<min(elements.count, (worker + 1) * slice) {
                    guard case .record(let record) = elements[index] else { continue }
                    if format.isAnnotation(record, columns: columns) { continue }
                    switch format.incident(from: record, columns: columns, file: file, sourceFile: sourceFile) {
                    case .success(let incident): results.value[index] = .incident(incident)
                    case .failure(let problems): results.value[index] = .failure(problems)
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
