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
    /// The longest record read; longer ones are quarantined.
    let maxRecordBytes: Int
    let file: String
    /// Turns each incident into what the saver wants, on the parallel workers (e.g. its stored form). The
    /// incident's source record comes without its fields when the record is given: they are read from its bytes.
    let prepare: @Sendable (Incident, VerbatimRecord?) -> Prepared

    /// Records normalised together, across the machine's cores.
    static var groupSize: Int { 4096 }
    /// Bytes of records read ahead for one group, or gathered into one batch, at most (a little more for the
    /// record that crosses it): with long records, groups and batches hold fewer of them, so memory stays bounded.
    static var byteBudget: Int { 16 << 20 }
    /// The most keys room is made for at the start of a file (a larger file's table grows as usual).
    static var reservedKeysLimit: Int { 8 << 20 }
    /// How many of a headerless file's first records are looked at to tell whether it is of this format at all.
    static var openingRecords: Int { 16 }
    /// Records normalised by one worker at a time.
    static var sliceSize: Int { 256 }

    func produce(from source: ByteSource, into channel: BoundedChannel<Output>) {
        do {
            try run(source: source, channel: channel)
        } catch {
            channel.send(.failed(error))
        }
    }

    private func run(source: ByteSource, channel: BoundedChannel<Output>) throws {
        var stream = RecordStream(source: source, dialect: format.dialect, maxRecordBytes: maxRecordBytes)
        let columns: HeaderIndex
        if format.hasHeader {
            let first = try stream.next()
            guard case .record(let header)? = first else {
                _ = try format.columns(header: [], file: file)
                let reason = first.map { if case .malformed(let bad) = $0 { bad.reason } else { "" } } ?? "the file is empty"
                throw InputError.unreadable(file: file, reason: "the header line cannot be read: \(reason)")
            }
            columns = try format.columns(header: header.fields, file: file)
        } else {
            columns = try format.columns(header: nil, file: file)
        }
        let sourceFile = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        var keys = RepeatedKeys()
        var incidents: [Prepared] = []
        var quarantined: [QuarantinedRecord] = []
        var batchBytes = 0
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
            batchBytes = 0
            return sent
        }

        // Record boundaries are found sequentially (quotes make that inherently serial); splitting into
        // fields, decoding and normalising run in parallel groups; repeated keys are checked in file order.
        var pending: [RecordStream.RawRecord] = []
        pending.reserveCapacity(Self.groupSize)
        var pendingBytes = 0
        /// Whether the next group holds the file's first data record, the only one that may be an annotation.
        var groupOpensFile = true
        /// The group last launched, processed in the background while the next one is read (and while the one
        /// before it is settled).
        var inFlight: Background<Group>?
        /// Room for every key of the file, estimated from its size and the first group's records: growing the
        /// table as it fills would rehash every key seen so far, on the thread all records pass through.
        func reserveKeys(_ group: [RecordOutcome]) {
            guard keys.isEmpty, let total = stream.progress.totalBytes, case let bytes = group.reduce(0, { $0 + $1.rawCount }), bytes > 0
            else { return }
            let estimate = Double(total) / Double(bytes) * Double(group.count) * 1.05
            keys.reserveCapacity(Int(min(estimate, Double(Self.reservedKeysLimit))))
        }
        /// Takes a group's outcomes, in file order, waiting for them if need be.
        func settle(_ launched: Background<Group>?) {
            guard let group = launched?.value else { return }
            reserveKeys(group.outcomes)
            /// The incidents refused as repeats, by their order among the group's incidents.
            var repeats: Set<Int> = []
            var incidentCount = 0
            for outcome in group.outcomes {
                switch outcome {
                case .annotation:
                    annotations += 1
                case .malformed(let bad):
                    records += 1
                    batchBytes += bad.rawBytes.count
                    quarantine(bad.line, [Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)], raw: bad.raw)
                case .failure(let failure, let line, let raw):
                    records += 1
                    batchBytes += raw.utf8.count
                    quarantine(line, failure.problems, raw: raw)
                case .incident(let key, let seen, let line, let rawHash, let raw):
                    records += 1
                    defer { incidentCount += 1 }
                    batchBytes += raw.count
                    if let first = keys.firstSight(of: seen, line: line, rawHash: rawHash) {
                        let message =
                            first.raw == Int32(truncatingIfNeeded: rawHash)
                            ? "\"\(key)\" repeats line \(first.line) exactly"
                            : "\"\(key)\" is already on line \(first.line) with different content"
                        let problem = Diagnostic(file: file, line: line, field: format.keyColumn, message: message)
                        quarantine(line, [problem], raw: String(decoding: raw, as: UTF8.self))
                        repeats.insert(incidentCount)
                    }
                }
            }
            if repeats.isEmpty {
                for slice in group.prepared { incidents.append(contentsOf: slice) }
            } else {
                for (order, incident) in group.prepared.joined().enumerated() where !repeats.contains(order) { incidents.append(incident) }
            }
        }
        /// Starts the pending records' group in the background, returning the group launched before it.
        func launch() -> Background<Group>? {
            let previous = inFlight
            let records = pending
            let opensFile = groupOpensFile
            pending = []
            pending.reserveCapacity(Self.groupSize)
            pendingBytes = 0
            groupOpensFile = false
            inFlight = Background { process(records, columns: columns, sourceFile: sourceFile, opensFile: opensFile) }
            return previous
        }

        let groupSize = min(Self.groupSize, batchSize)
        var opening = format.hasHeader ? nil : OpeningCheck(format: format, file: file, limit: Self.openingRecords)
        while let record = try stream.nextRecordBytes() {
            if opening != nil {
                try opening!.check(record)
                if opening!.isDone { opening = nil }
            }
            pending.append(record)
            if case .bytes(let bytes, _) = record { pendingBytes += bytes.count }
            guard opening == nil, pending.count >= groupSize || pendingBytes >= Self.byteBudget else { continue }
            // The new group starts before the last one is settled, so the cores normalise while keys are checked.
            settle(launch())
            if incidents.count + quarantined.count >= batchSize || batchBytes >= Self.byteBudget, !flush() {
                settle(inFlight)
                return
            }
        }
        try opening?.finish()
        settle(launch())
        settle(inFlight)
        guard flush() else { return }
        channel.send(.finished(records: records, annotations: annotations))
    }

    /// A group's outcomes in file order, and what `prepare` made of its incidents, in the same order, one array
    /// per worker's slice: kept apart so that the thread settling outcomes in file order runs no generic code for
    /// each record, and takes a slice's incidents at once.
    struct Group: @unchecked Sendable {
        var outcomes: [RecordOutcome]
        var prepared: [[Prepared]]
    }

    /// Splits, decodes and normalises each record with `format`, spreading the work across the cores. When the group
    /// `opensFile`, its first record may be an annotation (such as a HXL row under the header); no other may.
    private func process(_ records: [RecordStream.RawRecord], columns: HeaderIndex, sourceFile: String, opensFile: Bool) -> Group {
        // Small slices, taken by whichever core is free: a group's time is not held to its slowest half.
        let slice = Self.sliceSize
        let workers = (records.count + slice - 1) / slice
        var outcomes = [RecordOutcome](repeating: .annotation, count: records.count)
        var prepared = [[Prepared]](repeating: [], count: workers)
        let (format, file, prepare) = (self.format, self.file, self.prepare)
        outcomes.withUnsafeMutableBufferPointer { results in
            prepared.withUnsafeMutableBufferPointer { made in
                let (results, made) = (UncheckedSendable(results), UncheckedSendable(made))
                SliceWorkers.shared.perform(iterations: workers) { worker in
                    var sliceMade: [Prepared] = []
                    sliceMade.reserveCapacity(slice)
                    defer { made.value[worker] = sliceMade }
                    for index in (worker * slice)..<min(records.count, (worker + 1) * slice) {
                        let (bytes, line): (ArraySlice<UInt8>, Int)
                        switch records[index] {
                        case .oversized(let oversized):
                            results.value[index] = .malformed(oversized.malformed)
                            continue
                        case .bytes(let recordBytes, let recordLine):
                            (bytes, line) = (recordBytes, recordLine)
                        }
                        switch CSVReader.parse(record: bytes, line: line, dialect: format.dialect) {
                        case .malformed(let bad):
                            results.value[index] = .malformed(bad)
                        case .record(var record):
                            if opensFile && index == 0 && format.isAnnotation(record, columns: columns) { continue }
                            record.defersVerbatimFields = true
                            switch format.incident(from: record, columns: columns, file: file, sourceFile: sourceFile) {
                            case .success(let incident) where !IncidentIDRule.accepts(incident.id):
                                // Whatever the format, an id that could not be exported and read back is refused here.
                                let message = "\(incident.id.debugDescription) cannot be an id: an id \(IncidentIDRule.statement)"
                                let problem = Diagnostic(file: file, line: line, field: format.keyColumn, message: message)
                                results.value[index] = .failure(RowProblems([problem]), line: line, raw: record.raw)
                            case .success(let incident):
                                // A format that reads its fields verbatim leaves them to be read from the record's bytes.
                                let deferred = incident.sources.count == 1 && incident.sources[0].fields.isEmpty
                                let verbatim = deferred ? VerbatimRecord(names: columns.names, record: record) : nil
                                let key = incident.sources.first?.key ?? incident.id
                                sliceMade.append(prepare(incident, verbatim))
                                results.value[index] = .incident(
                                    key: key, seen: SeenKey(key), line: line, rawHash: Self.hash(record.rawBytes), raw: record.rawBytes)
                            case .failure(let problems):
                                results.value[index] = .failure(problems, line: line, raw: record.raw)
                            }
                        }
                    }
                }
            }
        }
        return Group(outcomes: outcomes, prepared: prepared)
    }

    /// A 64-bit digest of a record's bytes, to tell a record that repeats another exactly from one that only
    /// shares its key: eight bytes at a time, mixed by multiplication (much cheaper than `Hasher` on every record;
    /// nothing hostile can gain from a collision but the wording of a quarantine reason).
    static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { raw in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                state ^= state >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < raw.count {
                tail = tail << 8 | UInt64(raw[offset])
                offset += 1
            }
            state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            return Int(bitPattern: UInt(state ^ state >> 32))
        }
    }
}

/// What became of one record of a group (the incident itself is kept beside it, in ``ImportProducer/Group``).
enum RecordOutcome: Sendable {
    case annotation
    case malformed(MalformedCSVRecord)
    /// An incident, with its key (and the key's packed form for the repeat check), worked
    /// out on the workers so that the thread that checks keys in file order only looks them up.
    case incident(key: String, seen: SeenKey, line: Int, rawHash: Int, raw: ArraySlice<UInt8>)
    case failure(RowProblems, line: Int, raw: String)

    /// The record's length in bytes, as far as it is known.
    var rawCount: Int {
        switch self {
        case .annotation: 0
        case .malformed(let bad): bad.rawBytes.count
        case .incident(_, _, _, _, let raw): raw.count
        case .failure(_, _, let raw): raw.utf8.count
        }
    }
}
