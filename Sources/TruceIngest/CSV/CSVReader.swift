/// One record of a CSV file: its fields and where it started.
public struct CSVRecord: Sendable {
    /// The 1-based line the record starts on (a quoted field may span lines).
    public var line: Int
    public var fields: [String]
    /// The record's bytes as text, without the line ending.
    public var raw: String
}

/// A record that could not be split into fields.
public struct MalformedCSVRecord: Sendable {
    public var line: Int
    public var raw: String
    public var reason: String
}

/// Splits RFC 4180 CSV bytes into records: comma-separated, fields optionally double-quoted with `""` as
/// an escaped quote, quoted fields may hold commas and line breaks, lines end in LF or CRLF.
///
/// It works on bytes and never traps: a record with invalid UTF-8, text after a closing quote or an
/// unterminated quote comes back as a ``MalformedCSVRecord`` and reading goes on after it.
public struct CSVReader: Sequence, IteratorProtocol, Sendable {
    public enum Element: Sendable {
        case record(CSVRecord)
        case malformed(MalformedCSVRecord)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// Blank lines skipped so far.
    public private(set) var blankLines = 0

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // byte-order mark
    }

    public mutating func next() -> Element? {
        while position < bytes.count, bytes[position] == 0x0A || (bytes[position] == 0x0D && peek(1) == 0x0A) {
            position += bytes[position] == 0x0D ? 2 : 1
            line += 1
            blankLines += 1
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        let start = position
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
            if byte == 0x2C || byte == 0x0A || (byte == 0x0D && peek(1) == 0x0A) {
                fields.append(decode(field, index: fields.count, problem: &problem))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
                fieldStart = true
                if byte == 0x2C {
                    position += 1
                    continue
                }
                endedByNewline = true
                break
            }
            if byte == 0x22 && fieldStart {
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
        let end = position
        if endedByNewline {
            position += bytes[position] == 0x0D ? 2 : 1
            line += 1
        } else {
            fields.append(decode(field, index: fields.count, problem: &problem))
        }
        if quoted { problem = "unterminated quoted field starting on line \(startLine)" }
        let raw = String(decoding: bytes[start..<end], as: UTF8.self)
        if let problem { return .malformed(MalformedCSVRecord(line: startLine, raw: raw, reason: problem)) }
        return .record(CSVRecord(line: startLine, fields: fields, raw: raw))
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
