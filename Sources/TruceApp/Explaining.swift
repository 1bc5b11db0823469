import TruceCore
import TruceEngine
import TruceStore

/// The verdicts on one incident judged afresh, clause by clause, with the event it belongs to.
public struct Explanation: Sendable {
    /// The incident in full: its claims and source records.
    public var incident: Incident
    /// One verdict per agreement asked about (out-of-scope ones too), each check with the value it looked at
    /// and the reason.
    public var verdicts: [Verdict]
    /// The incident's evidence record, when it is linked into an event.
    public var evidence: EvidenceRecord?
    /// The evidence records of the event as the last adjudication linked it (or linked afresh for a record
    /// awaiting adjudication).
    public var linked: [EvidenceRecord]

    /// The other incidents linked with this one into its event.
    public var linkedWith: [IncidentID] {
        guard let evidence else { return [] }
        return linked.filter { $0.group == evidence.group }.map(\.incident).filter { $0 != incident.id }
    }
}

/// Explaining verdicts: each clause, the value it looked at, and the source it came from.
public enum Explaining {
    /// Judges `incident` against `agreement`, or against every stored agreement when `nil`. The first judge of
    /// the process tells `observer` of missing outlines.
    /// - Throws: ``NotFound`` for an unknown incident or agreement.
    public static func explain(
        incident id: IncidentID, agreement: AgreementID? = nil, store: SQLiteStore, observer: any ProgressObserver = QuietObserver()
    ) throws -> Explanation {
        guard let found = try store.incidents(ids: [id], detail: .full).first else { throw NotFound(.incident, id: id) }
        var agreements = try store.agreements()
        if let agreement {
            agreements = agreements.filter { $0.id == agreement }
            guard !agreements.isEmpty else { throw NotFound(.agreement, id: agreement) }
        }
        let judge = Bundled.judge(observer: observer)
        let verdicts = agreements.map { judge.verdict(for: found, under: $0) }
        // The event as the last adjudication linked it; a record awaiting adjudication is linked afresh.
        let linked =
            try store.storedEvent(of: found.id, rulesVersion: Adjudicator.rulesVersion)
            ?? Adjudication.evidence(for: try store.incidents(matching: IncidentQuery(detail: .withoutSourceFields)))
        return Explanation(incident: found, verdicts: verdicts, evidence: linked.first { $0.incident == found.id }, linked: linked)
    }
}
