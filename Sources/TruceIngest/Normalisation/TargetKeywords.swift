import Foundation
import TruceCore

/// Finds what was struck in free text (English, Ukrainian, Russian): "substation" / "підстанція" /
/// "подстанция", "refinery" / "НПЗ". A keyword matches at the start of a word (so "порт" does not match
/// "транспорт"), and only in a sense that says it was struck (`TargetWordSense`); the first, most specific
/// match in the table wins.
public enum TargetKeywords {
    /// Keyword stems, lower-case, most specific first.
    static let table: [(stems: [String], category: TargetCategory, subtype: String?)] = [
        (["refinery", "нафтопереробн", "нпз", "нефтеперерабатыва"], .energy, "refinery"),
        (["substation", "підстанці", "подстанци"], .energy, "substation"),
        (["transformer", "трансформатор"], .energy, "transformer"),
        (["power line", "transmission line", "лінія електропередач", "лэп", "линия электропередач"], .energy, "transmission_line"),
        (
            [
                "distribution network", "distribution grid", "power distribution", "electricity distribution", "розподільч", "обленерго",
                "распределительн",
            ], .energy, "distribution_network"
        ),
        (
            ["power grid", "electricity grid", "electrical grid", "energy grid", "енергосистем", "електромереж", "энергосистем", "электросет"],
            .energy, "grid"
        ),
        (["hydroelectric", "dam ", "dam,", "dam.", "гес ", "дамб", "греблі", "плотин"], .energy, "dam"),
        (["gas metering", "gas measuring", "газовимірювальн", "газоизмерительн"], .energy, "gas_metering_station"),
        (["gas storage", "underground storage", "газосховищ", "газохранилищ"], .energy, "gas_storage"),
        (["gas distribution", "gas network", "gas supply network", "газорозподільн", "газораспредел", "газопостач"], .energy, "gas_distribution"),
        (["compressor station", "gas production", "gas facilit", "компресорн", "компрессорн", "газовидобу", "газодобыва"], .energy, "gas_facility"),
        (["gas pipeline", "газопровід", "газопровод"], .energy, "gas_pipeline"),
        (["oil pipeline", "нафтопровід", "нефтепровод"], .energy, "oil_pipeline"),
        (["pumping station", "насосн"], .energy, "pumping_station"),
        (["oil depot", "fuel depot", "oil storage", "tank farm", "нафтобаз", "нефтебаз"], .energy, "oil_storage"),
        (
            [
                "nuclear power", "power plant", "power station", "thermal plant", "chp", "тэц", "тец", "тэс ", "аэс", "аес", "електростанц",
                "электростанц",
            ], .energy, "power_plant"
        ),
        (["energy infrastructure", "energy facilit", "енергетичн", "энергетическ"], .energy, nil),
        (["petrol station", "gas station", "fuel station", "азс"], .transport, "fuel_station"),
        (["hospital", "лікарн", "больниц"], .civilian, "hospital"),
        (["school", "школ"], .civilian, "school"),
        (["residential", "apartment", "house", "житлов", "жилой", "жилом"], .civilian, "residential"),
        (["railway", "залізниц", "железн"], .transport, "rail"),
        (["bridge", "мост ", "мосту", "моста"], .transport, "bridge"),
        (["port ", "port.", "port,", "порт ", "порту", "порта", "порті"], .port, "port"),
    ]

    /// The stems as lower-case UTF-8, grouped by first byte, each with its table row.
    private static let stems = StemTable(table.enumerated().flatMap { row, entry in entry.stems.map { (Array($0.utf8), row) } })

    /// Lower-case words to look for with ``mentions(_:in:)``, as UTF-8 worked out once rather than at every look.
    public struct Keywords: Sendable, ExpressibleByArrayLiteral {
        let stems: [[UInt8]]
        /// Whether some stem starts with a byte.
        let firstBytes: [Bool]

