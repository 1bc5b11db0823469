/// Records read from a ``ByteSource`` chunk by chunk, with line numbers that run across chunks.
///
/// Memory stays bounded whatever the input: a record longer than ``maxRecordBytes`` is not kept but walked past
/// (following its quotes, so an open quote that never closes makes one oversized record up to the end of the
/// input) and comes back as an ``OversizedRecord`` holding its line, length and first bytes. The buffer never holds
/// more than one chunk and one maximum-size record.
public struct RecordStream {
    /// The default maximum record size: 1 MiB.
    public static let defaultMaxRecordBytes = 1 << 20

    /// The longest record kept, in bytes without its line end; longer ones come back as ``OversizedRecord``.
    public let maxRecordBytes: Int
    private var source: ByteSource
    private let dialect: CSVDialect
    private var reader: CSVReader?
    private var buffer: [UInt8] = []
    private var line = 1
    private var atEnd = false
    /// Whether the buffer starts at the input's first byte (where a byte-order mark is skipped).
    private var bufferStartsInput = true

    /// - Parameter maxRecordBytes: the longest record kept (at least 1).
    public init(source: ByteSource, dialect: CSVDialect, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes) {
        self.source = source
        self.dialect = dialect
        self.maxRecordBytes = max(1, maxRecordBytes)
    }

    /// Compressed or plain bytes read from the file so far, and its size if known.
    public var progress: (bytesRead: Int, totalBytes: Int?) { (source.bytesRead, source.totalBytes) }

    /// The dialect records are split with.
    public var recordDialect: CSVDialect { dialect }

    /// One record as read, not yet split into fields.
    public enum RawRecord: Sendable {
        /// The record's bytes (without its line end) and the line it starts on.
        case bytes(ArraySlice<UInt8>, line: Int)
        /// A record longer than the maximum size, skipped.
        case oversized(OversizedRecord)
    }

    /// The next record's bytes and first line, not yet split into fields, or `nil` at the end of the input.
    /// - Throws: ``InputError`` when the input cannot be read.
    public mutating func nextRecordBytes() throws -> RawRecord? {
        while true {
            if let record = reader?.nextRecordBytes() {
                guard record.bytes.count <= maxRecordBytes else {
                    return .oversized(OversizedRecord(bytes: record.bytes, line: record.line, dialect: dialect, maximum: maxRecordBytes))
                }
                return .bytes(record.bytes, line: record.line)
            }
            if let oversized = try skipRecordOverMaximum() { return .oversized(oversized) }
            guard try refill() else { return nil }
        }
    }

    /// The next record, or `nil` at the end of the input. A record over the maximum size comes back malformed.
    /// - Throws: ``InputError`` when the input cannot be read.
    public mutating func next() throws -> CSVReader.Element? {
        while true {
            if let element = reader?.next() {
                switch element {
                case .record(let record) where record.rawBytes.count > maxRecordBytes:
                    return .malformed(OversizedRecord(bytes: record.rawBytes, line: record.line, dialect: dialect, maximum: maxRecordBytes).malformed)
                case .malformed(let bad) where bad.rawBytes.count > maxRecordBytes:
                    return .malformed(OversizedRecord(bytes: bad.rawBytes, line: bad.line, dialect: dialect, maximum: maxRecordBytes).malformed)
                default:
                    return element
                }
            }
            if let oversized = try skipRecordOverMaximum() { return .malformed(oversized.malformed) }
            guard try refill() else { return nil }
        }
    }

    /// Starts a new buffer: what the last one left unread plus the next chunk. `false` at the end of the input.
    private mutating func refill() throws -> Bool {
        var leftover: ArraySlice<UInt8> = []
        if let reader {
            leftover = buffer[reader.consumed...]
            line = reader.nextLine
            if reader.consumed > 0 { bufferStartsInput = false }
        }
        if atEnd { return false }
        if let chunk = try source.next() {
            buffer = leftover.isEmpty ? chunk : Array(leftover) + chunk
            reader = CSVReader(bytes: buffer, dialect: dialect, startLine: line, isFinal: false, startsInput: bufferStartsInput)
        } else {
            atEnd = true
            buffer = Array(leftover)
            reader = CSVReader(bytes: buffer, dialect: dialect, startLine: line, isFinal: true, startsInput: bufferStartsInput)
        }
        return true
    }

