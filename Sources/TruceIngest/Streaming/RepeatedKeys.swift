/// The keys of one file's records, each with where it was first seen, to quarantine a record whose key repeats an
/// earlier one. Not generic, so that looking a key up costs no type built at run time in the generic import.
struct RepeatedKeys {
    /// Each key's first line and a 32-bit digest of its record (16 bytes beside the key's 16).
    private var firstLine: [SeenKey: FirstSight] = [:]

    var isEmpty: Bool { firstLine.isEmpty }

    mutating func reserveCapacity(_ keys: Int) { firstLine.reserveCapacity(keys) }

    /// Where `key` was first seen, or `nil` when this is its first record, which is then remembered.
    mutating func firstSight(of key: SeenKey, line: Int, rawHash: Int) -> FirstSight? {
        if let first = firstLine[key] { return first }
        firstLine[key] = FirstSight(line: line, raw: Int32(truncatingIfNeeded: rawHash))
        return nil
    }
}

/// Where a key was first seen: its line and a 32-bit digest of its record (a named type, not a tuple, so that the
/// key table needs no type built at run time on each look-up).
struct FirstSight {
    var line: Int
    var raw: Int32
}

/// A record key as remembered for the duplicate check, in 16 bytes whatever the key: a key of up to 15 UTF-8
/// bytes (most dataset keys) exactly, its bytes packed with its length; a longer one (a hostile file may hold keys
/// of up to the maximum record size) by its length and a digest, with a tag that no short key has. A million keys
/// then cost a few dozen megabytes, not a hundred.
struct SeenKey: Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ key: String) {
        var key = key
        key.withUTF8 { bytes in
            if bytes.count <= 15 {
                var packed = (UInt64(0), UInt64(0))  // the bytes in memory order, the length in the last
                withUnsafeMutableBytes(of: &packed) { raw in
                    for (index, byte) in bytes.enumerated() { raw[index] = byte }
                    raw[15] = UInt8(bytes.count)
                }
                (low, high) = packed
                return
            }
            var first = Hasher()
            var second = Hasher()
            first.combine(0x5EED_0001 as UInt64)
            second.combine(0x5EED_0002 as UInt64)
            first.combine(bytes: UnsafeRawBufferPointer(bytes))
            second.combine(bytes: UnsafeRawBufferPointer(bytes))
            low = UInt64(bitPattern: Int64(first.finalize())) ^ UInt64(bytes.count)
            // The top byte (the last in memory, where a short key keeps its length of at most 15) says "digest".
            high = UInt64(bitPattern: Int64(second.finalize())) & 0x00FF_FFFF_FFFF_FFFF | 0xFF00_0000_0000_0000
        }
    }
}
