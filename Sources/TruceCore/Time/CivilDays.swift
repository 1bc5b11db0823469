import Foundation

/// Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without Foundation's `Calendar`,
/// which is too slow for the import path.
package enum CivilDays {
    /// The day number of a Gregorian date.
    package static func number(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date of a day number.
    package static func date(number: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The instant of a local wall-clock time (seconds since 1970 as if it were UTC) in `zone`.
    ///
    /// A wall time that occurs twice (clocks go back) resolves to the first occurrence; one that does not
    /// exist (clocks go forward) to the instant as far after the gap's start as the wall time is.
    static func instant(localSeconds: Int, in zone: TimeZone) -> Date {
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds - 86_400)))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds + 86_400)))
        if before == after { return Date(timeIntervalSince1970: TimeInterval(localSeconds - before)) }
        let withBefore = localSeconds - before
        let withAfter = localSeconds - after
        let beforeHolds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(withBefore))) == before
        let afterHolds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(withAfter))) == after
        switch (beforeHolds, afterHolds) {
        case (true, true): return Date(timeIntervalSince1970: TimeInterval(min(withBefore, withAfter)))
        case (false, true): return Date(timeIntervalSince1970: TimeInterval(withAfter))
        default: return Date(timeIntervalSince1970: TimeInterval(withBefore))
        }
    }
}

extension StatedTime {
    /// The same wall-clock time `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> StatedTime {
        let date = CivilDays.date(number: CivilDays.number(year: year, month: month, day: day) + days)
        return StatedTime(year: date.year, month: date.month, day: date.day, clock: clock, utcOffset: utcOffset)
    }

    /// The first day of the month `months` months later, at local midnight.
    func startOfMonth(adding months: Int) -> StatedTime {
        let index = year * 12 + (month - 1) + months
        return StatedTime(year: index / 12, month: index % 12 + 1, day: 1, utcOffset: utcOffset)
    }
}
