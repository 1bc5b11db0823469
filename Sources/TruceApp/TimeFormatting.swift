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

    /// `start → end` of a span, in a zone or in UTC; an open end reads `open`.
    public static func span(_ span: TimeSpan, in zone: ZoneIdentifier?) -> String {
        let format = { (date: Date) in zone.map { local(date, in: $0) } ?? utc(date) }
        return format(span.start) + " → " + (span.end.map(format) ?? "open")
    }
}
