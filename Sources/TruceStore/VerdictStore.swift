import Foundation
import TruceCore

/// Where verdicts and evidence are kept, and what still awaits judgement. Every incident or agreement saved
/// with new content awaits judgement again, so adjudication can be incremental.
public protocol VerdictStore: Store {
    /// Incidents not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func incidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID>

    /// Agreements not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func agreementsAwaitingAdjudication(rulesVersion: String) throws -> Set<AgreementID>

    /// Replaces the verdicts of every pair the run judged, and marks its incidents and agreements judged.
    func save(_ run: AdjudicationRun) throws

    /// Replaces the evidence of every incident.
    func save(evidence: [EvidenceRecord]) throws

    /// Forgets which incidents and agreements were judged, so the next run judges everything.
    func resetAdjudication() throws

    /// Stored verdicts matching `query`, with their incidents' evidence, by incident start then agreement.
    func verdicts(matching query: VerdictQuery) throws -> [StoredVerdict]

    /// One page of the verdicts matching `query`, in the order of ``verdicts(matching:)``: at most `limit`,
    /// those after `position` (from the start when `nil`).
    func verdicts(matching query: VerdictQuery, after position: PagePosition?, limit: Int) throws -> Page<StoredVerdict>
}

/// What one adjudication run judged and found.
public struct AdjudicationRun: Sendable {
    /// Incidents judged against every agreement.
    public var incidents: [IncidentID]
    /// Agreements judged against every incident.
    public var agreements: [AgreementID]
    /// The verdicts found for those pairs, except `out_of_scope` ones, which are not stored.
    public var verdicts: [Verdict]
    public var rulesVersion: String

    public init(incidents: [IncidentID], agreements: [AgreementID], verdicts: [Verdict], rulesVersion: String) {
        self.incidents = incidents
        self.agreements = agreements
        self.verdicts = verdicts
        self.rulesVersion = rulesVersion
    }
}

/// A verdict as stored, with what lists and reports need of its incident.
public struct StoredVerdict: Hashable, Codable, Sendable {
    public var verdict: Verdict
    public var evidence: EvidenceLevel?
    public var perpetrator: PartyID?
    public var start: Date
    public var country: String?
    public var admin1: String?
}

/// Filters for listing verdicts. Every filter left `nil` matches everything.
public struct VerdictQuery: Hashable, Sendable {
    public var agreement: AgreementID?
    /// Incidents attributed to this party.
    public var perpetrator: PartyID?
    public var kind: VerdictKind?
    public var evidence: EvidenceLevel?
    /// Incidents whose time span overlaps this one.
    public var during: TimeSpan?
    /// A first-order region (any of its names) or a country code.
    public var region: String?

    public init(
        agreement: AgreementID? = nil, perpetrator: PartyID? = nil, kind: VerdictKind? = nil, evidence: EvidenceLevel? = nil,
        during: TimeSpan? = nil, region: String? = nil
    ) {
        self.agreement = agreement
        self.perpetrator = perpetrator
        self.kind = kind
        self.evidence = evidence
        self.during = during
        self.region = region
    }
}
