import TruceCore

/// The bounds every format applies to dates and numbers, so that a typo or a hostile value is quarantined with
/// its field named rather than stored (documented in `docs/formats.md`).
public enum FieldLimits {
    /// The years a date may have: 1583, the first whole year of the Gregorian calendar (earlier dates are
    /// ambiguous between calendars, and Foundation reads them as Julian), through 9999, the last with four digits.
    public static let years: ClosedRange<Int> = 1583...9999
    /// The most people one record may report killed or injured: far above any single recorded event.
    public static let people = 1_000_000
    /// The latest Unix time a release timestamp may have: the end of year 9999.
    public static let unixTime = 253_402_300_799
}

extension CSVRowReading {
    /// `date`, read from `column` as `text`, when its year is within ``FieldLimits/years``; otherwise records a
    /// problem naming the field and the value, and returns `nil`.
    mutating func plausible(_ date: StatedTime, column: String, text: String) -> StatedTime? {
        guard FieldLimits.years.contains(date.year) else {
            let range = FieldLimits.years
            problem(column, "\"\(text)\": year \(date.year) is outside \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return date
    }

    /// A number of people in `column`: `nil` when the cell is empty; a problem when it is not a whole number
    /// from 0 to ``FieldLimits/people``.
    mutating func people(_ column: String) -> Int? {
        guard let text = value(column) else { return nil }
        guard let number = Self.wholeNumber(text), number <= FieldLimits.people else {
            problem(column, "\"\(text)\" is not a whole number from 0 to \(FieldLimits.people)")
            return nil
        }
        return number
    }

    /// `text` as a number written in decimal notation (`48.5`, `-0.25`, `36`): no exponent, hexadecimal, `inf` or
    /// `nan`, which `Double.init` would accept.
    ///
    /// Read in one pass: with at most 15 significant digits (a coordinate such as `48.4647`), the digits make an
    /// integer below 2^53 and the decimal places a power of ten up to 10^22, both exact, so one division gives the
    /// correctly rounded value, the same as `Double(text)`; a longer number is left to `Double(text)`.
    static func decimal(_ text: String) -> Double? {
        var digits = 0
        var points = 0
        var mantissa: Int64 = 0
        var significant = 0
        var places = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if mantissa != 0 || byte != UInt8(ascii: "0") { significant += 1 }
                if significant <= 15 { mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0")) }
                if points > 0 { places += 1 }
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        guard significant <= 15, places < exactPowersOfTen.count else { return Double(text) }
        let magnitude = Double(mantissa) / exactPowersOfTen[places]
        return text.utf8.first == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// `text` as a whole number of ASCII digits only (no sign, no spaces), `nil` when it is not one or too large.
    static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

/// Powers of ten that a `Double` holds exactly: 10^0 to 10^22.
private let exactPowersOfTen: [Double] = (0...22).reduce(into: []) { powers, _ in powers.append(powers.last.map { $0 * 10 } ?? 1) }
