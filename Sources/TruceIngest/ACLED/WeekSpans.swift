import Foundation
import TruceCore

/// The week ACLED means by `time_precision` 2: from three days before the stated day to four days after its start,
/// counted by the zone's calendar. Each span is worked out once per zone and day and then looked up, as a calendar's
/// date arithmetic is slow and an import meets the same few thousand days over and over.
final class WeekSpans: @unchecked Sendable {
    static let shared = WeekSpans()
    /// The most spans kept; the table starts afresh when it is full.
    static let capacity = 1 << 14

    private struct Key: Hashable {
        let zone: String
        let dayStart: Date
    }

    private let lock = NSLock()
    private var spans: [Key: TimeSpan] = [:]

    /// The week around the day that starts at `dayStart` in `zone`.
    func week(around dayStart: Date, in zone: ZoneIdentifier) -> TimeSpan {
        let key = Key(zone: zone.rawValue, dayStart: dayStart)
        lock.lock()
        let known = spans[key]
        lock.unlock()
        if let known { return known }
        let calendar = zone.calendar
        let start = calendar.date(byAdding: .day, value: -3, to: dayStart)!
        let end = calendar.date(byAdding: .day, value: 4, to: dayStart)!
        let span = TimeSpan(start: start, end: end)
        lock.lock()
        if spans.count >= Self.capacity { spans.removeAll(keepingCapacity: true) }
        spans[key] = span
        lock.unlock()
        return span
    }
}