    /// When the record the buffer ends with is already longer than the maximum, reads on to its end without keeping
    /// it, leaving the buffer at the input that follows.
    private mutating func skipRecordOverMaximum() throws -> OversizedRecord? {
        guard let reader, !atEnd else { return nil }
        let start = reader.consumed
        // A CR ending the buffer may be the first half of the record's CRLF: one more byte proves it is too long.
        guard buffer.count - start > maxRecordBytes + 1 else { return nil }
        let startLine = reader.nextLine
        var scanner = RecordScanner(dialect: dialect)
        var prefix = Array(buffer[start..<min(buffer.count, start + OversizedRecord.keptBytes)])
        _ = buffer.withUnsafeBufferPointer { scanner.scan($0, from: start) }  // the buffer ends inside the record
        var length = buffer.count - start
        buffer = []
        self.reader = nil
        bufferStartsInput = false
        var rest: ArraySlice<UInt8>?
        /// Drops the CR ending the last buffer from the record: it turned out to be its line end.
        func dropCarriageReturn() {
            if prefix.count == length { prefix.removeLast() }
            length -= 1
        }
        while rest == nil, let chunk = try source.next() {
            let carriageReturnBefore = scanner.endedAtCarriageReturn
            let found = chunk.withUnsafeBufferPointer { scanner.scan($0, from: 0) }
            let end = found?.end ?? chunk.count
            if prefix.count < OversizedRecord.keptBytes {
                prefix += chunk[0..<min(end, OversizedRecord.keptBytes - prefix.count)]
            }
            if carriageReturnBefore { dropCarriageReturn() }
            length += end
            rest = found.map { chunk[$0.next...] }
        }
        var lineBreaks = scanner.lineBreaks
        if rest != nil {
            lineBreaks += 1
        } else {
            atEnd = true
            if scanner.endedAtCarriageReturn {
                dropCarriageReturn()
                lineBreaks += 1
            }
        }
        line = startLine + lineBreaks
        buffer = Array(rest ?? [])
        self.reader = CSVReader(bytes: buffer, dialect: dialect, startLine: line, isFinal: atEnd, startsInput: false)
        return OversizedRecord(
            line: startLine, length: length, prefix: prefix, unterminatedQuote: rest == nil && scanner.quotedFieldIsOpen, maximum: maxRecordBytes)
    }
}

/// A record longer than the maximum record size: not read into memory, but accounted for with its line, its
/// length and its first bytes.
public struct OversizedRecord: Sendable, Hashable {
    /// How many of the record's first bytes are kept.
    public static let keptBytes = 1024

    /// The 1-based line the record starts on.
    public var line: Int
    /// The record's length in bytes, without its line end.
    public var length: Int
    /// The record's first ``keptBytes`` bytes.
    public var prefix: [UInt8]
    /// Whether a quoted field opened in it never closes before the end of the input.
    public var unterminatedQuote: Bool
    /// The maximum record size it exceeds.
    public var maximum: Int

    public init(line: Int, length: Int, prefix: [UInt8], unterminatedQuote: Bool, maximum: Int) {
        self.line = line
        self.length = length
        self.prefix = prefix
        self.unterminatedQuote = unterminatedQuote
        self.maximum = maximum
    }

    /// A record held whole in a buffer that turned out too long.
    init(bytes: ArraySlice<UInt8>, line: Int, dialect: CSVDialect, maximum: Int) {
        var scanner = RecordScanner(dialect: dialect)
        _ = bytes.withUnsafeBufferPointer { scanner.scan($0, from: 0) }
        self.init(
            line: line, length: bytes.count, prefix: Array(bytes.prefix(Self.keptBytes)), unterminatedQuote: scanner.quotedFieldIsOpen,
            maximum: maximum)
    }

    /// Why it is quarantined, e.g. `record of 3221225472 bytes is longer than the maximum record size (1048576
    /// bytes); its first 1024 bytes are kept`.
    public var reason: String {
        var text = "record of \(length) bytes is longer than the maximum record size (\(maximum) bytes)"
        if unterminatedQuote { text += ": a quoted field opened in it never closes" }
        return text + "; its first \(min(length, Self.keptBytes)) bytes are kept"
    }

    /// The kept bytes as text (invalid UTF-8 shown as replacement characters).
    public var raw: String { String(decoding: prefix, as: UTF8.self) }

    /// The record as a malformed one, with its kept bytes and ``reason``.
    public var malformed: MalformedCSVRecord {
        MalformedCSVRecord(line: line, raw: raw, reason: reason, rawBytes: ArraySlice(prefix))
    }
}
