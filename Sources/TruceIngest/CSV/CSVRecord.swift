import TruceCore

/// One record of a delimited file: where it started, its bytes as read, and where each field lies in them.
///
/// Fields are not copied out when the record is split: each is a byte range into ``rawBytes`` and becomes a
/// string only when it is asked for (``field(_:)``, ``trimmedField(_:)``), so a record whose fields are mostly
/// carried through verbatim costs no string per field. Every field is valid UTF-8 (a record that is not comes
/// back malformed).
public struct CSVRecord: Sendable {
    /// The 1-based line the record starts on (a quoted field may span lines).
    public var line: Int
    /// The record's bytes, without the line ending.
    public var rawBytes: ArraySlice<UInt8>
    /// Each field's bytes, as offsets from `rawBytes.startIndex`.
    let spans: [FieldSpan]
    /// Set while a format normalises the record for a streaming import: its verbatim fields are then read from
    /// the bytes later (``VerbatimRecord``), not copied into the incident.
    var defersVerbatimFields = false

    init(line: Int, rawBytes: ArraySlice<UInt8>, spans: [FieldSpan]) {
        self.line = line
        self.rawBytes = rawBytes
        self.spans = spans
    }

    /// The record as text, exactly as read.
    public var raw: String { String(decoding: rawBytes, as: UTF8.self) }

    /// How many fields the record has.
    public var fieldCount: Int { spans.count }

    /// Every field as a string, in order.
    public var fields: [String] { spans.indices.map(field) }

    /// The field at `index` (0-based), exactly as read (quotes taken off, `""` read as `"`).
    public func field(_ index: Int) -> String {
        withFieldBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The field at `index` without leading and trailing spaces and tabs, as ``Swift/String/trimmingSpaces`` trims.
    public func trimmedField(_ index: Int) -> String {
        withFieldBytes(index) { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with the field's bytes as read (an escaped quote `""` already made one `"`).
    public func withFieldBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let span = spans[index]
        return rawBytes.withUnsafeBufferPointer { record in
            let bytes = UnsafeBufferPointer(rebasing: record[span.start..<span.end])
            guard span.hasEscapedQuotes else { return body(bytes) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                unescaped.append(bytes[index])
                index += bytes[index] == 0x22 && index + 1 < bytes.count && bytes[index + 1] == 0x22 ? 2 : 1
            }
            return unescaped.withUnsafeBufferPointer(body)
        }
    }
}

/// Where one field lies in its record's bytes: for a quoted field, the text between its quotes.
struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    /// Whether the text holds `""` pairs, each standing for one `"`.
    var hasEscapedQuotes: Bool
}

/// A record's verbatim fields, under the header's names, read from the record's bytes only when they are needed:
/// as ``SourceRecord/Field`` values, or straight into the JSON array a store keeps.
public struct VerbatimRecord: Sendable {
    /// The header's names, in file order (shared by every record of a file).
    public let names: [String]
    let record: CSVRecord

    init(names: [String], record: CSVRecord) {
        self.names = names
        self.record = record
    }

    /// The fields as an incident's source record holds them: each header name with its value, `""` for a
    /// field the record lacks.
    public var fields: [SourceRecord.Field] {
        names.indices.map { SourceRecord.Field(name: names[$0], value: $0 < record.fieldCount ? record.field($0) : "") }
    }

    /// The values as a JSON array of strings: byte for byte what a store keeps as the record's values
    /// (`SourceRecord.valuesJSON` in TruceStore) for ``fields``.
    public var valuesJSON: String {
        // The exact length first, so the text is written once, straight into the string's storage.
        var length = 2 + max(0, names.count - 1)
        for index in names.indices {
            length += index < record.fieldCount ? record.withFieldBytes(index) { JSONBytes.quotedLength(utf8: $0) } : 2
        }
        return String(unsafeUninitializedCapacity: length) { text in
            var offset = 0
            text[offset] = UInt8(ascii: "[")
            offset += 1
            for index in names.indices {
                if index > 0 {
                    text[offset] = UInt8(ascii: ",")
                    offset += 1
                }
                if index < record.fieldCount {
                    record.withFieldBytes(index) { JSONBytes.writeQuoted(utf8: $0, into: text, at: &offset) }
                } else {
                    text[offset] = 0x22
                    text[offset + 1] = 0x22
                    offset += 2
                }
            }
            text[offset] = UInt8(ascii: "]")
            return offset + 1
        }
    }
}
