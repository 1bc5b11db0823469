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

    /// The length in bytes of `utf8` written as a quoted JSON string (what ``appendString(utf8:to:)`` appends).
    public static func quotedLength(utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var length = utf8.count + 2
        var index = nextEscaped(in: utf8, from: 0)
        while index < utf8.count {
            length += shortEscape(of: utf8[index]) == nil ? 5 : 1
            index = nextEscaped(in: utf8, from: index + 1)
        }
        return length
    }

    /// Writes `utf8` as a quoted JSON string into `buffer` from `offset`, moving `offset` past it: the bytes
    /// ``appendString(utf8:to:)`` appends, into room already made (``quotedLength(utf8:)`` bytes).
    public static func writeQuoted(utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int) {
        buffer[offset] = 0x22
        offset += 1
        var runStart = 0
        func copyRun(to end: Int) {
            guard end > runStart else { return }
            UnsafeMutableRawPointer(buffer.baseAddress! + offset).copyMemory(from: utf8.baseAddress! + runStart, byteCount: end - runStart)
            offset += end - runStart
        }
        var index = nextEscaped(in: utf8, from: 0)
        while index < utf8.count {
            copyRun(to: index)
            let byte = utf8[index]
            buffer[offset] = 0x5C
            if let second = shortEscape(of: byte) {
                buffer[offset + 1] = second
                offset += 2
            } else {
                for (at, value) in [UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)].enumerated() {
                    buffer[offset + 1 + at] = value
                }
                offset += 6
            }
            runStart = index + 1
            index = nextEscaped(in: utf8, from: runStart)
        }
        copyRun(to: utf8.count)
        buffer[offset] = 0x22
        offset += 1
    }

    /// The index of the first byte from `start` that a JSON string escapes (`"`, `\\` or a control character), or
    /// the end: eight bytes are looked at at once, as text mostly has none.
    private static func nextEscaped(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= utf8.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // A byte below 0x20, or equal to a quote or a backslash, sets its high bit in one of these.
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                let control = (word &- ones &* 0x20) & ~word
                let quote = (quotes &- ones) & ~quotes
                let backslash = (backslashes &- ones) & ~backslashes
                if (control | quote | backslash) & highs != 0 { break }
                index += 8
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return index
    }

    /// The letter after the backslash of a two-character escape (`\n`, `\"`), or `nil` for a byte written as `\u00XX`.
    private static func shortEscape(of byte: UInt8) -> UInt8? {
        switch byte {
        case 0x22, 0x5C: byte
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
    }

    /// The lower-case hexadecimal digit of a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        if let second = shortEscape(of: byte) {
            bytes.append(contentsOf: [0x5C, second])
        } else {
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)])
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
