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
    public var raw: String
    public var reason: String
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
/// quoted fields may hold delimiters and line breaks, lines end in LF or CRLF.
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
    public init(bytes: [UInt8], dialect: CSVDialect = .csv, startLine: Int = 1, isFinal: Bool = true) {
        self.bytes = bytes
        self.dialect = dialect
        self.isFinal = isFinal
        self.line = startLine
        self.position = startLine == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // byte-order mark
        self.consumed = position
    }

    public mutating func next() -> Element? {
        while position < bytes.count, bytes[position] == 0x0A || (bytes[position] == 0x0D && peek(1) == 0x0A) {
            position += bytes[position] == 0x0D ? 2 : 1
            line += 1
            blankLines += 1
        }
        if !isFinal, position + 1 >= bytes.count, position < bytes.count, bytes[position] == 0x0D {
            return nil  // a lone CR at the end may be the first half of CRLF
        }
        consumed = position
        guard position < bytes.count else { return nil }
        let startLine = line
        let start = position
        let delimiter = dialect.delimiter
        let quoting = dialect.quoting
        var fields: [String] = []
        var field: [UInt8] = []
        var problem: String?
        var quoted = false
        var afterQuote = false
        var fieldStart = true
        var endedByNewline = false
        while position < bytes.count {
            let byte = bytes[position]
            if quoted {
                if byte == 0x22 {
                    if position + 1 == bytes.count && !isFinal { break }  // may be half of an escaped quote
                    if peek(1) == 0x22 {
                        field.append(0x22)
                        position += 2
                        continue
                    }
                    quoted = false
                    afterQuote = true
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                position += 1
                continue
            }
            if byte == delimiter || byte == 0x0A || (byte == 0x0D && peek(1) == 0x0A) {
                fields.append(decode(field, index: fields.count, problem: &problem))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
                fieldStart = true
                if byte == delimiter {
                    position += 1
                    continue
                }
                endedByNewline = true
                break
            }
            if byte == 0x0D && !isFinal && position + 1 == bytes.count { break }  // CR of a split CRLF
            if quoting && byte == 0x22 && fieldStart {
                quoted = true
            } else if afterQuote {
                if problem == nil { problem = "field \(fields.count + 1): text after a closing quote" }
                field.append(byte)
            } else {
                field.append(byte)
            }
            fieldStart = false
            position += 1
        }
        if !endedByNewline && !isFinal {
            position = start  // cut off by the end of this buffer: leave it for the next one
            line = startLine
            return nil
        }
        let end = position
        if endedByNewline {
            position += bytes[position] == 0x0D ? 2 : 1
            line += 1
        } else {
            fields.append(decode(field, index: fields.count, problem: &problem))
        }
        consumed = position
        if quoted { problem = "unterminated quoted field starting on line \(startLine)" }
        if let problem {
            return .malformed(MalformedCSVRecord(line: startLine, raw: String(decoding: bytes[start..<end], as: UTF8.self), reason: problem))
        }
        return .record(CSVRecord(line: startLine, fields: fields, rawBytes: bytes[start..<end]))
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func decode(_ field: [UInt8], index: Int, problem: inout String?) -> String {
        if let text = String(validating: field, as: UTF8.self) { return text }
        if problem == nil { problem = "field \(index + 1): invalid UTF-8" }
        return String(decoding: field, as: UTF8.self)
    }
}