        public init(_ words: [String]) {
            stems = words.map { Array($0.utf8) }
            var firstBytes = [Bool](repeating: false, count: 256)
            for stem in stems { if let first = stem.first { firstBytes[Int(first)] = true } }
            self.firstBytes = firstBytes
        }
        public init(arrayLiteral words: String...) { self.init(words) }
    }

    /// Whether `text` mentions any of `words` (lower-case) at the start of a word.
    public static func mentions(_ words: [String], in text: String) -> Bool {
        mentions(Keywords(words), in: text)
    }

    /// Whether `text` mentions any of `keywords` at the start of a word.
    public static func mentions(_ keywords: Keywords, in text: String) -> Bool {
        mentions(keywords, in: LowercasedText(text))
    }

    /// Whether `text` mentions any of `keywords` at the start of a word, the text folded to lower case once for
    /// all the looks a row takes at it.
    static func mentions(_ keywords: Keywords, in text: LowercasedText) -> Bool {
        let (stems, firstBytes) = (keywords.stems, keywords.firstBytes)
        return text.bytes.withUnsafeBufferPointer { buffer in
            var previousIsLetter = false
            for position in 0..<buffer.count {
                let byte = buffer[position]
                let isContinuation = byte & 0xC0 == 0x80
                if !previousIsLetter, !isContinuation, firstBytes[Int(byte)],
                    stems.contains(where: { $0[0] == byte && matches($0, at: position, in: buffer) })
                {
                    return true
                }
                if !isContinuation { previousIsLetter = isLetter(byte) }
            }
            return false
        }
    }

    /// The target a report (a headline, a note) says was struck, or `nil` when it names none of the known ones.
    ///
    /// A category word counts only where the text says something hostile happened to it ("hospital shelled",
    /// "удар по лікарні"), not in "died in hospital" or "school-year truce": see `TargetWordSense`.
    /// Works on UTF-8 bytes (Latin and Cyrillic letters folded to lower case), as it runs on every imported row.
    public static func target(in text: String) -> Target? {
        target(in: text, reading: .report)
    }

    /// The target a place description names ("a thermal power plant in the town of Shchastya"), where the
    /// description is of the place the act happened, so no hostile-act word is needed; "near a dam" and
    /// "the port city of Mariupol" still name none.
    public static func target(atPlace description: String) -> Target? {
        target(in: description, reading: .place)
    }

    private static func target(in text: String, reading: TargetWordSense.Reading) -> Target? {
        target(in: LowercasedText(text), reading: reading)
    }

    /// The target `text` (already folded to lower case) names, read as a report or a place description.
    static func target(in text: LowercasedText, reading: TargetWordSense.Reading) -> Target? {
        var best = Int.max
        let stems = self.stems
        text.bytes.withUnsafeBufferPointer { buffer in
            stems.bytes.withUnsafeBufferPointer { stemBytes in
                stems.entries.withUnsafeBufferPointer { entries in
                    stems.firstEntry.withUnsafeBufferPointer { firstEntry in
                        stems.pairs.withUnsafeBufferPointer { pairs in
                            var previousIsLetter = false
                            var position = 0
                            while position < buffer.count {
                                let byte = buffer[position]
                                let isContinuation = byte & 0xC0 == 0x80
                                if !previousIsLetter, !isContinuation, position + 1 < buffer.count,
                                    case let pair = Int(byte) << 8 | Int(buffer[position + 1]), pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
                                {
                                    for entry in entries[firstEntry[Int(byte)]..<firstEntry[Int(byte) + 1]]
                                    where entry.row < best
                                        && matches(stemBytes[entry.start..<entry.end], at: position, in: buffer)
                                        && TargetWordSense.counts(subtype: table[entry.row].subtype, wordAt: position, in: buffer, reading: reading)
                                    {
                                        best = entry.row
                                    }
                                }
                                if !isContinuation { previousIsLetter = isLetter(byte) }
                                position += 1
                            }
                        }
                    }
                }
            }
        }
        guard best < table.count else { return nil }
        return Target(category: table[best].category, subtype: table[best].subtype)
    }

