/// JSON scalars appended as UTF-8 bytes, exactly as Foundation's `JSONEncoder` and `JSONSerialization` write
/// them: strings with `"` `\` and the control characters escaped (`\n`, `\u001b`; slashes and every other
/// character as they are), numbers as Swift prints them without a trailing `.0`.
public enum JSONBytes {
    /// Appends `value` as a quoted JSON string.
    public static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &bytes) }
    }

    /// Appends text already known to be valid UTF-8, given as its bytes, as a quoted JSON string: what
    /// ``appendString(_:to:)`` writes for the same text.
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        // Runs of bytes that need no escape are copied at once.
        var runStart = 0
        for index in 0..<utf8.count where utf8[index] < 0x20 || utf8[index] == 0x22 || utf8[index] == 0x5C {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(of: utf8[index], to: &bytes)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(0x22)
    }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }

    /// Appends `value` as Swift prints it, without a trailing `.0` (`36`, `-0`, `1e-07`, `1e+16`).
    public static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        let description = value.description
        let utf8 = description.utf8
        if description.hasSuffix(".0") {
            bytes.append(contentsOf: utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends `value` in decimal.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends `text`'s bytes as they are: JSON punctuation and keys known to need no escape.
    public static func appendRaw(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
