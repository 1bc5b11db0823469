/// One record of a delimited file: its fields and where it started.
public struct CSVRecord: Sendable {
    /// The 1-based line the record starts on (a quoted field may span lines).
    public var line: Int
    public var fields: [String]
    /// The record's bytes, without the line ending.
    public var rawBytes: ArraySlice<UInt8>
    /// The record as text, exactly as read (invalid UTF-8 shown as replacement characters).
    public var raw: String { String(decoding: rawBytes, as: UTF8.self) }
}

/// A record that could not be split into fields.
public struct MalformedCSVRecord: Sendable {
    public var line: Int
    /// The record as text, invalid UTF-8 shown as replacement characters.
    public var raw: String
    public var reason: String
    /// The record's bytes as read, without the line ending (only the first bytes of an oversized record).
    public var rawBytes: ArraySlice<UInt8>
}

/// How a delimited format separates and quotes fields.
public struct CSVDialect: Hashable, Sendable {
    public var delimiter: UInt8
    /// Whether `"` opens a quoted field (RFC 4180). Formats that never quote (GDELT) keep quotes as text.
    public var quoting: Bool

    public init(delimiter: UInt8, quoting: Bool) {
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// RFC 4180: comma-separated, double-quoted fields.
    public static let csv = CSVDialect(delimiter: UInt8(ascii: ","), quoting: true)
    /// Tab-separated, never quoted.
    public static let tsv = CSVDialect(delimiter: UInt8(ascii: "\t"), quoting: false)
}

/// Splits delimited bytes into records: fields optionally double-quoted with `""` as an escaped quote,
/// quoted fields may hold delimiters and line breaks, lines end in LF, CRLF or a lone CR (old Mac exports), and
/// each of those counts as one line.
///
/// It works on bytes and never traps: a record with invalid UTF-8, text after a closing quote or an
/// unterminated quote comes back as a ``MalformedCSVRecord`` and reading goes on after it.
///
/// To read a stream chunk by chunk, create a reader with `isFinal: false`: it stops before a record that runs
/// off the end of the buffer, and ``consumed`` tells where the next buffer must start.
public struct CSVReader: Sequence, IteratorProtocol, Sendable {
    public enum Element: Sendable {
        case record(CSVRecord)
        case malformed(MalformedCSVRecord)
    }

    private let bytes: [UInt8]
    private let dialect: CSVDialect
    private let isFinal: Bool
    private var position: Int
    private var line: Int
    /// Blank lines skipped so far.
    public private(set) var blankLines = 0
    /// Bytes fully read: records returned and blank lines skipped.
    public private(set) var consumed: Int
    /// The line the next record would start on.
    public var nextLine: Int { line }

    /// - Parameters:
    ///   - bytes: the buffer to read.
    ///   - dialect: delimiter and quoting.
    ///   - startLine: the line number of the buffer's first byte.
    ///   - isFinal: whether the buffer ends the input; if not, a record cut off by its end is left unread.
    ///   - startsInput: whether the buffer is the start of the input, where a UTF-8 byte-order mark is skipped;
    ///     by default, when `startLine` is 1.
    public init(bytes: [UInt8], dialect: CSVDialect = .csv, startLine: Int = 1, isFinal: Bool = true, startsInput: Bool? = nil) {
        self.bytes = bytes
        self.dialect = dialect
        self.isFinal = isFinal
        self.line = startLine
        self.position = (startsInput ?? (startLine == 1)) && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // byte-order mark
        self.consumed = position
    }

    /// Skips blank lines (LF, CRLF or CR); `false` when a CR ends a buffer that is not the last, as it may be the
    /// first half of a CRLF.
    private mutating func skipBlankLines() -> Bool {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == 0x0A {
                position += 1
            } else if byte == 0x0D {
                if position + 1 < count {
                    position += bytes[position + 1] == 0x0A ? 2 : 1
                } else if isFinal {
                    position += 1
                } else {
                    break
                }
            } else {
                break
            }
            line += 1
            blankLines += 1
        }
        consumed = position
        return position < count && bytes[position] != 0x0D
    }

    public mutating func next() -> Element? {
        guard skipBlankLines() else { return nil }
        let (dialect, isFinal, startLine, start) = (self.dialect, self.isFinal, self.line, self.position)
        let parsed = bytes.withUnsafeBufferPointer {
            Self.parseRecord(in: $0, from: start, dialect: dialect, isFinal: isFinal, line: startLine)
        }
        guard let parsed else { return nil }  // cut off by the end of a buffer that is not the last
        line += parsed.newlines
        position = parsed.next
        consumed = position
        if let problem = parsed.problem {
            let rawBytes = bytes[parsed.start..<parsed.end]
            return .malformed(MalformedCSVRecord(line: startLine, raw: String(decoding: rawBytes, as: UTF8.self), reason: problem, rawBytes: rawBytes))
        }
        return .record(CSVRecord(line: startLine, fields: parsed.fields, rawBytes: bytes[parsed.start..<parsed.end]))
    }

    private struct ParsedRecord {
        var fields: [String]
        var start: Int
        /// End of the record's text, before its line ending.
        var end: Int
        /// Where the next record starts.
        var next: Int
        /// Line breaks inside the record and at its end.
        var newlines: Int
        var problem: String?
    }

