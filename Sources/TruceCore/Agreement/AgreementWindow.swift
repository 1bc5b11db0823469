import Foundation

/// When an agreement applies: a start, and an end stated as an instant, a duration, or not at all.
public struct AgreementWindow: Hashable, Codable, Sendable {
    /// How the end of a window is stated.
    public enum End: Hashable, Codable, Sendable {
        case open
        case at(StatedTime)
        case after(CalendarDuration)
    }

    /// The start; `nil` when not yet scheduled (a proposal).
    public var start: StatedTime?
    public var end: End
    /// The zone the times are stated in, when it differs from the agreement's.
    public var timeZone: ZoneIdentifier?
    public var note: String?
    public var source: SourceReference?

    public init(
        start: StatedTime?, end: End = .open, timeZone: ZoneIdentifier? = nil, note: String? = nil,
        source: SourceReference? = nil
    ) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.note = note
        self.source = source
    }

    /// The window as a span of instants, read in `zone` unless the window names its own; `nil` when it
    /// has no start.
    public func span(defaultZone zone: ZoneIdentifier) -> TimeSpan? {
        let zone = timeZone ?? zone
        guard let start else { return nil }
        let startInstant = start.instant(in: zone)
        switch end {
        case .open: return TimeSpan(start: startInstant, end: nil)
        case .at(let stated): return TimeSpan(start: startInstant, end: stated.instant(in: zone))
        case .after(let duration): return TimeSpan(start: startInstant, end: duration.added(to: startInstant, in: zone))
        }
    }
}

/// A window that one party holds to when parties disagree on the agreement's timing.
///
/// A party window without an end inherits the agreement's end or duration.
public struct PartyWindow: Hashable, Codable, Sendable {
    public var party: PartyID
    public var start: StatedTime?
    /// `nil` inherits the agreement's end.
    public var end: AgreementWindow.End?
    public var timeZone: ZoneIdentifier?
    public var note: String?
    public var source: SourceReference?

    public init(
        party: PartyID, start: StatedTime?, end: AgreementWindow.End? = nil, timeZone: ZoneIdentifier? = nil,
        note: String? = nil, source: SourceReference? = nil
    ) {
        self.party = party
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.note = note
        self.source = source
    }
}
