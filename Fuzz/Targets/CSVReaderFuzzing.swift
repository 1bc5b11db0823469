import TruceIngest

/// The CSV reader over arbitrary bytes, in both dialects: ``CSVReader/next()``, ``CSVReader/nextRecordBytes()``
/// followed by ``CSVReader/parse(record:line:dialect:)``, and a ``RecordStream`` fed in small chunks must all
/// find the same records, with the same lines, fields and problems, and line numbers must only grow.
enum CSVReaderFuzzing {
    /// A reader element in a comparable form.
    enum Item: Equatable, CustomStringConvertible {
        case record(line: Int, fields: [String], raw: [UInt8])
        case malformed(line: Int, raw: String, reason: String)

        init(_ element: CSVReader.Element) {
            switch element {
            case .record(let record): self = .record(line: record.line, fields: record.fields, raw: Array(record.rawBytes))
            case .malformed(let bad): self = .malformed(line: bad.line, raw: bad.raw, reason: bad.reason)
            }
        }

        var line: Int {
            switch self {
            case .record(let line, _, _), .malformed(let line, _, _): line
            }
        }

        var description: String {
            switch self {
            case .record(let line, let fields, let raw): "record on line \(line), fields \(fields), bytes \(raw)"
            case .malformed(let line, let raw, let reason): "malformed record on line \(line) (\(reason)): \(raw.debugDescription)"
            }
        }
    }

    static func run(_ input: [UInt8]) {
        for dialect in [CSVDialect.csv, .tsv] {
            check(input, dialect: dialect)
        }
    }

    private static func check(_ input: [UInt8], dialect: CSVDialect) {
        let name = dialect.quoting ? "csv" : "tsv"
        // The decoded input (gzip is inflated by the source); a corrupt gzip stream must fail in chunks too.
        guard let decoded = try? wholeInput(input) else {
            var stream = RecordStream(source: ByteSource(bytes: input, file: "fuzz", chunkSize: chunkSize(for: input)), dialect: dialect)
            var failed = false
            do { while try stream.next() != nil {} } catch { failed = true }
            invariant(failed, "\(name): the whole input fails to decode but the chunked stream reads to the end")
            return
        }

        var reader = CSVReader(bytes: decoded, dialect: dialect)
        var byElement: [Item] = []
        while let element = reader.next() { byElement.append(Item(element)) }

        var splitter = CSVReader(bytes: decoded, dialect: dialect)
        var bySplitting: [Item] = []
        while let record = splitter.nextRecordBytes() {
            bySplitting.append(Item(CSVReader.parse(record: record.bytes, line: record.line, dialect: dialect)))
        }
        compare(byElement, bySplitting, "\(name): next() against nextRecordBytes() + parse")
        invariant(
            reader.blankLines == splitter.blankLines,
            "\(name): next() skipped \(reader.blankLines) blank lines, nextRecordBytes() \(splitter.blankLines)")

        var previous = 0
        for item in byElement {
            invariant(item.line > previous, "\(name): line numbers must grow: \(item) after line \(previous)")
            previous = item.line
        }

        let chunk = chunkSize(for: input)
        var stream = RecordStream(source: ByteSource(bytes: input, file: "fuzz", chunkSize: chunk), dialect: dialect)
        var byStream: [Item] = []
        do {
            while let element = try stream.next() { byStream.append(Item(element)) }
        } catch {
            invariant(false, "\(name): the chunked stream failed where the whole input did not: \(error)")
        }
        compare(byElement, byStream, "\(name): the whole input against \(chunk)-byte chunks with next()")

        var recordStream = RecordStream(source: ByteSource(bytes: input, file: "fuzz", chunkSize: chunk), dialect: dialect)
        var byStreamSplitting: [Item] = []
        do {
            while let record = try recordStream.nextRecordBytes() {
                switch record {
                case .bytes(let bytes, let line):
                    byStreamSplitting.append(Item(CSVReader.parse(record: bytes, line: line, dialect: dialect)))
                case .oversized(let oversized):
                    byStreamSplitting.append(Item(.malformed(oversized.malformed)))
                }
            }
        } catch {
            invariant(false, "\(name): the chunked stream failed where the whole input did not: \(error)")
        }
        compare(byElement, byStreamSplitting, "\(name): the whole input against \(chunk)-byte chunks with nextRecordBytes()")
    }

    /// Every byte the source hands out, read in one piece.
    static func wholeInput(_ input: [UInt8]) throws -> [UInt8] {
        var source = ByteSource(bytes: input, file: "fuzz")
        var bytes: [UInt8] = []
        while let chunk = try source.next() { bytes += chunk }
        return bytes
    }

    private static func compare(_ expected: [Item], _ actual: [Item], _ what: String) {
        invariant(expected.count == actual.count, "\(what): \(expected.count) records against \(actual.count)")
        for (left, right) in zip(expected, actual) {
            invariant(left == right, "\(what): \(left) against \(right)")
        }
    }
}