    /// Splits one record starting at `start`. Unquoted fields and quoted fields without escapes become
    /// strings straight from the buffer; only fields with `""` are copied first.
    private static func parseRecord(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, dialect: CSVDialect, isFinal: Bool, line: Int
    ) -> ParsedRecord? {
        let count = buffer.count
        let delimiter = dialect.delimiter
        var fields: [String] = []
        fields.reserveCapacity(32)
        var problem: String?
        var newlines = 0
        var index = start
        while true {
            // One field starts at `index`.
            var fieldEnd: Int
            if dialect.quoting && index < count && buffer[index] == 0x22 {
                var cursor = index + 1
                var copy: [UInt8]?
                var closed = false
                while cursor < count {
                    let byte = buffer[cursor]
                    if byte == 0x22 {
                        if cursor + 1 == count && !isFinal { return nil }  // may be half of an escaped quote
                        if cursor + 1 < count && buffer[cursor + 1] == 0x22 {
                            if copy == nil { copy = Array(UnsafeBufferPointer(rebasing: buffer[(index + 1)..<cursor])) }
                            copy!.append(0x22)
                            cursor += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == 0x0D || (byte == 0x0A && buffer[cursor - 1] != 0x0D) { newlines += 1 }  // CRLF is one break
                    copy?.append(byte)
                    cursor += 1
                }
                if !closed {
                    if !isFinal { return nil }
                    problem = "unterminated quoted field starting on line \(line)"
                    let text = copy ?? Array(UnsafeBufferPointer(rebasing: buffer[(index + 1)..<count]))
                    fields.append(text.withUnsafeBufferPointer { decode($0, index: fields.count, problem: &problem) })
                    return ParsedRecord(fields: fields, start: start, end: count, next: count, newlines: newlines, problem: problem)
                }
                var text = copy ?? Array(UnsafeBufferPointer(rebasing: buffer[(index + 1)..<cursor]))
                fieldEnd = cursor + 1
                // Anything between the closing quote and the delimiter is kept, but makes the record malformed.
                while fieldEnd < count, buffer[fieldEnd] != delimiter, buffer[fieldEnd] != 0x0A, buffer[fieldEnd] != 0x0D {
                    if problem == nil { problem = "field \(fields.count + 1): text after a closing quote" }
                    text.append(buffer[fieldEnd])
                    fieldEnd += 1
                }
                fields.append(text.withUnsafeBufferPointer { decode($0, index: fields.count, problem: &problem) })
            } else {
                fieldEnd = index
                while fieldEnd < count {
                    let byte = buffer[fieldEnd]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    fieldEnd += 1
                }
                fields.append(decode(UnsafeBufferPointer(rebasing: buffer[index..<fieldEnd]), index: fields.count, problem: &problem))
            }
            // After the field: a delimiter, a line end, or the end of the buffer.
            if fieldEnd < count && buffer[fieldEnd] == delimiter {
                index = fieldEnd + 1
                continue
            }
            if fieldEnd < count {
                var next = fieldEnd + 1
                if buffer[fieldEnd] == 0x0D {  // CRLF, or a lone CR
                    if next < count {
                        if buffer[next] == 0x0A { next += 1 }
                    } else if !isFinal {
                        return nil  // may be the first half of a CRLF
                    }
                }
                return ParsedRecord(fields: fields, start: start, end: fieldEnd, next: next, newlines: newlines + 1, problem: problem)
            }
            if !isFinal { return nil }
            return ParsedRecord(fields: fields, start: start, end: count, next: count, newlines: newlines, problem: problem)
        }
    }

    /// The bytes of the next record and the line it starts on, without splitting it into fields, so that
    /// splitting and decoding can run elsewhere (``parse(record:line:dialect:)``, in parallel). Finds the record's
    /// end with the same quoting rules as ``next()``.
    public mutating func nextRecordBytes() -> (bytes: ArraySlice<UInt8>, line: Int)? {
        guard skipBlankLines() else { return nil }
        var scanner = RecordScanner(dialect: dialect)
        let start = position
        let found = bytes.withUnsafeBufferPointer { scanner.scan($0, from: start) }
        let end: Int, next: Int, lineBreaks: Int
        if let found {
            (end, next, lineBreaks) = (found.end, found.next, scanner.lineBreaks + 1)
        } else if isFinal {
            let atCarriageReturn = scanner.endedAtCarriageReturn
            (end, next, lineBreaks) = (atCarriageReturn ? bytes.count - 1 : bytes.count, bytes.count, scanner.lineBreaks + (atCarriageReturn ? 1 : 0))
        } else {
            return nil  // cut off by the end of a buffer that is not the last
        }
        let record = (bytes[start..<end], line)
        line += lineBreaks
        position = next
        consumed = position
        return record
    }

    /// Splits the bytes of one record (from ``nextRecordBytes()``) into fields, exactly as ``next()`` would.
    public static func parse(record: ArraySlice<UInt8>, line: Int, dialect: CSVDialect) -> Element {
        let parsed = record.withUnsafeBufferPointer { parseRecord(in: $0, from: 0, dialect: dialect, isFinal: true, line: line) }!
        let base = record.startIndex
        if let problem = parsed.problem {
            return .malformed(MalformedCSVRecord(line: line, raw: String(decoding: record, as: UTF8.self), reason: problem, rawBytes: record))
        }
        return .record(CSVRecord(line: line, fields: parsed.fields, rawBytes: record[(base + parsed.start)..<(base + parsed.end)]))
    }

    private static func decode(_ field: UnsafeBufferPointer<UInt8>, index: Int, problem: inout String?) -> String {
        var ascii = true
        for byte in field where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {  // the common case: no validation needed
            return String(unsafeUninitializedCapacity: field.count) { target in
                _ = target.initialize(fromContentsOf: field)
                return field.count
            }
        }
        if let text = String(validating: field, as: UTF8.self) { return text }
        if problem == nil { problem = "field \(index + 1): invalid UTF-8" }
        return String(decoding: field, as: UTF8.self)
    }
}
