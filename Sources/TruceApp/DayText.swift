import TruceCore

/// A calendar day written `YYYY-MM-DD`, as the command line and the server's query parameters take it. Only days
/// that exist are read: not `2025-02-30`, not month 13, not year 0.
public enum DayText {
    /// How a day is written, for help and messages.
    public static let form = "YYYY-MM-DD"

    /// Why a text is not a day, in words that say how to write one.
    public struct Invalid: Error, Hashable, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The day `text` names.
    /// - Throws: ``Invalid`` saying why `text` is not a day.
    public static func read(_ text: String) throws(Invalid) -> StatedTime {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || isDigit($0.element) })
        else { throw Invalid(description: "not a day: write it as \(form), e.g. 2025-03-18") }
        let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard year >= 1 else { throw Invalid(description: "there is no year 0 (write the day as \(form))") }
        guard (1...12).contains(month) else { throw Invalid(description: "there is no month \(month) (write the day as \(form))") }
        let days = StatedTime.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            throw Invalid(description: "\(text.prefix(7)) has \(days) days (write the day as \(form))")
        }
        return StatedTime(year: year, month: month, day: day)
    }
}
