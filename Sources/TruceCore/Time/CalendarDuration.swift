import Foundation

/// A length of time as agreements state it: "30 days", "72 hours". Days are calendar days in the
/// window's zone, so a 30-day window keeps its local clock time across a daylight-saving change.
public struct CalendarDuration: Hashable, Codable, Sendable, CustomStringConvertible {
    public var days: Int
    public var hours: Int
    public var minutes: Int

    public init(days: Int = 0, hours: Int = 0, minutes: Int = 0) {
        self.days = days
        self.hours = hours
        self.minutes = minutes
    }

    /// Parses `30d`, `72h`, `1d12h`, `90m`. Returns `nil` for anything else or a zero duration.
    public init?(parsing text: String) {
        var days = 0
        var hours = 0
        var minutes = 0
        var number: Int?
        var seen = Set<Character>()
        for character in text.trimmingCharacters(in: .whitespaces) {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + digit
                guard number! < 1_000_000 else { return nil }
                continue
            }
            guard let value = number, !seen.contains(character) else { return nil }
            switch character {
            case "d": days = value
            case "h": hours = value
            case "m": minutes = value
            default: return nil
            }
            seen.insert(character)
            number = nil
        }
        guard number == nil, days + hours + minutes > 0 else { return nil }
        self.init(days: days, hours: hours, minutes: minutes)
    }

    /// The instant this duration after `start`, counted in `zone`'s calendar.
    public func added(to start: Date, in zone: ZoneIdentifier) -> Date {
        let calendar = zone.calendar
        var date = start
        if days != 0 { date = calendar.date(byAdding: .day, value: days, to: date)! }
        return date.addingTimeInterval(TimeInterval(hours * 3600 + minutes * 60))
    }

    public var description: String {
        var text = ""
        if days != 0 { text += "\(days)d" }
        if hours != 0 { text += "\(hours)h" }
        if minutes != 0 { text += "\(minutes)m" }
        return text
    }
}
