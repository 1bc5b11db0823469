import Foundation
import TruceCore
import TruceTestSupport

/// Seeded random incidents whose every text and number is one a JSON writer can get wrong: each control
/// character, quotes, backslashes, slashes, `</script>`, U+2028 and U+2029, characters outside the BMP, and
/// coordinates such as -0.0, 1e-7 and 179.99999999.
struct HostileIncidents {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// Pieces of text hostile to JSON, HTML and terminals; random text is built from them and random scalars.
    static let pieces: [String] =
        (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + [
            "\u{7F}", "\"", "\\", "/", "\\\"", "</script>", "<script>alert(1)</script>", "\u{2028}", "\u{2029}", "\u{85}",
            "\u{FEFF}", "\u{202E}", "𝄞", "😀", "\u{10FFFF}", "é", "Ж", "Харків", "\r\n", "\\u0000", "'", "=SUM(A1)", "&amp;", " ", "",
        ]

    /// Coordinates a number writer can get wrong, and the edges of the globe.
    static let coordinates: [Double] = [
        -0.0, 0, 1e-7, -1e-7, 0.000001, 179.99999999, -179.99999999, 180, -180, 90, -90, 36, 36.2304, 49.9935, 0.1, 1e-300,
        .leastNonzeroMagnitude, 1e15, 1e16, 123_456.789_012_345, -33.5,
    ]

    mutating func text() -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            if Bool.random(using: &random) {
                text += Self.pieces.randomElement(using: &random)!
            } else {
                // Any scalar but a surrogate, which a Swift string cannot hold.
                var value = UInt32.random(in: 0...0x10FFFF, using: &random)
                if (0xD800...0xDFFF).contains(value) { value = 0x2028 }
                text.unicodeScalars.append(Unicode.Scalar(value)!)
            }
        }
        return text
    }

    mutating func optionalText() -> String? { Int.random(in: 0..<4, using: &random) == 0 ? nil : text() }

    mutating func coordinate() -> Double {
        Bool.random(using: &random) ? Self.coordinates.randomElement(using: &random)! : Double.random(in: -180...180, using: &random)
    }

    mutating func integer() -> Int? {
        [nil, 0, 1, -1, Int.max, Int.min, Int.random(in: 0...1000, using: &random)].randomElement(using: &random)!
    }

    /// An instant from 1600 to 9999, a whole second or (rarely) with a fraction.
    mutating func instant() -> Date {
        let seconds = Double(Int64.random(in: -11_676_096_000...253_402_300_799, using: &random))
        return Date(timeIntervalSince1970: Int.random(in: 0..<20, using: &random) == 0 ? seconds + 0.25 : seconds)
    }

    mutating func incident() -> Incident {
        let start = instant()
        let end: Date? = Bool.random(using: &random) ? start.addingTimeInterval(Double(Int.random(in: 1...900_000, using: &random))) : nil
        let coordinate = Bool.random(using: &random) ? Coordinate(latitude: self.coordinate(), longitude: self.coordinate()) : nil
        let claims = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            Claim(
                claimant: text(), claimantParty: optionalText().map(PartyID.init(rawValue:)), accused: optionalText().map(PartyID.init(rawValue:)),
                source: Bool.random(using: &random) ? SourceReference(url: text(), published: optionalText(), publisher: optionalText()) : nil)
        }
        let sources = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            SourceRecord(
                dataset: text(), file: text(), line: Int.random(in: 1...1_000_000, using: &random), key: text(), release: optionalText(),
                fields: (0..<Int.random(in: 0...4, using: &random)).map { _ in SourceRecord.Field(name: text(), value: text()) })
        }
        return Incident(
            id: text(),
            time: IncidentTime(
                span: TimeSpan(start: start, end: end), precision: TimePrecision.allCases.randomElement(using: &random)!,
                timeZone: [nil, ZoneIdentifier.utc].randomElement(using: &random)!),
            location: IncidentLocation(
                country: optionalText(), admin1: optionalText(), place: optionalText(), coordinate: coordinate,
                precision: GeoPrecision.allCases.randomElement(using: &random)!),
            action: [nil, ActionType.allCases.randomElement(using: &random)!].randomElement(using: &random)!,
            target: Target(
                category: [nil, TargetCategory.allCases.randomElement(using: &random)!].randomElement(using: &random)!,
                subtype: optionalText(), name: optionalText()),
            perpetrator: Bool.random(using: &random) ? Attribution(party: PartyID(text()), attributedBy: text()) : nil,
            effects: Effects(fatalities: integer(), injured: integer()), description: text(), claims: claims, sources: sources)
    }
}
