import Foundation
import TruceCore

/// The week ACLED means by `time_precision` 2: from three days before the stated day to four days after its start,
/// counted by the zone's calendar. Each span is worked out once per zone and day and then looked up, as a calendar's
/// date arithmetic is slow and an import meets the same few thousand days over and over.
final class WeekSpans: Sendable {
    static let shared = WeekSpans()
    /// The most spans kept; the table starts afresh when it is full.
    static let capacity = 1 << 14

    private struct Key: Hashable {
        let zone: String
        let dayStart: Date
    }

    private let spans = BoundedMemo<Key, TimeSpan>(capacity: WeekSpans.capacity)

    /// The week around the day that starts at `dayStart` in `zone`.
    func week(around dayStart: Date, in zone: ZoneIdentifier) -> TimeSpan {
        spans.value(for: Key(zone: zone.rawValue, dayStart: dayStart)) {
            let calendar = zone.calendar
            return TimeSpan(
                start: calendar.date(byAdding: .day, value: -3, to: dayStart)!, end: calendar.date(byAdding: .day, value: 4, to: dayStart)!)
        }
    }
}
