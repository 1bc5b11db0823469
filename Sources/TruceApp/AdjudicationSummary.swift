import TruceCore

/// What an adjudication run did: incidents and agreements judged, verdicts found by kind, and records linked.
public struct AdjudicationSummary: Hashable, Sendable, CustomStringConvertible {
    /// New or changed incidents judged against every agreement.
    public var judged: Int
    /// The agreements in the store.
    public var agreements: Int
    /// New or changed agreements judged against the incidents already judged that may concern them.
    public var changedAgreements: Int
    /// Incidents judged again against the new or changed agreements.
    public var rejudged: Int
    /// Verdicts found, by kind (out-of-scope pairs are not counted).
    public var counts: [VerdictKind: Int]
    /// Incidents that changed while being judged; they await the next run.
    public var stale: Int
    /// New or changed records linked into events.
    public var linked: Int
    /// Evidence rows written.
    public var evidenceWritten: Int

    public init(
        judged: Int, agreements: Int, changedAgreements: Int, rejudged: Int, counts: [VerdictKind: Int], stale: Int, linked: Int,
        evidenceWritten: Int
    ) {
        self.judged = judged
        self.agreements = agreements
        self.changedAgreements = changedAgreements
        self.rejudged = rejudged
        self.counts = counts
        self.stale = stale
        self.linked = linked
        self.evidenceWritten = evidenceWritten
    }

    /// E.g. `judged 12 new or changed incident(s) against 6 agreement(s) and …: 3 violation, …; linked …`.
    public var description: String {
        let found = VerdictKind.allCases.filter { $0 != .outOfScope }.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return "judged \(judged) new or changed incident(s) against \(agreements) agreement(s) and "
            + "\(changedAgreements) new or changed agreement(s) against \(rejudged) incident(s) that may concern them: "
            + found.joined(separator: ", ")
            + (stale == 0 ? "" : "; \(stale) changed while being judged and await the next run")
            + "; linked \(linked) new or changed record(s) into events, \(evidenceWritten) evidence row(s) written"
    }
}
