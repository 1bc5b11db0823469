import Foundation

/// A point in time as a source states it: a local calendar date, optionally a clock time, and optionally
/// an explicit UTC offset. It becomes an instant only together with a time zone, so that "18:00 Moscow time"
/// stays what was said and resolves correctly across daylight-saving changes.
public struct StatedTime: Hashable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour, minute and second; `nil` when only the date was stated (read as local midnight).
    public var clock: Clock?
    /// An explicit offset from UTC in seconds (`+03:00`, `Z`), overriding any zone.
    public var utcOffset: Int?

    public struct Clock: Hashable, Codable, Sendable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public init(hour: Int, minute: Int, second: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    public init(year: Int, month: Int, day: Int, clock: Clock? = nil, utcOffset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.clock = clock
        self.utcOffset = utcOffset
    }

    /// Whether only a date was stated.
    public var isDateOnly: Bool { clock == nil }

    /// The instant this time denotes in `zone` (ignored when an explicit offset was stated).
    ///
    /// A local time that does not exist (skipped by a DST change) resolves to the instant after the gap;
    /// one that occurs twice resolves to the first occurrence.
    public func instant(in zone: ZoneIdentifier) -> Date {
        let seconds = clock.map { $0.hour * 3600 + $0.minute * 60 + $0.second } ?? 0
        let localSeconds = CivilDays.number(year: year, month: month, day: day) * 86_400 + seconds
        if let utcOffset { return Date(timeIntervalSince1970: TimeInterval(localSeconds - utcOffset)) }
        return InstantCache.shared.instant(localSeconds: localSeconds, in: zone)
    }

    /// Parses `2025-03-18`, `2025-03-18T19:30`, `2025-03-18 19:30:15`, `2025-03-18T16:30Z` or
    /// `2025-03-18T19:30+03:00`. Returns `nil` for anything else, including impossible dates such as
    /// `2025-04-31`.
    public init?(parsing text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= StatedTime.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
        var index = 10
        if index == bytes.count { return }
        guard bytes[index] == 0x54 || bytes[index] == 0x20, let hour = number(11..<13), bytes.count > 13,
            bytes[13] == 0x3A, let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        var second = 0
        index = 16
        if index < bytes.count, bytes[index] == 0x3A {
            guard let parsed = number(17..<19), parsed < 60 else { return nil }
            second = parsed
            index = 19
            if index < bytes.count, bytes[index] == 0x2E {  // fractional seconds are dropped
                index += 1
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        clock = Clock(hour: hour, minute: minute, second: second)
        if index == bytes.count { return }
        if bytes[index] == 0x5A, index + 1 == bytes.count {
            utcOffset = 0
            return
        }
        guard bytes[index] == 0x2B || bytes[index] == 0x2D else { return nil }
        let sign = bytes[index] == 0x2D ? -1 : 1
        guard let offsetHours = number(index + 1..<index + 3) else { return nil }
        var offsetMinutes = 0
        var end = index + 3
        if end < bytes.count {
            if bytes[end] == 0x3A { end += 1 }
            guard let parsed = number(end..<end + 2) else { return nil }
            offsetMinutes = parsed
            end += 2
        }
        guard end == bytes.count, offsetHours <= 14, offsetMinutes < 60 else { return nil }
        utcOffset = sign * (offsetHours * 3600 + offsetMinutes * 60)
    }

    /// The number of days in `month` (1–12) of `year`, Gregorian.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The time written back in the form it was parsed from.
    public var description: String {
        if let written = writtenFromDigits { return written }
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let clock else { return text }
        text += "T" + pad(clock.hour, 2) + ":" + pad(clock.minute, 2)
        if clock.second != 0 { text += ":" + pad(clock.second, 2) }
        if let utcOffset {
            if utcOffset == 0 {
                text += "Z"
            } else {
                let magnitude = abs(utcOffset)
                text += (utcOffset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
            }
        }
        return text
    }
}

extension StatedTime {
    /// ``description`` written byte by byte when every part fits its width (a year of 0 to 9999, the others of
    /// at most two digits), as in nearly every time read: the same text, without a string per part. `nil` otherwise.
    fileprivate var writtenFromDigits: String? {
        let clock = self.clock ?? Clock(hour: 0, minute: 0, second: 0)
        let magnitude = Int(clamping: (utcOffset ?? 0).magnitude)
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day), (0...99).contains(clock.hour),
            (0...99).contains(clock.minute), (0...99).contains(clock.second), magnitude / 3600 <= 99
        else { return nil }
        return String(unsafeUninitializedCapacity: 32) { text in
            var count = 0
            func put(_ byte: UInt8) {
                text[count] = byte
                count += 1
            }
            func put(_ value: Int, digits: Int) {
                var divisor = digits == 4 ? 1000 : 10
                while divisor > 0 {
                    put(UInt8(0x30 + value / divisor % 10))
                    divisor /= 10
                }
            }
            put(year, digits: 4)
            put(0x2D)
            put(month, digits: 2)
            put(0x2D)
            put(day, digits: 2)
            guard let stated = self.clock else { return count }
            put(0x54)
            put(stated.hour, digits: 2)
            put(0x3A)
            put(stated.minute, digits: 2)
            if stated.second != 0 {
                put(0x3A)
                put(stated.second, digits: 2)
            }
            if let utcOffset {
                if utcOffset == 0 {
                    put(0x5A)
                } else {
                    put(utcOffset < 0 ? 0x2D : 0x2B)
                    put(magnitude / 3600, digits: 2)
                    put(0x3A)
                    put(magnitude % 3600 / 60, digits: 2)
                }
            }
            return count
        }
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
