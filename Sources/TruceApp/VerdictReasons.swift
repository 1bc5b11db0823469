import TruceCore
import TruceEngine
import TruceStore

/// Gives stored verdicts their reasons again. A verdict is stored as its clauses' outcomes only
/// (``PackedChecks``); the reasons follow from the incident and the agreement, so they are rendered by judging
/// the pair once more, for the formats that print them.
struct VerdictReasons {
    let store: any Store
    let judge: Adjudicator
    private var prepared: [AgreementID: PreparedAgreement?] = [:]

    init(store: any Store, judge: Adjudicator) {
        self.store = store
        self.judge = judge
    }

    /// What a clause whose outcome differs from the stored one says: the stored verdict is older than the
    /// content now in the store.
    static let stale = "the incident or the agreement changed since this verdict was stored: run `truce adjudicate`"

    /// `verdicts` with each clause's reason. A clause keeps the stored outcome; its reason is the one judging
    /// the pair now gives when that reaches the same outcome, else ``stale``.
    mutating func explain(_ verdicts: [StoredVerdict], incidents: [IncidentID: Incident]) throws -> [StoredVerdict] {
        try verdicts.map { stored in
            var explained = stored
            let id = stored.verdict.agreement
            if prepared[id] == nil { prepared[id] = try store.agreement(id: id).map(judge.prepare) }
            let fresh = incidents[stored.verdict.incident].flatMap { incident in
                prepared[id]!.map { judge.verdict(for: incident, under: $0, explain: true) }
            }
            explained.verdict.checks = stored.verdict.checks.map { check in
                var check = check
                let now = fresh?.check(check.clause)
                check.reason = now.map { $0.outcome == check.outcome && $0.uncertainty == check.uncertainty } == true ? now!.reason : Self.stale
                return check
            }
            return explained
        }
    }
}
