import Foundation

/// A half-open span of time `[start, end)`; `end == nil` means open-ended.
public struct TimeSpan: Hashable, Codable, Sendable {
    public var start: Date
    public var end: Date?

    public init(start: Date, end: Date?) {
        self.start = start
        self.end = end
    }

    /// Whether `instant` lies inside the span.
    public func contains(_ instant: Date) -> Bool {
        instant >= start && (end.map { instant < $0 } ?? true)
    }

    /// Whether the two spans share any instant.
    public func overlaps(_ other: TimeSpan) -> Bool {
        let startsBeforeOtherEnds = other.end.map { start < $0 } ?? true
        let otherStartsBeforeThisEnds = end.map { other.start < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// Whether `other` lies wholly inside this span.
    public func encloses(_ other: TimeSpan) -> Bool {
        guard other.start >= start else { return false }
        guard let end else { return true }
        guard let otherEnd = other.end else { return false }
        return otherEnd <= end
    }

    /// The length in seconds, or `nil` when open-ended.
    public var duration: TimeInterval? { end.map { $0.timeIntervalSince(start) } }
}
