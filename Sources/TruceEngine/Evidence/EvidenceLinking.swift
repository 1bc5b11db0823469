import Foundation
import TruceCore

/// Keeps every stored record's evidence up to date by linking only the neighbourhood of the records that are
/// new or changed, with the result of linking every record afresh (``IncidentLinker``).
///
/// The records to link again are those saved (new or changed) since the last linking under the rules. Their link records are worked out from their stored content (the old ones are kept
/// until then: they tell where each record was). What is linked again is every member record connected, by
/// records fitting one another, to an old or new version of a changed record: the events of the rest cannot
/// have changed. It is found day by day: the records sharing a day with a changed one are read, and the
/// days grow while a connected part reaches a day not yet read (members span at most three days). Vague
/// records whose spans touch those days have their events redone: fully for changed ones, and for the others
/// only the entries of events in the neighbourhood. When most of the store changed (a first run, new rules,
/// `--all`), the whole store is swept block by block instead (``SweepLinker``).
public struct EvidenceLinking: Sendable {
    public var rulesVersion: String
    /// About how many records the sweep holds at once.
    public var blockSize = 200_000
    /// The share of the store changed above which the whole store is swept rather than neighbourhoods linked.
    public var sweepShare = 0.25

    public init(rulesVersion: String) { self.rulesVersion = rulesVersion }

    /// What one update did.
    public struct Summary: Hashable, Sendable {
        /// Records new or changed (all of them when everything was linked again).
        public var changed: Int
        /// Records whose evidence was worked out again.
        public var linked: Int
        /// Evidence rows written: those that changed.
        public var written: Int
        /// Whether the whole store was swept.
        public var swept: Bool
    }

    /// Brings the evidence of `store` up to date in one transaction; with `all`, works out every record's link
    /// record and evidence again.
    @discardableResult
    public func update(_ store: some LinkingStore, all: Bool = false) throws -> Summary {
        try store.linking { session in try update(session, all: all, excluding: []) }
    }

    /// Brings the evidence up to date within `session`, a transaction the caller holds (an adjudication saving
    /// its verdicts), leaving out the records in `excluded` (saved while the adjudication judged): they keep
    /// waiting, without evidence, as if saved after it.
    @discardableResult
    public func update(_ session: any LinkingSession, all: Bool, excluding excluded: Set<IncidentID>) throws -> Summary {
        // Every record to link and none left out (a first linking, new rules, `--all`): the whole store is swept
        // without listing its ids, so that memory holds a block of records, not the store.
        if excluded.isEmpty, try all || !session.isLinked(rulesVersion: rulesVersion) {
            let count = try session.incidentCount()
            let summary = count == 0 ? Summary(changed: 0, linked: 0, written: 0, swept: false) : try sweep(session, refreshing: nil, changed: count)
            try session.markLinked(rulesVersion: rulesVersion, except: [])
            return summary
        }
        let pending = all ? try session.incidentIDs() : try session.incidentsToLink(rulesVersion: rulesVersion)
        let waiting = pending.intersection(excluded)
        let summary = try link(session, dirty: pending.subtracting(waiting), all: all, complete: waiting.isEmpty)
        if !waiting.isEmpty { try session.removeEvidence(ids: waiting.sorted()) }
        try session.markLinked(rulesVersion: rulesVersion, except: waiting)
        return summary
    }

    /// Links the records `dirty` (every record when `all`) and their neighbourhoods; `complete` when no saved
    /// record is left out.
    private func link(_ session: any LinkingSession, dirty: Set<IncidentID>, all: Bool, complete: Bool) throws -> Summary {
        guard !dirty.isEmpty else { return Summary(changed: 0, linked: 0, written: 0, swept: false) }
        // A sweep when the dirty records are more than `sweepShare` of the store, that is when it holds fewer
        // than dirty ÷ share records: counted no further than that.
        let sweepBelow = Int((Double(dirty.count) / sweepShare).rounded(.up))
        if try all || !session.holdsIncidents(atLeast: sweepBelow) {
            let everyRecord = try complete && dirty.count == session.incidentCount()
            return try sweep(session, refreshing: everyRecord ? nil : dirty.sorted(), changed: dirty.count)
        }
        let ids = dirty.sorted()
        let old = try session.linkRecords(ids: ids)
        // Evidence whose record has no old link record was linked by something else: where it was is unknown.
        let known = Set(old.map(\.id))
        if try session.evidence(ids: ids).contains(where: { !known.contains($0.incident) }) {
            return try sweep(session, refreshing: ids, changed: dirty.count)
        }
        try session.refreshLinkRecords(ids: ids, rulesVersion: rulesVersion, records: LinkRecordMaker().records)
        var neighbourhood = Neighbourhood(session: session, dirty: dirty, old: old, new: try session.linkRecords(ids: ids))
        let evidence = try neighbourhood.evidence()
        return Summary(changed: dirty.count, linked: evidence.count, written: try session.write(evidence: evidence), swept: false)
    }

    private func sweep(_ session: any LinkingSession, refreshing ids: [IncidentID]?, changed: Int) throws -> Summary {
        try session.refreshLinkRecords(ids: ids, rulesVersion: rulesVersion, records: LinkRecordMaker().records)
        var summary = Summary(changed: changed, linked: 0, written: 0, swept: true)
        let apart = try SweepLinker(blockSize: blockSize).link(session) { evidence in
            summary.linked += evidence.count
            summary.written += try session.write(evidence: evidence)
        }
        summary.written += apart
        return summary
    }
}
