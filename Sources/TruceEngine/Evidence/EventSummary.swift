import Foundation
import TruceCore

/// What an event's records say together: its time and place (the most precise consistent with them), its
/// target, its casualties as each claimant gives them, and its claims.
public struct EventSummary: Hashable, Codable, Sendable {
    /// The event's id: the id of its first record.
    public var id: IncidentID
    /// Its records, by start then id.
    public var records: [IncidentID]
    /// The span every record allows: their intersection, or the narrowest record's span when they share none.
    public var span: TimeSpan
    /// The most precise record's place.
    public var location: IncidentLocation
    /// The most specific target the records name (a named subtype over a bare category).
    public var target: Target
    /// Casualties as claimed, one entry per claimant, never summed across claimants.
    public var casualties: [ClaimedEffects]
    /// Every claim of every record.
    public var claims: [Claim]
    public var evidence: EvidenceLevel
    /// Whether the act struck, where the records that say so agree; `nil` when none says or they disagree.
    public var outcome: Outcome?
    /// Whether records disagree on the outcome (one says it struck, another that it was intercepted).
    public var outcomeDisputed: Bool
    /// For an aggregate claim, the most acts a record reports ("14 drone attacks in 24 hours" → 14); `nil` for one act.
    public var acts: Int?
    /// Whether some record states when it happened (otherwise only when it was reported is known).
    public var timeStated: Bool

    /// A toll as one claimant reports it.
    public struct ClaimedEffects: Hashable, Codable, Sendable {
        /// Who says so (the record's first claimant, or its dataset when it has no claim).
        public var claimant: String
        public var speaksFor: PartyID?
        public var effects: Effects
    }

    /// The summary of the event made of `records` (not empty), at evidence level `evidence`.
    public init(records: [Incident], evidence: EvidenceLevel) {
        precondition(!records.isEmpty, "an event has at least one record")
        let ordered = records.sorted { ($0.time.span.start, $0.id) < ($1.time.span.start, $1.id) }
        id = ordered[0].id
        self.records = ordered.map(\.id)
        self.evidence = evidence
        let narrowest = ordered.min { ($0.time.span.duration ?? .infinity) < ($1.time.span.duration ?? .infinity) }!
        span =
            ordered.dropFirst().reduce(Optional(ordered[0].time.span)) { shared, record in shared.flatMap { $0.intersection(record.time.span) } }
            ?? narrowest.time.span
        location = ordered.min { $0.location.precision < $1.location.precision }!.location
        target = ordered.max { Self.specificity($0.target) < Self.specificity($1.target) }!.target
        claims = ordered.flatMap(\.claims)
        let outcomes = Set(ordered.compactMap(\.outcome).filter { $0 != .unknown })
        outcome = outcomes.count == 1 ? outcomes.first : nil
        outcomeDisputed = outcomes.count > 1
        acts = ordered.compactMap(\.acts).filter { $0 > 1 }.max()
        timeStated = ordered.contains { $0.time.isStated }
        var tolls: [String: ClaimedEffects] = [:]
        var order: [String] = []
        for record in ordered where record.effects.fatalities != nil || record.effects.injured != nil {
            let claim = record.claims.first
            let claimant = claim?.claimant ?? record.sources.first?.dataset ?? "unattributed"
            if var known = tolls[claimant] {
                // One claimant's figures for one event: the highest it gives, not a sum of its reports.
                known.effects.fatalities = [known.effects.fatalities, record.effects.fatalities].compactMap { $0 }.max()
                known.effects.injured = [known.effects.injured, record.effects.injured].compactMap { $0 }.max()
                tolls[claimant] = known
            } else {
                tolls[claimant] = ClaimedEffects(claimant: claimant, speaksFor: claim?.claimantParty, effects: record.effects)
                order.append(claimant)
            }
        }
        casualties = order.compactMap { tolls[$0] }
    }

    private static func specificity(_ target: Target) -> Int {
        (target.category == nil ? 0 : 1) + (target.subtype == nil ? 0 : 2) + (target.name == nil ? 0 : 1)
    }
}
