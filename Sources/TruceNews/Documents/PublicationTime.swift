import Foundation
import TruceCore

/// A publication time as documents and feeds write it: ISO 8601 (`2025-03-19T14:05:00Z`, `2025-03-19T16:05+02:00`,
/// `2025-03-19`) or RFC 2822 as in e-mail and RSS (`Wed, 19 Mar 2025 14:05:00 +0000`, `19 Mar 2025 14:05 GMT`).
public enum PublicationTime {
    /// The instant, and `.minute` for a stated time or `.day` for a date alone (the day's start in UTC).
    /// A time without a zone is read as UTC.
    public static func parse(_ text: String) -> (date: Date, precision: TimePrecision)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let stated = StatedTime(parsing: trimmed) ?? StatedTime(parsing: String(trimmed.prefix(19))) {
            return (stated.instant(in: .utc), stated.isDateOnly ? .day : .minute)
        }
        return rfc2822(trimmed).map { ($0, .minute) }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "pst": -8, "pdt": -7]

    /// `[Day, ]DD Mon YYYY HH:MM[:SS] (+HHMM|ZONE)`.
    static func rfc2822(_ text: String) -> Date? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, Int(first) == nil { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), let month = months.firstIndex(of: words[1].prefix(3).lowercased()),
            var year = Int(words[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let clock = words[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, clock.count == words[3].split(separator: ":").count, clock[0] < 24, clock[1] < 60,
            day >= 1, day <= StatedTime.daysIn(month: month + 1, year: year)
        else { return nil }
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
            } else if let hours = zones[zone.lowercased()] {
                offset = hours * 3600
            } else {
                return nil
            }
        }
        let stated = StatedTime(
            year: year, month: month + 1, day: day, clock: .init(hour: clock[0], minute: clock[1], second: clock.count > 2 ? clock[2] : 0),
            utcOffset: offset)
        return stated.instant(in: .utc)
    }
}