    private static func matches<Stem: Collection<UInt8>>(_ stem: Stem, at position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position + stem.count <= buffer.count else { return false }
        var offset = position
        for byte in stem {
            guard buffer[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    private static func matches(_ stem: [UInt8], at position: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position + stem.count <= buffer.count else { return false }
        for offset in 0..<stem.count where buffer[position + offset] != stem[offset] { return false }
        return true
    }

    /// ASCII letters and digits, and any multi-byte character (Cyrillic letters among them), count as letters.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0xC0
    }

    /// `text` as UTF-8 with ASCII and Cyrillic (U+0400–U+042F, Ґ) capitals folded to lower case.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var array = Array(text.utf8)
        array.withUnsafeMutableBufferPointer { foldToLowerCase($0) }
        return array
    }

    private static func foldToLowerCase(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes at a time: each of A–Z gains 0x20 (no sum crosses into the next byte, as none has
            // its top bit set).
            if index + 8 <= bytes.count {
                let raw = UnsafeMutableRawPointer(bytes.baseAddress! + index)
                let word = raw.loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    let aboveZ = word &+ 0x2525_2525_2525_2525  // top bit set where a byte > "Z" (0x5A)
                    let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F  // top bit set where a byte ≥ "A" (0x41)
                    let capitals = fromA & ~aboveZ & 0x8080_8080_8080_8080
                    raw.storeBytes(of: word | capitals >> 2, as: UInt64.self)
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A {
                bytes[index] = byte + 0x20
            } else if byte == 0xD0, index + 1 < bytes.count {
                let next = bytes[index + 1]
                switch next {
                case 0x80...0x8F: (bytes[index], bytes[index + 1]) = (0xD1, next + 0x10)  // Ѐ–Џ → ѐ–џ
                case 0x90...0x9F: bytes[index + 1] = next + 0x20  // А–П → а–п
                case 0xA0...0xAF: (bytes[index], bytes[index + 1]) = (0xD1, next - 0x20)  // Р–Я → р–я
                default: break
                }
                index += 1
            } else if byte == 0xD2, index + 1 < bytes.count, bytes[index + 1] == 0x90 {
                bytes[index + 1] = 0x91  // Ґ → ґ
                index += 1
            }
            index += 1
        }
    }
}

/// Keyword stems laid end to end in one byte array, each with its table row, and grouped by first byte so that a
/// word is only compared with the stems that start as it does.
private struct StemTable: Sendable {
    struct Entry: Sendable {
        var start: Int
        var end: Int
        var row: Int
    }

    let bytes: [UInt8]
    /// Sorted by first byte; those starting with byte `b` are `entries[firstEntry[b]..<firstEntry[b + 1]]`.
    let entries: [Entry]
    let firstEntry: [Int]
    /// One bit for each pair of first two bytes some stem starts with (every stem has at least three): most words
    /// start as no stem does, and are passed with one look.
    let pairs: [UInt64]

    init(_ stems: [(bytes: [UInt8], row: Int)]) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var firstEntry = [Int](repeating: 0, count: 257)
        for first in 0..<256 {
            firstEntry[first] = entries.count
            for stem in stems where stem.bytes.first == UInt8(first) {  // in table order within each first byte
                entries.append(Entry(start: bytes.count, end: bytes.count + stem.bytes.count, row: stem.row))
                bytes += stem.bytes
            }
        }
        firstEntry[256] = entries.count
        var pairs = [UInt64](repeating: 0, count: 1 << 10)
        for stem in stems {
            let pair = Int(stem.bytes[0]) << 8 | Int(stem.bytes[1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        (self.bytes, self.entries, self.firstEntry, self.pairs) = (bytes, entries, firstEntry, pairs)
    }
}

/// Text folded to lower case as ``TargetKeywords`` reads it (ASCII and Cyrillic capitals), with a space after it:
/// made once per row and read by every keyword look.
struct LowercasedText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        var bytes = TargetKeywords.lowercasedUTF8(text)
        bytes.append(0x20)
        self.bytes = bytes
    }
}
