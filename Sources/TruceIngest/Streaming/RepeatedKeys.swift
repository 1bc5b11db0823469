/// The keys of one file's records, each with where it was first seen, to quarantine a record whose key repeats an
/// earlier one. Not generic, so that looking a key up costs no type built at run time in the generic import.
///
/// An open-addressing table placed by each key's seeded hash, worked out with the key on the parallel workers
/// (``SeenKey/hash``): the one thread that checks keys in file order only compares 16-byte keys. The hash is
/// `Hasher`'s, seeded per process, so a hostile file cannot choose keys that all land in one place.
struct RepeatedKeys {
    /// One slot: a key and where it was first seen, together so that a look-up touches one cache line; a slot
    /// whose line is 0 is empty (lines count from 1).
    private struct Slot {
        var key = SeenKey()
        var line = 0
        var raw: Int32 = 0
    }

    private var slots: [Slot] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Makes room for `keys` keys without growing.
    mutating func reserveCapacity(_ keys: Int) {
        var size = 16
        while size / 4 * 3 < keys { size *= 2 }
        if size > slots.count { rebuild(size: size) }
    }

    /// Where `key` was first seen, or `nil` when this is its first record, which is then remembered.
    mutating func firstSight(of key: SeenKey, line: Int, rawHash: Int) -> FirstSight? {
        if (count + 1) * 4 > slots.count * 3 { rebuild(size: max(16, slots.count * 2)) }
        return slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var index = key.hash & mask
            while slots[index].line != 0 {
                if slots[index].key == key { return FirstSight(line: slots[index].line, raw: slots[index].raw) }
                index = (index + 1) & mask
            }
            slots[index] = Slot(key: key, line: max(line, 1), raw: Int32(truncatingIfNeeded: rawHash))
            count += 1
            return nil
        }
    }

    private mutating func rebuild(size: Int) {
        let old = slots
        slots = [Slot](repeating: Slot(), count: size)
        let mask = size - 1
        for slot in old where slot.line != 0 {
            var index = slot.key.hash & mask
            while slots[index].line != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
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
/// then cost a few dozen megabytes, not a hundred. It carries its seeded hash, worked out where it is made.
struct SeenKey: Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// `Hasher`'s hash of the two words (not compared: equal keys have equal hashes).
    private(set) var hash = 0

    /// An empty slot's key.
    init() {}

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
        var hasher = Hasher()
        hasher.combine(low)
        hasher.combine(high)
        hash = hasher.finalize()
    }

    static func == (left: SeenKey, right: SeenKey) -> Bool { left.low == right.low && left.high == right.high }
}
