import Foundation
import TruceCore

/// Where verdicts and evidence are kept, and what still awaits judgement. Every incident or agreement saved
/// with new content awaits judgement again, so adjudication can be incremental.
public protocol VerdictStore: Store, LinkingStore {
    /// Incidents not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func incidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID>

    /// Agreements not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func agreementsAwaitingAdjudication(rulesVersion: String) throws -> Set<AgreementID>

    /// Reads everything one adjudication run needs from one consistent snapshot: imports that commit while
    /// it is read are either wholly in it or not at all.
    func adjudicationInput(rulesVersion: String) throws -> AdjudicationInput

    /// Replaces the verdicts of every pair the run judged, and marks its incidents and agreements judged, in
    /// one transaction (with the evidence too, when the run carries it). With a ``AdjudicationRun/basis``,
    /// whatever changed since it was read is left out: no verdict, mark or evidence is written for content the
    /// run did not judge, and it awaits the next run.
    /// - Returns: how many incidents and agreements changed while being judged and so still await judgement.
    @discardableResult
    func save(_ run: AdjudicationRun) throws -> Int

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
    /// What the judged content was when it was read (from ``AdjudicationInput/basis``); `nil` trusts that
    /// nothing changed.
    public var basis: AdjudicationBasis?
    /// The evidence of every incident read, replacing all stored evidence; `nil` leaves it alone.
    public var evidence: [EvidenceRecord]?
    /// Links evidence in the transaction that saves the run, given the incidents saved since the run read its
    /// input (they are left to the next run, as its verdicts are); `nil` leaves evidence alone.
    public var linkEvidence: (@Sendable (any LinkingSession, _ savedSince: Set<IncidentID>) throws -> Void)?

    public init(
        incidents: [IncidentID], agreements: [AgreementID], verdicts: [Verdict], rulesVersion: String,
        basis: AdjudicationBasis? = nil, evidence: [EvidenceRecord]? = nil,
        linkEvidence: (@Sendable (any LinkingSession, _ savedSince: Set<IncidentID>) throws -> Void)? = nil
    ) {
        self.linkEvidence = linkEvidence
        self.incidents = incidents
        self.agreements = agreements
        self.verdicts = verdicts
        self.rulesVersion = rulesVersion
        self.basis = basis
        self.evidence = evidence
    }
}

/// What an adjudication run reads: every incident and agreement, and which of them await judgement.
public struct AdjudicationInput: Sendable {
    /// Every incident, without its sources' verbatim fields (judging never reads them).
    public var incidents: [Incident]
    public var agreements: [Agreement]
    /// Incidents not yet judged under the rules: new, changed, or judged by other rules.
    public var awaitingIncidents: Set<IncidentID>
    /// Agreements not yet judged under the rules.
    public var awaitingAgreements: Set<AgreementID>
    /// The content read, for ``AdjudicationRun/basis``.
    public var basis: AdjudicationBasis

    public init(
        incidents: [Incident], agreements: [Agreement], awaitingIncidents: Set<IncidentID>, awaitingAgreements: Set<AgreementID>,
        basis: AdjudicationBasis
    ) {
        self.incidents = incidents
        self.agreements = agreements
        self.awaitingIncidents = awaitingIncidents
        self.awaitingAgreements = awaitingAgreements
        self.basis = basis
    }
}

/// A fingerprint of the content an adjudication run read, so that saving it can tell what changed meanwhile.
/// Fingerprints are seeded per process: a basis is valid only in the process that read it.
public struct AdjudicationBasis: Sendable {
    /// The fingerprint of each incident that awaited judgement when read.
    var awaitingIncidents: [IncidentID: Int]
    /// The fingerprint of every agreement read.
    var agreements: [AgreementID: Int]

    init(awaitingIncidents: [IncidentID: Int], agreements: [AgreementID: Int]) {
        self.awaitingIncidents = awaitingIncidents
        self.agreements = agreements
    }

    /// The fingerprint of a stored body.
    static func fingerprint(_ body: String) -> Int {
        var hasher = Hasher()
        hasher.combine(body)
        return hasher.finalize()
    }
}

/// A verdict as stored, with what lists and reports need of its incident.
public struct StoredVerdict: Hashable, Codable, Sendable {
    public var verdict: Verdict
    public var evidence: EvidenceLevel?
    /// The event the incident belongs to (its linked group's id); `nil` before the first adjudication.
    public var event: IncidentID?
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
