import Foundation

extension Agreement {
    /// The status that `party` is in at `instant`: the latest status event for that party or for all
    /// parties at or before `instant`. A binding status whose window has ended reads as `expired`.
    ///
    /// Returns `nil` before the first event that concerns the party.
    public func status(of party: PartyID, at instant: Date) -> AgreementStatus? {
        var current: AgreementStatus?
        for event in statusHistory where event.party == nil || event.party == party {
            guard self.instant(of: event) <= instant else { continue }
            current = event.status
        }
        if let status = current, status.binds, let end = span(for: party)?.end, instant >= end {
            return .expired
        }
        return current
    }

    /// Each belligerent's status at `instant`, in the order the agreement lists them.
    public func statuses(at instant: Date) -> [(party: PartyID, status: AgreementStatus?)] {
        belligerents.map { ($0.id, status(of: $0.id, at: instant)) }
    }

    /// A one-line status at `instant`: `in_force` when every belligerent agrees, otherwise each party's,
    /// e.g. `RU: in_force, UA: accepted`.
    public func statusSummary(at instant: Date) -> String {
        let statuses = statuses(at: instant)
        let distinct = Set(statuses.map { $0.status?.rawValue ?? "none" })
        if distinct.count == 1, let only = distinct.first { return only }
        return statuses.map { "\($0.party): \($0.status?.rawValue ?? "none")" }.joined(separator: ", ")
    }

    /// Whether `party` is bound at `instant`: its status binds and the instant lies in its window.
    public func binds(_ party: PartyID, at instant: Date) -> Bool {
        guard let status = status(of: party, at: instant), status.binds else { return false }
        return span(for: party)?.contains(instant) ?? false
    }
}
