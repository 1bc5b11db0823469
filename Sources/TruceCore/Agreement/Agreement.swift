import Foundation

/// A ceasefire, truce, moratorium, arrangement or proposal, as machine-readable terms.
public struct Agreement: Hashable, Codable, Sendable, Identifiable {
    public var id: AgreementID
    public var title: String
    public var kind: AgreementKind
    public var summary: String?
    /// The zone the agreement's times are stated in.
    public var timeZone: ZoneIdentifier
    public var parties: [AgreementParty]
    public var window: AgreementWindow
    /// Windows held by individual parties where they disagree with ``window``.
    public var partyWindows: [PartyWindow]
    public var clauses: [Clause]
    public var scope: Scope
    /// Dated status changes, in the order they happened.
    public var statusHistory: [StatusEvent]
    public var conditions: [Condition]
    public var sources: [SourceReference]

    public init(
        id: AgreementID, title: String, kind: AgreementKind, summary: String? = nil, timeZone: ZoneIdentifier,
        parties: [AgreementParty], window: AgreementWindow, partyWindows: [PartyWindow] = [], clauses: [Clause] = [],
        scope: Scope = Scope(), statusHistory: [StatusEvent] = [], conditions: [Condition] = [],
        sources: [SourceReference] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.summary = summary
        self.timeZone = timeZone
        self.parties = parties
        self.window = window
        self.partyWindows = partyWindows
        self.clauses = clauses
        self.scope = scope
        self.statusHistory = statusHistory
        self.conditions = conditions
        self.sources = sources
    }

    /// The actor with identifier `id`, if the agreement names it.
    public func party(_ id: PartyID) -> AgreementParty? { parties.first { $0.id == id } }

    /// The belligerents (parties and addressees), in the order the agreement lists them.
    public var belligerents: [AgreementParty] { parties.filter(\.isBelligerent) }

    /// The agreement's window as instants; `nil` when it has no start.
    public var span: TimeSpan? { window.span(defaultZone: timeZone) }

    /// The window `party` holds to: its own where it states one, otherwise the agreement's.
    public func span(for party: PartyID) -> TimeSpan? {
        guard let own = partyWindows.first(where: { $0.party == party }) else { return span }
        let merged = AgreementWindow(
            start: own.start ?? window.start, end: own.end ?? window.end, timeZone: own.timeZone ?? window.timeZone)
        return merged.span(defaultZone: timeZone)
    }

    /// The part of `party`'s window in which its status binds it: from the later of the window's start and
    /// the first binding status event, to the earlier of the window's end and the first later event that
    /// releases it (suspended, expired, collapsed, superseded, rejected). `nil` when the party is never bound.
    public func effectiveSpan(for party: PartyID) -> TimeSpan? {
        guard let window = span(for: party) else { return nil }
        var start: Date?
        var end = window.end
        for event in statusHistory where event.party == nil || event.party == party {
            let instant = self.instant(of: event)
            if start == nil {
                if event.status.binds { start = max(instant, window.start) }
            } else if !event.status.binds && event.status != .accepted && event.status != .proposed {
                end = end.map { min($0, instant) } ?? instant
                break
            }
        }
        guard let start, end.map({ start < $0 }) ?? true else { return nil }
        return TimeSpan(start: start, end: end)
    }

    /// The earliest start and latest end over every belligerent's effective span: when anyone was bound.
    public var outerSpan: TimeSpan? {
        let spans = belligerents.compactMap { effectiveSpan(for: $0.id) }
        guard let first = spans.first else { return nil }
        return spans.dropFirst().reduce(first) { outer, next in
            let end: Date? = (outer.end == nil || next.end == nil) ? nil : max(outer.end!, next.end!)
            return TimeSpan(start: min(outer.start, next.start), end: end)
        }
    }

    /// The instant a status event happened.
    public func instant(of event: StatusEvent) -> Date { event.at.instant(in: timeZone) }

    /// The conditions still standing unfulfilled.
    public var outstandingConditions: [Condition] { conditions.filter { $0.state.isOutstanding } }
}
