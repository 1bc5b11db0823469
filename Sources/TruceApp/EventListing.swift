import Foundation
import TruceCore
import TruceEngine
import TruceStore

/// Stored record verdicts grouped into event verdicts: one row per event and accused party.
public struct EventListing: Sendable {
    /// One event's verdict for one accused party, with the stored verdicts of its records.
    public struct Row: Encodable, Sendable {
        public var event: IncidentID
        public var agreement: AgreementID
        public var accused: PartyID?
        /// The strongest verdict of the event's matching records.
        public var kind: VerdictKind
        public var evidence: EvidenceLevel
        public var start: Date
        /// The record whose verdict decided the row's.
        public var decidedBy: IncidentID
        public var verdicts: [StoredVerdict]
    }

    public let rows: [Row]

    public init(_ verdicts: [StoredVerdict]) {
        var evidence: [IncidentID: EvidenceRecord] = [:]
        struct Pair: Hashable {
            var incident: IncidentID
            var agreement: AgreementID
        }
        var stored: [Pair: StoredVerdict] = [:]
        for verdict in verdicts {
            let id = verdict.verdict.incident
            if let event = verdict.event, let level = verdict.evidence {
                evidence[id] = EvidenceRecord(incident: id, group: event, level: level)
            }
            stored[Pair(incident: id, agreement: verdict.verdict.agreement)] = verdict
        }
        let grouped = EventVerdicts.group(
            verdicts.map {
                RecordVerdict(
                    incident: $0.verdict.incident, agreement: $0.verdict.agreement, kind: $0.verdict.kind, accused: $0.perpetrator, start: $0.start)
            },
            evidence: evidence)
        rows = grouped.map { event in
            Row(
                event: event.event, agreement: event.agreement, accused: event.accused, kind: event.kind, evidence: event.evidence,
                start: event.start, decidedBy: event.decidedBy,
                verdicts: event.records.compactMap { stored[Pair(incident: $0, agreement: event.agreement)] })
        }
    }
}
