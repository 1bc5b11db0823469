import Foundation

/// The values of one row as a SQL database binds them (null, integer, real or text), packed into one buffer where
/// they are worked out (on an import's parallel workers), so that the saving thread only walks the buffer, binds
/// each value in place and steps: no boxed value, no string made or copied per column.
///
/// Each value is a tag byte, then eight bytes for a number or a four-byte length and the UTF-8 bytes for a text.
struct PackedValues: Sendable {
    private(set) var bytes: [UInt8] = []
    /// How many values are packed.
    private(set) var count = 0

    enum Tag: UInt8 {
        case null, integer, real, text
    }

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String?) {
        count += 1
        guard var text else { return bytes.append(Tag.null.rawValue) }
        bytes.append(Tag.text.rawValue)
        text.withUTF8 { utf8 in
            appendRaw(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ number: Int64?) {
        count += 1
        guard let number else { return bytes.append(Tag.null.rawValue) }
        bytes.append(Tag.integer.rawValue)
        appendRaw(UInt64(bitPattern: number))
    }

    mutating func append(_ number: Int?) { append(number.map(Int64.init)) }

    mutating func append(_ number: Double?) {
        count += 1
        guard let number else { return bytes.append(Tag.null.rawValue) }
        bytes.append(Tag.real.rawValue)
        appendRaw(number.bitPattern)
    }

    private mutating func appendRaw<Word: FixedWidthInteger>(_ word: Word) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// One value read back from the buffer: text as a pointer into it, valid while the buffer is.
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(UnsafeRawBufferPointer)
    }

    /// Calls `bind` with each value in order and its parameter number (from 1), then `body`, all while the texts
    /// the values point to stay where they are: `body` runs the statement they were bound to.
    func withEach<Result>(_ bind: (CInt, Value) throws -> Void, then body: () throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            var index: CInt = 0
            func word<Word: FixedWidthInteger>(_: Word.Type) -> Word {
                defer { offset += MemoryLayout<Word>.size }
                return Word(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Word.self))
            }
            while offset < raw.count {
                let tag = Tag(rawValue: raw[offset])!
                offset += 1
                index += 1
                switch tag {
                case .null: try bind(index, .null)
                case .integer: try bind(index, .integer(Int64(bitPattern: word(UInt64.self))))
                case .real: try bind(index, .real(Double(bitPattern: word(UInt64.self))))
                case .text:
                    let length = Int(word(UInt32.self))
                    try bind(index, .text(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length])))
                    offset += length
                }
            }
            return try body()
        }
    }
}
