import Foundation
import TruceCore

/// Records judged under one agreement and grouped into events: what every count in analytics and reports is
/// made of.
public struct JudgedEvents: Sendable {
    /// One record's verdict under the agreement, without reasons.
    public struct RecordJudgement: Sendable {
        public var incident: Incident
        public var kind: VerdictKind
        public var checks: [ClauseCheck]
    }

    /// Every event verdict that is not out of scope, per event and accused party, by start.
    public let verdicts: [EventVerdict]
    /// Each judged record (those not out of scope), by id.
    public let records: [IncidentID: RecordJudgement]
    /// The evidence the records were grouped by, by record id: each record's event and level.
    public let evidence: [IncidentID: EvidenceRecord]

    /// Judges `incidents` under `agreement` with `judge` (and the outlines it places points by) and groups the
    /// verdicts into events by `evidence` (a record without evidence is an event of its own).
    public init(agreement: Agreement, incidents: [Incident], evidence: [EvidenceRecord], judge: Adjudicator = Adjudicator()) {
        let evidence = Dictionary(evidence.map { ($0.incident, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [IncidentID: RecordJudgement] = [:]
        var recordVerdicts: [RecordVerdict] = []
        for judgement in Adjudication.judgements(incidents: incidents, agreements: [agreement], judge: judge) {
            let incident = incidents[Int(judgement.incident)]
            records[incident.id] = RecordJudgement(incident: incident, kind: judgement.kind, checks: judgement.checks)
            recordVerdicts.append(
                RecordVerdict(
                    incident: incident.id, agreement: agreement.id, kind: judgement.kind, accused: incident.perpetrator?.party,
                    start: incident.time.span.start))
        }
        self.records = records
        self.evidence = evidence
        verdicts = EventVerdicts.group(recordVerdicts, evidence: evidence)
    }

    /// When an event verdict is counted: the start of the record that decided it (an earlier record of the
    /// event, such as a day-long report of a strike later that day, does not move it before a window's start).
    public func start(of verdict: EventVerdict) -> Date { records[verdict.decidedBy]?.incident.time.span.start ?? verdict.start }

    /// The event verdicts counted in `span`.
    public func verdicts(startingIn span: TimeSpan) -> [EventVerdict] { verdicts.filter { span.contains(start(of: $0)) } }

    /// One outcome per event of `verdicts`, by start then event.
    public func outcomes(_ verdicts: [EventVerdict]) -> [EventOutcome] { EventOutcome.of(verdicts, start: start(of:)) }
}

/// An event as counted once, whoever is accused: its strongest verdict over every accused party.
public struct EventOutcome: Hashable, Sendable {
    public var event: IncidentID
    public var kind: VerdictKind
    public var evidence: EvidenceLevel
    /// When it is counted: the start of the record that decided its verdict.
    public var start: Date
    /// The records behind its verdicts of the strongest kind.
    public var records: [IncidentID]
    /// The parties accused with that verdict (`nil` for unattributed).
    public var accused: [PartyID?]
    /// The record whose verdict decided it.
    public var decidedBy: IncidentID

    /// One outcome per event of `verdicts`, by start then event; `start` says when a verdict is counted.
    static func of(_ verdicts: [EventVerdict], start: (EventVerdict) -> Date) -> [EventOutcome] {
        var order: [IncidentID] = []
        var byEvent: [IncidentID: [EventVerdict]] = [:]
        for verdict in verdicts {
            if byEvent[verdict.event] == nil { order.append(verdict.event) }
            byEvent[verdict.event, default: []].append(verdict)
        }
        return order.map { event in
            let all = byEvent[event]!
            let strength = all.map(\.kind.strength).max()!
            let strongest = all.filter { $0.kind.strength == strength }
            var seen = Set<IncidentID>()
            let records = strongest.flatMap(\.records).filter { seen.insert($0).inserted }
            let decider = strongest.min { (start($0), $0.decidedBy) < (start($1), $1.decidedBy) }!
            return EventOutcome(
                event: event, kind: strongest[0].kind, evidence: all[0].evidence, start: start(decider), records: records,
                accused: strongest.map(\.accused), decidedBy: decider.decidedBy)
        }.sorted { ($0.start, $0.event) < ($1.start, $1.event) }
    }
}
