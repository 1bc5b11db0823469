import Foundation
import TruceCore
import TruceEngine
import TruceStore

/// Adjudication: judging incidents against every agreement in force at their time and place, and storing
/// the verdicts and the evidence.
///
/// Incidents are read and judged a batch at a time, so memory holds one batch however large the store:
/// first the incidents already judged against the agreements that are new or changed (only those in the
/// agreements' countries that may overlap their time), then the incidents awaiting judgement against every
/// agreement. Each batch is saved in its own transaction, leaving out whatever an import changed meanwhile,
/// which awaits the next run; a run stopped part-way keeps the batches it saved. Records judged a violation or a
/// possible violation join the review queue, unreviewed, unless a reviewer has already acted on them.
public enum Adjudicating {
    /// Agreements prepared for judging (their spans, outlines and codes worked out), once per content: a server
    /// adjudicates after every write, and preparing every agreement again cost more than judging the record
    /// written. Every run judges with the bundled outlines (``Bundled/judge(observer:)``), so a preparation holds
    /// for every run.
    static let preparedAgreements = BoundedMemo<Agreement, PreparedAgreement>(capacity: 4_096)
    /// Every agreement of a store prepared, by the fingerprint of them all (``AdjudicationInput/agreementsFingerprint``):
    /// with a thousand agreements, even looking each up in ``preparedAgreements`` costs more than judging one record.
    static let preparedSets = BoundedMemo<Int, [PreparedAgreement]>(capacity: 8)

    /// Incidents judged and saved together.
    static let batchSize = 20_000

    /// Judges what is new or changed since the last run (or judged by other rules), or with `all` everything
    /// again, which gives the same verdicts; out-of-scope pairs are not stored. The first judge of the process
    /// tells `observer` of bundled outlines that are missing.
    public static func run(store: some VerdictStore, all: Bool, observer: any ProgressObserver = QuietObserver()) throws -> AdjudicationSummary {
        let rules = Adjudicator.rulesVersion
        if all { try store.resetAdjudication() }
        let input = try store.adjudicationInput(rulesVersion: rules)
        let judge = Bundled.judge(observer: observer)
        let prepare = { input.agreements.map { agreement in preparedAgreements.value(for: agreement) { judge.prepare(agreement) } } }
        let everyAgreement = input.agreementsFingerprint.map { preparedSets.value(for: $0, prepare) } ?? prepare()
        var counts: [VerdictKind: Int] = [:]
        var stale = 0

        // Incidents already judged, against the agreements that are new or changed: their old verdicts go.
        let changed = everyAgreement.filter { input.awaitingAgreements.contains($0.agreement.id) }
        var rejudged = 0
        if !changed.isEmpty {
            let countries = changed.contains { $0.countries == nil } ? nil : changed.reduce(into: Set<String>()) { $0.formUnion($1.countries ?? []) }
            let opening = changed.compactMap { $0.outer?.start }.min()
            var verdicts: [Verdict] = []
            try forEachBatch(of: .judged(countries: countries, endingAfter: opening), in: store, rulesVersion: rules) { batch in
                rejudged += batch.incidents.count
                verdicts += Adjudication.verdicts(incidents: batch.incidents, prepared: changed, judge: judge)
            }
            stale += try store.save(
                AdjudicationRun(
                    incidents: [], agreements: changed.map(\.agreement.id), verdicts: verdicts, rulesVersion: rules, basis: input.basis,
                    toReview: toReview(verdicts)))
            for verdict in verdicts { counts[verdict.kind, default: 0] += 1 }
        }

        // Incidents new or changed, against every agreement; their link records are made from the same decoded
        // incidents, for the linking below.
        var judged = 0
        let linkRecords = LinkRecordMaker()
        try forEachBatch(of: .awaiting, in: store, rulesVersion: rules) { batch in
            judged += batch.incidents.count
            let verdicts = Adjudication.verdicts(incidents: batch.incidents, prepared: everyAgreement, judge: judge)
            stale += try store.save(
                AdjudicationRun(
                    incidents: batch.incidents.map(\.id), agreements: [], verdicts: verdicts, rulesVersion: rules,
                    basis: input.basis(for: batch), linkRecords: linkRecords.records(batch.incidents), toReview: toReview(verdicts)))
            for verdict in verdicts { counts[verdict.kind, default: 0] += 1 }
        }
        // Evidence: the records judged that are new or changed since the last linking are linked with their
        // neighbourhood, in a transaction of its own. Records saved since they were read, and so not judged,
        // keep waiting without evidence, as if saved after the run: the store ends as if commands ran in turn.
        let linked = try store.linking { session in
            let summary = try EvidenceLinking(rulesVersion: rules).update(
                session, all: all, excluding: try session.savedIncidentsAwaitingAdjudication(rulesVersion: rules))
            try session.noteJudgedAllAwaiting(rulesVersion: rules, resets: input.resets)
            return summary
        }

        return AdjudicationSummary(
            judged: judged, agreements: input.agreements.count, changedAgreements: changed.count, rejudged: rejudged, counts: counts,
            stale: stale, linked: linked.changed, evidenceWritten: linked.written)
    }

    /// The incidents a reviewer should look at among those `verdicts` judge: each that breaches or may breach an
    /// agreement, whatever dataset it came from (a monitor's observation is queued when submitted).
    static func toReview(_ verdicts: [Verdict]) -> [IncidentID] {
        var seen = Set<IncidentID>()
        return verdicts.compactMap { verdict in
            guard verdict.kind == .violation || verdict.kind == .possibleViolation, seen.insert(verdict.incident).inserted else { return nil }
            return verdict.incident
        }
    }

    /// Hands `body` the incidents of `selection`, a batch at a time.
    private static func forEachBatch(
        of selection: IncidentsToJudge, in store: some VerdictStore, rulesVersion: String, _ body: (IncidentBatch) throws -> Void
    ) throws {
        var position: IncidentBatch.Position?
        repeat {
            let batch = try store.incidents(selection, rulesVersion: rulesVersion, after: position, limit: batchSize)
            if !batch.incidents.isEmpty { try body(batch) }
            position = batch.next
        } while position != nil
    }
}
