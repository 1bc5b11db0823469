import Foundation
import TruceCore

extension Agreement {
    /// The spans in which `party` is bound: its status binds (in force, extended) inside its own window.
    ///
    /// Unlike ``Agreement/effectiveSpan(for:)``, this keeps every period, so an agreement suspended and
    /// resumed yields two.
    public func bindingSpans(for party: PartyID) -> [TimeSpan] {
        guard let window = span(for: party) else { return [] }
        var spans: [TimeSpan] = []
        var openedAt: Date?
        for event in statusHistory where event.party == nil || event.party == party {
            let instant = self.instant(of: event)
            if event.status.binds {
                if openedAt == nil { openedAt = instant }
            } else if let start = openedAt, event.status != .accepted, event.status != .proposed {
                spans.append(TimeSpan(start: start, end: instant))
                openedAt = nil
            }
        }
        if let start = openedAt { spans.append(TimeSpan(start: start, end: nil)) }
        return spans.compactMap { $0.intersection(window) }
    }

    /// Whether `party` holds a window of its own, different from the agreement's.
    public func hasOwnWindow(_ party: PartyID) -> Bool { partyWindows.contains { $0.party == party } }
}

extension TimeSpan {
    /// The part both spans share, or `nil` when they do not overlap.
    public func intersection(_ other: TimeSpan) -> TimeSpan? {
        let start = max(self.start, other.start)
        let end: Date? =
            switch (self.end, other.end) {
            case (nil, nil): nil
            case (let a?, nil): a
            case (nil, let b?): b
            case (let a?, let b?): min(a, b)
            }
        if let end, end <= start { return nil }
        return TimeSpan(start: start, end: end)
    }
}
