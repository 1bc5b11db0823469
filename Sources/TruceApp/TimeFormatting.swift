import Foundation
import TruceCore

/// Formats instants for people: `2025-03-18 19:30 +03:00` in a zone, `2025-03-18 16:30Z` in UTC.
public enum TimeFormatting {
    public static func local(_ date: Date, in zone: ZoneIdentifier) -> String {
        let clock = zone.wallClock(at: date)
        let offset = zone.secondsFromUTC(at: date)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return String(
            format: "%04d-%02d-%02d %02d:%02d %@%02d:%02d", clock.year, clock.month, clock.day, clock.hour, clock.minute, sign, magnitude / 3600,
            magnitude % 3600 / 60)
    }

    public static func utc(_ date: Date) -> String {
        let clock = ZoneIdentifier.utc.wallClock(at: date)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", clock.year, clock.month, clock.day, clock.hour, clock.minute)
    }

    /// The day of `date` in `zone`: `2025-03-18`.
    public static func day(_ date: Date, in zone: ZoneIdentifier) -> String {
        let clock = zone.wallClock(at: date)
        return String(format: "%04d-%02d-%02d", clock.year, clock.month, clock.day)
    }

    /// When an incident happened, as precisely as its source says: its start in its zone (or UTC), or for a day or
    /// longer the local days it spans (`2025-03-03`, `2020-07-01 – 2020-07-31`).
    public static func when(_ time: IncidentTime) -> String {
        let start = time.span.start
        guard time.precision > .hour, let end = time.span.end else {
            return time.timeZone.map { local(start, in: $0) } ?? utc(start)
        }
        let zone = time.timeZone ?? .utc
        let (first, last) = (day(start, in: zone), day(max(start, end.addingTimeInterval(-1)), in: zone))
        return first == last ? first : "\(first) – \(last)"
    }

    /// `start → end` of a span, in a zone or in UTC; an open end reads `open`.
    public static func span(_ span: TimeSpan, in zone: ZoneIdentifier?) -> String {
        let format = { (date: Date) in zone.map { local(date, in: $0) } ?? utc(date) }
        return format(span.start) + " → " + (span.end.map(format) ?? "open")
    }
}
