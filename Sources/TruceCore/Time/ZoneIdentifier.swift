import Foundation

/// A time zone as written in an agreement or incident: an IANA identifier (`Europe/Moscow`) or a
/// fixed offset (`UTC+03:00`).
public struct ZoneIdentifier: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// The resolved zone, with its daylight-saving rules where it has them.
    public let timeZone: TimeZone

    /// Creates a zone from its written form, or returns `nil` if no such zone is known.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let offset = Self.fixedOffset(trimmed) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            self.rawValue = trimmed
            self.timeZone = zone
        } else if trimmed.contains("/") || trimmed == "UTC" || trimmed == "GMT" {
            guard let zone = TimeZone(identifier: trimmed) else { return nil }
            self.rawValue = trimmed
            self.timeZone = zone
        } else {
            return nil
        }
    }

    public static let utc = ZoneIdentifier("UTC")!

    /// Zones already resolved, by name: decoding many incidents names few zones, and resolving one is slow.
    private static let resolved = ZoneCache()

    /// The zone named `text`, resolved once per process.
    public static func cached(_ text: String) -> ZoneIdentifier? { resolved.zone(text) }

    public var description: String { rawValue }

    /// The offset from UTC, in seconds, in force at `date`.
    public func secondsFromUTC(at date: Date) -> Int { timeZone.secondsFromGMT(for: date) }

    /// The wall-clock date and time at `date` in this zone, computed without `Calendar` (which is slow).
    public func wallClock(at date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let local = Int((date.timeIntervalSince1970 + Double(secondsFromUTC(at: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let civil = CivilDays.date(number: days)
        return (civil.year, civil.month, civil.day, seconds / 3600, seconds % 3600 / 60)
    }

    /// A Gregorian calendar set to this zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Parses `UTC+03:00`, `UTC-5`, `UTC+0530` into seconds east of UTC.
    static func fixedOffset(_ text: String) -> Int? {
        guard text.hasPrefix("UTC+") || text.hasPrefix("UTC-") || text.hasPrefix("GMT+") || text.hasPrefix("GMT-") else {
            return nil
        }
        let sign = text.dropFirst(3).first == "-" ? -1 : 1
        let digits = text.dropFirst(4).replacingOccurrences(of: ":", with: "")
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count <= 4 else {
            return nil
        }
        let hours: Int
        let minutes: Int
        if digits.count <= 2 {
            hours = Int(digits)!
            minutes = 0
        } else {
            hours = Int(digits.dropLast(2))!
            minutes = Int(digits.suffix(2))!
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let zone = ZoneIdentifier.cached(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown time zone \(text)"))
        }
        self = zone
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// Resolved zones by name, shared between threads.
private final class ZoneCache: @unchecked Sendable {
    private let lock = NSLock()
    private var zones: [String: ZoneIdentifier] = [:]

    func zone(_ name: String) -> ZoneIdentifier? {
        lock.lock()
        if let zone = zones[name] {
            lock.unlock()
            return zone
        }
        lock.unlock()
        guard let zone = ZoneIdentifier(name) else { return nil }
        lock.lock()
        zones[name] = zone
        lock.unlock()
        return zone
    }
}
