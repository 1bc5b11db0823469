import Foundation

/// The key a place name is looked up by: lower case, without diacritics ("Mykolaïv", "Ёлкино"), apostrophes and the
/// marks transliterations use for them ("Kam’yanka", "Ta‘izz"), with hyphens, dashes, dots, commas, slashes and
/// brackets read as one space. "Kam'yanets-Podil's'kyi" and "Kamyanets Podilskyi" share the key "kamyanets podilskyi",
/// "Київ" and "КИЇВ" the key "киів".
///
/// One pass over the scalars into UTF-8 bytes, with a table built once for the Latin, Greek and Cyrillic blocks, so
/// that loading the gazetteer's tens of thousands of names stays fast; Foundation's `folding(options:locale:)` only
/// fills the table.
struct PlaceNameKey: Hashable, Sendable {
    /// The key's UTF-8 bytes. Compared and hashed as bytes: a `String` key would be normalised for every hash and
    /// comparison, which more than doubles the time to build the gazetteer.
    let bytes: [UInt8]

    init<S: StringProtocol>(_ name: S) { bytes = Self.bytes(of: name) }

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    func hasPrefix(_ prefix: PlaceNameKey) -> Bool { bytes.starts(with: prefix.bytes) }

    static func make<S: StringProtocol>(_ name: S) -> String { PlaceNameKey(name).text }

    private static func bytes<S: StringProtocol>(of name: S) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        var gap = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if gap { key.append(0x20) }
                    gap = false
                    key.append(byte + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if gap { key.append(0x20) }
                    gap = false
                    key.append(byte)
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    continue
                default:
                    gap = !key.isEmpty
                }
                continue
            }
            let replacement: [UInt8]
            if value < UInt32(table.count), let known = table[Int(value)] {
                replacement = known
            } else if scalar.properties.isWhitespace {
                replacement = []
                gap = !key.isEmpty
                continue
            } else {
                replacement = Array(String(scalar).lowercased().utf8)
            }
            if replacement.isEmpty { continue }
            if replacement == separator {
                gap = !key.isEmpty
                continue
            }
            if gap { key.append(0x20) }
            gap = false
            key.append(contentsOf: replacement)
        }
        return key
    }

    /// In the table: read as a space.
    private static let separator: [UInt8] = [0x20]

    /// Scalar → the UTF-8 bytes of its lower-case form, without diacritics in the Latin, Greek and Cyrillic blocks
    /// (empty when dropped, a space when a separator), for every scalar below U+2300.
    private static let table: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 0x2300)
        for value in UInt32(0x80)..<UInt32(0x2300) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if (0x300...0x36F).contains(value) || apostrophes.contains(value) {
                table[Int(value)] = []
            } else if separators.contains(value) || scalar.properties.isWhitespace {
                table[Int(value)] = separator
            } else if folds.contains(where: { $0.contains(value) }) && scalar.properties.isAlphabetic {
                let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
                table[Int(value)] = Array(folded.utf8)
            } else if scalar.properties.changesWhenLowercased {
                table[Int(value)] = Array(scalar.properties.lowercaseMapping.utf8)
            } else {
                table[Int(value)] = Array(text.utf8)
            }
        }
        return table
    }()

    /// The blocks whose letters lose their diacritics: Latin-1 and Latin Extended, Greek and Cyrillic, Latin
    /// Extended Additional and Greek Extended.
    private static let folds: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x370...0x52F, 0x1E00...0x1FFF]
    /// Apostrophe-like marks, dropped: ’ ‘ ʼ ʻ ʿ ʾ ´ ʹ ′ and the C1 controls Windows-1252 quotes decode to.
    private static let apostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x02BB, 0x02BF, 0x02BE, 0xB4, 0x02B9, 0x2032, 0x91, 0x92]
    /// Read as a space: the dashes, the minus sign, the Arabic comma, the middle dot.
    private static let separators: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x060C, 0xB7]
}
