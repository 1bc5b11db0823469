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
            return .malformed(
                MalformedCSVRecord(line: startLine, raw: String(decoding: rawBytes, as: UTF8.self), reason: problem, rawBytes: rawBytes))
        }
        return .record(CSVRecord(line: startLine, rawBytes: bytes[parsed.start..<parsed.end], spans: parsed.spans))
    }

    private struct ParsedRecord {
        /// Each field's bytes, as offsets from `start`.
        var spans: [FieldSpan]
        var start: Int
        /// End of the record's text, before its line ending.
        var end: Int
        /// Where the next record starts.
        var next: Int
        /// Line breaks inside the record and at its end.
        var newlines: Int
        var problem: String?
    }

    /// Splits one record starting at `start` into field spans, without copying any field. The record is checked
    /// to be valid UTF-8 once, at its end (at once when every byte is ASCII); a problem names the first field
    /// at fault, as reading the fields one by one would.
    private static func parseRecord(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, dialect: CSVDialect, isFinal: Bool, line: Int
    ) -> ParsedRecord? {
        let count = buffer.count
        let delimiter = dialect.delimiter
        var spans: [FieldSpan] = []
        spans.reserveCapacity(32)
        /// A quoting problem, and the field it was found in.
        var quoteProblem: (text: String, field: Int)?
        var newlines = 0
        var index = start
        var highBits: UInt8 = 0  // OR of every byte read: non-ASCII text when its top bit is set
        var highWords: UInt64 = 0  // OR of the bytes read eight at a time
        let lineFeeds = RecordScanner.everyByte(0x0A)
        let carriageReturns = RecordScanner.everyByte(0x0D)
        let quotes = RecordScanner.everyByte(0x22)
        let delimiters = RecordScanner.everyByte(delimiter)
        /// Whether the eight bytes at `index` hold no line break and none of the byte repeated in `stops`, adding
        /// them to `highWords` if so.
        func passes(_ index: Int, _ stops: UInt64) -> Bool {
            let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let found =
                RecordScanner.zeroByte(word ^ lineFeeds) | RecordScanner.zeroByte(word ^ carriageReturns)
                | RecordScanner.zeroByte(word ^ stops)
            if found != 0 { return false }
            highWords |= word
            return true
        }

        func finish(end: Int, next: Int, newlines: Int) -> ParsedRecord {
            var problem = quoteProblem?.text
            if highBits >= 0x80 || highWords & 0x8080_8080_8080_8080 != 0 {
                // Fields before the one with a quoting problem: that problem was found before its text was read.
                let checked = quoteProblem.map { $0.field - 1 } ?? spans.count
                for field in 0..<checked {
                    let span = spans[field]
                    let bytes = UnsafeBufferPointer(rebasing: buffer[(start + span.start)..<(start + span.end)])
                    if !isValidUTF8(bytes) {
                        problem = "field \(field + 1): invalid UTF-8"
                        break
                    }
                }
            }
            return ParsedRecord(spans: spans, start: start, end: end, next: next, newlines: newlines, problem: problem)
        }

        while true {
            // One field starts at `index`.
            var fieldEnd: Int
            if dialect.quoting && index < count && buffer[index] == 0x22 {
                var cursor = index + 1
                var escaped = false
                var closed = false
                while cursor < count {
                    if cursor + 8 <= count, passes(cursor, quotes) {
                        cursor += 8
                        continue
                    }
                    let byte = buffer[cursor]
                    highBits |= byte
                    if byte == 0x22 {
                        if cursor + 1 == count && !isFinal { return nil }  // may be half of an escaped quote
                        if cursor + 1 < count && buffer[cursor + 1] == 0x22 {
                            escaped = true
                            cursor += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == 0x0D || (byte == 0x0A && buffer[cursor - 1] != 0x0D) { newlines += 1 }  // CRLF is one break
                    cursor += 1
                }
                if !closed {
                    if !isFinal { return nil }
                    spans.append(FieldSpan(start: index + 1 - start, end: count - start, hasEscapedQuotes: escaped))
                    if quoteProblem == nil { quoteProblem = ("unterminated quoted field starting on line \(line)", spans.count) }
                    return finish(end: count, next: count, newlines: newlines)
                }
                spans.append(FieldSpan(start: index + 1 - start, end: cursor - start, hasEscapedQuotes: escaped))
                fieldEnd = cursor + 1
                // Anything between the closing quote and the delimiter makes the record malformed.
                while fieldEnd < count, buffer[fieldEnd] != delimiter, buffer[fieldEnd] != 0x0A, buffer[fieldEnd] != 0x0D {
                    if quoteProblem == nil { quoteProblem = ("field \(spans.count): text after a closing quote", spans.count) }
                    highBits |= buffer[fieldEnd]
                    fieldEnd += 1
                }
            } else {
                fieldEnd = index
                while fieldEnd < count {
                    if fieldEnd + 8 <= count, passes(fieldEnd, delimiters) {
                        fieldEnd += 8
                        continue
                    }
                    let byte = buffer[fieldEnd]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    highBits |= byte
                    fieldEnd += 1
                }
                spans.append(FieldSpan(start: index - start, end: fieldEnd - start, hasEscapedQuotes: false))
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
                return finish(end: fieldEnd, next: next, newlines: newlines + 1)
            }
            if !isFinal { return nil }
            return finish(end: count, next: count, newlines: newlines)
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
        let end: Int
        let next: Int
        let lineBreaks: Int
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
        return .record(CSVRecord(line: line, rawBytes: record[(base + parsed.start)..<(base + parsed.end)], spans: parsed.spans))
    }

    /// Whether `bytes` are valid UTF-8.
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
