import Foundation
import TruceCore

/// One event's verdict under one agreement, for one accused party: the unit every count is made of.
///
/// An event is the happening its linked records describe (``EvidenceRecord/group`` is its id). Where the
/// records accuse different parties, the event has one verdict per accused party; where none names a
/// perpetrator, it has one verdict with `accused` `nil`. Each record's own verdict stays stored and explainable.
public struct EventVerdict: Hashable, Codable, Sendable {
    /// The event's id: the id of its first record.
    public var event: IncidentID
    public var agreement: AgreementID
    /// The party the records behind this verdict accuse; `nil` when none names a perpetrator.
    public var accused: PartyID?
    /// The strongest of the records' verdicts (violation, then possible violation, insufficient information,
    /// not a violation, out of scope).
    public var kind: VerdictKind
    /// The event's evidence level, from the claims of all its records.
    public var evidence: EvidenceLevel
    /// The records judged under the agreement that accuse this party, by start then id.
    public var records: [IncidentID]
    /// The record whose verdict decided `kind` (the first of the strongest).
    public var decidedBy: IncidentID
    /// The earliest start among the records: the day the event is counted on.
    public var start: Date

    public init(
        event: IncidentID, agreement: AgreementID, accused: PartyID?, kind: VerdictKind, evidence: EvidenceLevel, records: [IncidentID],
        decidedBy: IncidentID, start: Date
    ) {
        self.event = event
        self.agreement = agreement
        self.accused = accused
        self.kind = kind
        self.evidence = evidence
        self.records = records
        self.decidedBy = decidedBy
        self.start = start
    }
}

/// A record's verdict with what grouping it into events needs.
public struct RecordVerdict: Hashable, Sendable {
    public var incident: IncidentID
    public var agreement: AgreementID
    public var kind: VerdictKind
    public var accused: PartyID?
    public var start: Date

    public init(incident: IncidentID, agreement: AgreementID, kind: VerdictKind, accused: PartyID?, start: Date) {
        self.incident = incident
        self.agreement = agreement
        self.kind = kind
        self.accused = accused
        self.start = start
    }
}

extension VerdictKind {
    /// How strongly the verdict counts against a party: a violation outranks a possible violation, which
    /// outranks the verdicts that count nothing.
    public var strength: Int {
        switch self {
        case .violation: 4
        case .possibleViolation: 3
        case .insufficientInformation: 2
        case .notAViolation: 1
        case .outOfScope: 0
        }
    }
}

/// Turns record verdicts into event verdicts.
public enum EventVerdicts {
    /// The event verdicts that `verdicts` make, given each record's evidence (its event and level). A record
    /// without evidence is an event of its own. Records naming no perpetrator join their event's verdicts only
    /// when no record of that event under the agreement names one. Ordered by start, event, then accused.
    public static func group(_ verdicts: [RecordVerdict], evidence: [IncidentID: EvidenceRecord]) -> [EventVerdict] {
        struct Key: Hashable {
            var event: IncidentID
            var agreement: AgreementID
        }
        var byEvent: [Key: [RecordVerdict]] = [:]
        for verdict in verdicts {
            let event = evidence[verdict.incident]?.group ?? verdict.incident
            byEvent[Key(event: event, agreement: verdict.agreement), default: []].append(verdict)
        }
        var result: [EventVerdict] = []
        result.reserveCapacity(byEvent.count)
        for (key, members) in byEvent {
            let level = members.lazy.compactMap { evidence[$0.incident]?.level }.first ?? .singleClaim
            let attributed = members.filter { $0.accused != nil }
            let counted = attributed.isEmpty ? members : attributed
            let parties = Dictionary(grouping: counted, by: \.accused)
            for (accused, records) in parties {
                let ordered = records.sorted { ($0.start, $0.incident) < ($1.start, $1.incident) }
                let decider = ordered.max { $0.kind.strength < $1.kind.strength || ($0.kind.strength == $1.kind.strength && $0.start > $1.start) }!
                result.append(
                    EventVerdict(
                        event: key.event, agreement: key.agreement, accused: accused, kind: decider.kind, evidence: level,
                        records: ordered.map(\.incident), decidedBy: decider.incident, start: ordered[0].start))
            }
        }
        return result.sorted { a, b in
            (a.start, a.event, a.agreement, a.accused?.rawValue ?? "") < (b.start, b.event, b.agreement, b.accused?.rawValue ?? "")
        }
    }

    /// How many distinct events have `kind` as their strongest verdict, whatever the accused: an event blamed
    /// on two parties counts once, and one with a violation by one party and a possible violation by another
    /// counts as a violation only.
    public static func eventCount(_ verdicts: [EventVerdict], kind: VerdictKind) -> Int {
        EventOutcome.of(verdicts, start: \.start).filter { $0.kind == kind }.count
    }
}
