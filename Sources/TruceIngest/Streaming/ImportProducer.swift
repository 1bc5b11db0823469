import Foundation
import TruceCore

/// The reading side of ``StreamingImport``: splits records, normalises them in parallel groups, checks
/// repeated keys in file order, and sends batches down a channel.
struct ImportProducer<Format: DatasetFormat, Prepared: Sendable>: Sendable {
    enum Output: @unchecked Sendable {
        case batch([Prepared], [QuarantinedRecord], bytesRead: Int, totalBytes: Int?)
        case failed(any Error)
        case finished(records: Int, annotations: Int)
    }

    let format: Format
    let batchSize: Int
    let file: String
    /// Turns each incident into what the saver wants, on the parallel workers (e.g. its stored form).
    let prepare: @Sendable (Incident) -> Prepared

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
        var firstChecked = format.hasHeader
        let sourceFile = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        var firstLine: [String: (line: Int, raw: Int)] = [:]
        var incidents: [Prepared] = []
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

        // Record boundaries are found sequentially (quotes make that inherently serial); splitting into
        // fields, decoding and normalising run in parallel groups; repeated keys are checked in file order.
        var pending: [(bytes: ArraySlice<UInt8>, line: Int)] = []
        pending.reserveCapacity(Self.groupSize)
        /// The group being processed in the background while the next one is read.
        var inFlight: Background<[Outcome]>?
        func settle() {
            guard let group = inFlight else { return }
            inFlight = nil
            for outcome in group.value {
                switch outcome {
                case .annotation:
                    annotations += 1
                case .malformed(let bad):
                    records += 1
                    quarantine(bad.line, [Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)], raw: bad.raw)
                case .failure(let failure, let line, let raw):
                    records += 1
                    quarantine(line, failure.problems, raw: raw)
                case .incident(let incident, let prepared, let line, let rawHash, let raw):
                    records += 1
                    let key = incident.sources.first?.key ?? incident.id
                    if let first = firstLine[key] {
                        let message = first.raw == rawHash
                            ? "\"\(key)\" repeats line \(first.line) exactly"
                            : "\"\(key)\" is already on line \(first.line) with different content"
                        let problem = Diagnostic(file: file, line: line, field: format.keyColumn, message: message)
                        quarantine(line, [problem], raw: String(decoding: raw, as: UTF8.self))
                    } else {
                        firstLine[key] = (line, rawHash)
                        incidents.append(prepared)
                    }
                }
            }
        }
        func launch() {
            let records = pending
            pending = []
            pending.reserveCapacity(Self.groupSize)
            inFlight = Background { process(records, columns: columns, sourceFile: sourceFile) }
        }

        let groupSize = min(Self.groupSize, batchSize)
        while let record = try stream.nextRecordBytes() {
            if !firstChecked, case .record(let first) = CSVReader.parse(record: record.bytes, line: record.line, dialect: format.dialect) {
                try format.checkFirstRecord(first, file: file)
                firstChecked = true
            }
            pending.append(record)
            guard pending.count >= groupSize else { continue }
            settle()
            launch()
            if incidents.count + quarantined.count >= batchSize, !flush() {
                settle()
                return
            }
        }
        settle()
        launch()
        settle()
        guard flush() else { return }
        channel.send(.finished(records: records, annotations: annotations))
    }

    private enum Outcome: Sendable {
        case annotation
        case malformed(MalformedCSVRecord)
        case incident(Incident, Prepared, line: Int, rawHash: Int, raw: ArraySlice<UInt8>)
        case failure(RowProblems, line: Int, raw: String)
    }

    /// Splits, decodes and normalises each record with `format`, spreading the work across the cores.
    private func process(_ records: [(bytes: ArraySlice<UInt8>, line: Int)], columns: HeaderIndex, sourceFile: String) -> [Outcome] {
        let workers = records.count < 256 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let slice = (records.count + workers - 1) / workers
        var outcomes = [Outcome](repeating: .annotation, count: records.count)
        let (format, file, prepare) = (self.format, self.file, self.prepare)
        outcomes.withUnsafeMutableBufferPointer { results in
            let results = UncheckedSendable(results)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in (worker * slice)..<min(records.count, (worker + 1) * slice) {
                    let (bytes, line) = records[index]
                    switch CSVReader.parse(record: bytes, line: line, dialect: format.dialect) {
                    case .malformed(let bad):
                        results.value[index] = .malformed(bad)
                    case .record(let record):
                        if format.isAnnotation(record, columns: columns) { continue }
                        switch format.incident(from: record, columns: columns, file: file, sourceFile: sourceFile) {
                        case .success(let incident):
                            results.value[index] = .incident(
                                incident, prepare(incident), line: line, rawHash: Self.hash(record.rawBytes), raw: record.rawBytes)
                        case .failure(let problems):
                            results.value[index] = .failure(problems, line: line, raw: record.raw)
                        }
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
