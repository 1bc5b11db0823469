import Foundation
import TruceCore
import TruceStore

/// Days from `from` to `to` inclusive (either end may be open), counted in UTC or in an agreement's zone.
public struct DayRange: Hashable, Sendable {
    /// The first day, with no time of day.
    public var from: StatedTime?
    /// The last day, with no time of day.
    public var to: StatedTime?

    public init(from: StatedTime? = nil, to: StatedTime? = nil) {
        self.from = from
        self.to = to
    }

    /// The days as local days in `zone` (each from its local midnight, so a day across a clock change is 23 or
    /// 25 hours long), or `nil` when neither end is given.
    public func span(in zone: ZoneIdentifier) -> TimeSpan? {
        guard from != nil || to != nil else { return nil }
        return TimeSpan(start: from?.instant(in: zone) ?? .distantPast, end: to.map { $0.adding(days: 1).instant(in: zone) })
    }
}

/// Which stored verdicts a listing or an export covers. With an agreement, days are that agreement's local
/// days (its `time_zone`, the zone its reports count days in); without one, UTC days.
public struct VerdictFilter: Hashable, Sendable {
    public var agreement: AgreementID?
    /// Incidents attributed to this party.
    public var party: PartyID?
    public var days: DayRange
    public var verdict: VerdictKind?
    public var evidence: EvidenceLevel?
    /// A first-order region (any of its names) or a country code.
    public var region: String?

    public init(
        agreement: AgreementID? = nil, party: PartyID? = nil, days: DayRange = DayRange(), verdict: VerdictKind? = nil,
        evidence: EvidenceLevel? = nil, region: String? = nil
    ) {
        self.agreement = agreement
        self.party = party
        self.days = days
        self.verdict = verdict
        self.evidence = evidence
        self.region = region
    }

    /// The zone the days are counted in: the agreement's, or `nil` (UTC) without one.
    /// - Throws: ``NotFound`` when the store holds no agreement with that id.
    public func zone(in store: some Store) throws -> ZoneIdentifier? {
        try agreement.map { try Agreements.named($0, in: store).timeZone }
    }

    /// The store's query for these verdicts, with days counted in `zone` (UTC when `nil`).
    public func query(zone: ZoneIdentifier?) -> VerdictQuery {
        VerdictQuery(agreement: agreement, perpetrator: party, kind: verdict, evidence: evidence, during: days.span(in: zone ?? .utc), region: region)
    }
}

/// Agreements looked up by id.
public enum Agreements {
    /// The agreement `id` names.
    /// - Throws: ``NotFound`` when the store holds none with that id.
    public static func named(_ id: AgreementID, in store: some Store) throws -> Agreement {
        guard let found = try store.agreement(id: id) else { throw NotFound(.agreement, id: id) }
        return found
    }
}
