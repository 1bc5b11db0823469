import Foundation
import TruceCore

/// Where verdicts and evidence are kept, and what still awaits judgement. Every incident or agreement saved
/// with new content awaits judgement again, so adjudication can be incremental.
public protocol VerdictStore: Store, LinkingStore {
    /// Incidents not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func incidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID>

    /// Agreements not yet judged under `rulesVersion`: new, changed, or judged by other rules.
    func agreementsAwaitingAdjudication(rulesVersion: String) throws -> Set<AgreementID>

    /// Reads every agreement and which of them await judgement, from one consistent snapshot. Incidents are read a batch at a time with ``incidents(_:rulesVersion:after:limit:)``.
    func adjudicationInput(rulesVersion: String) throws -> AdjudicationInput

    /// One batch of the incidents `selection` names, without their sources' verbatim fields (judging never
    /// reads them), read in one snapshot: at most `limit`, those after `position` in the store's order (from
    /// the start when `nil`). Batches of incidents awaiting judgement carry their fingerprints for
    /// ``AdjudicationInput/basis(for:)``.
    func incidents(_ selection: IncidentsToJudge, rulesVersion: String, after position: IncidentBatch.Position?, limit: Int) throws
        -> IncidentBatch

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
    /// The link records of incidents judged, made under `rulesVersion` from the content judged: the store keeps
    /// those of the content it marks judged for the next linking in the same process
    /// (``LinkingStore/linking(_:)``), which then need not decode those incidents again.
    public var linkRecords: [LinkRecord]
    /// Incidents to put in the review queue, unreviewed, unless a review of theirs is already under way or done
    /// (records the run found to breach an agreement).
    public var toReview: [IncidentID]

    public init(
        incidents: [IncidentID], agreements: [AgreementID], verdicts: [Verdict], rulesVersion: String,
        basis: AdjudicationBasis? = nil, evidence: [EvidenceRecord]? = nil, linkRecords: [LinkRecord] = [], toReview: [IncidentID] = []
    ) {
        self.toReview = toReview
        self.incidents = incidents
        self.agreements = agreements
        self.verdicts = verdicts
        self.rulesVersion = rulesVersion
        self.basis = basis
        self.evidence = evidence
        self.linkRecords = linkRecords
    }
}

/// What an adjudication run reads first: every agreement and which of them await judgement.
public struct AdjudicationInput: Sendable {
    public var agreements: [Agreement]
    /// Agreements not yet judged under the rules: new, changed, or judged by other rules.
    public var awaitingAgreements: Set<AgreementID>
    /// A fingerprint of every agreement's content, when the store works one out: the same fingerprint, the same
    /// agreements (within a process), so that what is worked out from them may be kept.
    public var agreementsFingerprint: Int?
    /// The agreements' content as read, for ``AdjudicationRun/basis``.
    public var basis: AdjudicationBasis
    /// How often judgements had been forgotten (``VerdictStore/resetAdjudication()``) when read, for
    /// ``LinkingSession/noteJudgedAllAwaiting(rulesVersion:resets:)``.
    public var resets: Int

    public init(
        agreements: [Agreement], awaitingAgreements: Set<AgreementID>, basis: AdjudicationBasis, resets: Int = 0,
        agreementsFingerprint: Int? = nil
    ) {
        self.agreementsFingerprint = agreementsFingerprint
        self.agreements = agreements
        self.awaitingAgreements = awaitingAgreements
        self.basis = basis
        self.resets = resets
    }

    /// The basis of a run that judges `batch`: the agreements as read here, and the batch's incidents as read
    /// with it.
    public func basis(for batch: IncidentBatch) -> AdjudicationBasis {
        AdjudicationBasis(awaitingIncidents: batch.fingerprints, agreements: basis.agreements, writtenVersion: basis.writtenVersion)
    }
}

/// Which incidents an adjudication run reads.
public enum IncidentsToJudge: Hashable, Sendable {
    /// Those not yet judged under the rules: new, changed, or judged by other rules.
    case awaiting
    /// Those already judged under the rules that agreements naming `countries` (any country when `nil`) can
    /// concern, leaving out those that ended before `endingAfter`.
    case judged(countries: Set<String>?, endingAfter: Date?)
}

/// A batch of incidents to judge, and where the next batch starts.
public struct IncidentBatch: Sendable {
    /// Where a batch ended in the store's order.
    public struct Position: Hashable, Sendable {
        let rowid: Int64
    }

    public var incidents: [Incident]
    /// The fingerprint of each incident, for a batch of incidents awaiting judgement.
    var fingerprints: [IncidentID: Int]
    /// Where the next batch starts, or `nil` when this is the last.
    public var next: Position?

    init(incidents: [Incident], fingerprints: [IncidentID: Int], next: Position?) {
        self.incidents = incidents
        self.fingerprints = fingerprints
        self.next = next
    }
}

/// A fingerprint of the content an adjudication run read, so that saving it can tell what changed meanwhile.
/// Fingerprints are seeded per process: a basis is valid only in the process that read it.
public struct AdjudicationBasis: Sendable {
    /// The fingerprint of each incident that awaited judgement when read.
    var awaitingIncidents: [IncidentID: Int]
    /// The fingerprint of every agreement read.
    var agreements: [AgreementID: Int]
    /// What the store had written before the agreements were read, when known: while it is the same, nothing
    /// read can have changed.
    var writtenVersion: Int?

    init(awaitingIncidents: [IncidentID: Int], agreements: [AgreementID: Int], writtenVersion: Int? = nil) {
        self.awaitingIncidents = awaitingIncidents
        self.agreements = agreements
        self.writtenVersion = writtenVersion
    }

    /// The fingerprint of a stored body: a hash of its bytes (hashing the `String` would normalise it first,
    /// several times slower).
    static func fingerprint(_ body: String) -> Int {
        var hasher = Hasher()
        combine(body, into: &hasher)
        return hasher.finalize()
    }

    /// Adds the bytes of `text` to `hasher`, and where they end.
    static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)  // where one text ends, as no UTF-8 byte is 0xFF
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
    /// Only incidents linked into one of these events (by the event's id, ``StoredVerdict/event``).
    public var events: Set<IncidentID>?

    public init(
        agreement: AgreementID? = nil, perpetrator: PartyID? = nil, kind: VerdictKind? = nil, evidence: EvidenceLevel? = nil,
        during: TimeSpan? = nil, region: String? = nil, events: Set<IncidentID>? = nil
    ) {
        self.events = events
        self.agreement = agreement
        self.perpetrator = perpetrator
        self.kind = kind
        self.evidence = evidence
        self.during = during
        self.region = region
    }
}
