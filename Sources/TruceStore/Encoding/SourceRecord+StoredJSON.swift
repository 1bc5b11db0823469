import TruceCore

/// How a store keeps a source record's fields: the names once per file as a header, the values per record, each
/// as a JSON array of strings, byte for byte what Foundation's encoder writes for `[String]` (and read back by
/// `[String](canonicalJSONArray:)`).
extension SourceRecord {
    /// The field names as a JSON array of strings: a file's header, stored once for all its records.
    package var namesJSON: String { Self.jsonArray(fields.map(\.name)) }

    /// Field names as a JSON array of strings, as ``namesJSON`` writes them.
    package static func namesJSON(for names: [String]) -> String { jsonArray(names) }

    /// The field values as a JSON array of strings, in field order.
    package var valuesJSON: String { Self.jsonArray(fields.map(\.value)) }

    private static func jsonArray(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2048)
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONBytes.appendString(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
