import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("Review: locks, decisions and the verdicts that follow them")
struct ReviewsTests {
    static let analyst = ChangeAuthor(name: "olena", role: .analyst, requestID: "req-21")
    static let second = ChangeAuthor(name: "marek", role: .analyst, requestID: "req-22")
    static let noon = Date(timeIntervalSince1970: 1_742_644_800)

    /// A store judged once, with one monitor's observation of a strike on a substation waiting in the queue.
    static func storeWithObservation() throws -> (store: SQLiteStore, id: IncidentID) {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let submitted = try Observations.submit(
            ObservationsTests.body, idempotencyKey: "review-17", by: ObservationsTests.monitor, in: store, now: ObservationsTests.submittedAt)
        _ = try Adjudicating.run(store: store, all: false)
        return (store, submitted.incident.id)
    }

    static func verdict(of id: IncidentID, in store: SQLiteStore) throws -> StoredVerdict? {
        try store.verdicts(matching: VerdictQuery(agreement: "energy-moratorium-2025")).first { $0.verdict.incident == id }
    }

    @Test(
        "imported records judged a violation or a possible violation wait in the queue, unreviewed; the others stay out, and a decided one is not queued again"
    )
    func judgedBreachesJoinTheQueue() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        // A strike far from every agreement's ground: judged, but no agreement covers it.
        var elsewhere = try #require(try store.incidents(matching: .all).first)
        elsewhere.id = "elsewhere-1"
        elsewhere.location.country = "PE"
        elsewhere.location.admin1 = nil
        elsewhere.location.coordinate = nil
        _ = try store.save(incidents: [elsewhere], quarantined: [])
        _ = try Adjudicating.run(store: store, all: false)
        let breaching = Set(
            try store.verdicts(matching: VerdictQuery()).filter { [.violation, .possibleViolation].contains($0.verdict.kind) }.map(\.verdict.incident)
        )
        #expect(!breaching.isEmpty && !breaching.contains(elsewhere.id))
        let queued = try store.reviewQueue(ReviewQuery(limit: 10_000))
        #expect(Set(queued.map(\.incident)) == breaching)
        let first = try #require(breaching.sorted().first)
        try Reviews.act(.reject, on: first, note: "the same strike as a wire report", by: Self.analyst, in: store, now: Self.noon)
        _ = try Adjudicating.run(store: store, all: true)
        #expect(try store.reviewStatuses(ids: [first])[first]?.state == .rejected)
        #expect(try store.reviewQueue(ReviewQuery(limit: 10_000)).map(\.incident).contains(first) == false)
    }

    @Test("a submission waits in the queue unreviewed; a take shows the holder to others, who can neither take nor decide it")
    func lockIsVisibleAndExclusive() throws {
        let (store, id) = try Self.storeWithObservation()
        #expect(try store.reviewQueue(ReviewQuery(dataset: "observation")).map(\.incident) == [id])
        try Reviews.act(.take, on: id, by: Self.analyst, in: store, now: Self.noon)
        let held = try #require(try store.reviewStatuses(ids: [id])[id]?.lock(at: Self.noon.addingTimeInterval(60)))
        #expect(held.holder == "olena" && held.expires == Self.noon.addingTimeInterval(ReviewStatus.lockDuration))
        #expect(throws: ReviewRefusal.heldByAnother(held)) {
            try Reviews.act(.take, on: id, by: Self.second, in: store, now: Self.noon.addingTimeInterval(60))
        }
        #expect(throws: ReviewRefusal.heldByAnother(held)) {
            try Reviews.act(.verify, on: id, by: Self.second, in: store, now: Self.noon.addingTimeInterval(60))
        }
        #expect(throws: ReviewRefusal.notHeld) { try Reviews.act(.release, on: id, by: Self.second, in: store, now: Self.noon) }
        // A comment needs no lock; once the lock expires another reviewer may take the record.
        try Reviews.act(.comment, on: id, note: "asked the monitor for a second photo", by: Self.second, in: store, now: Self.noon)
        let later = Self.noon.addingTimeInterval(ReviewStatus.lockDuration + 1)
        #expect(try Reviews.act(.take, on: id, by: Self.second, in: store, now: later).status.lock?.holder == "marek")
        #expect(try store.reviewQueue(ReviewQuery(states: [.unreviewed], heldBy: "marek", now: later)).map(\.incident) == [id])
        #expect(try store.reviewQueue(ReviewQuery(states: [.unreviewed], heldBy: "olena", now: later)).isEmpty)
    }

    @Test(
        "verify makes the incident's evidence verified with the reviewer's claim; its verdict stays a violation; all is in the history and the audit trail"
    )
    func verifyMakesEvidenceVerified() throws {
        let (store, id) = try Self.storeWithObservation()
        #expect(try Self.verdict(of: id, in: store)?.evidence == .singleClaim)
        try Reviews.act(.take, on: id, by: Self.analyst, in: store, now: Self.noon)
        let outcome = try Reviews.act(.verify, on: id, note: "the photo matches the substation", by: Self.analyst, in: store, now: Self.noon)
        #expect(outcome.status.state == .verified && outcome.status.lock == nil)
        #expect(outcome.incident.claims.contains(Claim(claimant: "Reviewer olena", accused: "RU", stance: .verification)))
        _ = try Adjudicating.run(store: store, all: false)
        let verdict = try #require(try Self.verdict(of: id, in: store))
        #expect(verdict.evidence == .verified && verdict.verdict.kind == .violation)
        #expect(try store.reviewQueue(ReviewQuery(states: [.unreviewed], limit: 10_000)).map(\.incident).contains(id) == false)
        #expect(try store.reviewQueue(ReviewQuery(states: [.verified])).map(\.incident) == [id])

        let history = try store.reviewHistory(of: id)
        #expect(history.map(\.action) == [.take, .verify] && history.last?.note == "the photo matches the substation")
        #expect(history.allSatisfy { $0.reviewer == "olena" })
        let audited = try AuditTrail(store: store).list(AuditQuery(recordKind: "review", recordID: id)).map(\.action)
        #expect(audited == ["reviews.take", "reviews.verify"])
        let edits = try AuditTrail(store: store).list(AuditQuery(recordKind: "incident", recordID: id)).map(\.action)
        #expect(edits == ["observations.submit", "reviews.verify"])
        #expect(try store.history(of: id).count == 1)  // the version before the verification
    }

    @Test("reject needs a reason; a rejected record is judged against no agreement, and a later verification restores its verdict")
    func rejectWithdrawsTheVerdict() throws {
        let (store, id) = try Self.storeWithObservation()
        #expect(throws: ReviewRefusal.noteMissing(.reject)) { try Reviews.act(.reject, on: id, note: " ", by: Self.analyst, in: store) }
        try Reviews.act(.reject, on: id, note: "the photo is of another town, taken in 2023", by: Self.analyst, in: store, now: Self.noon)
        _ = try Adjudicating.run(store: store, all: false)
        // Out of scope: the violation is no longer stored, listed or counted.
        #expect(try Self.verdict(of: id, in: store) == nil)
        let explained = try #require(try Explaining.explain(incident: id, agreement: "energy-moratorium-2025", store: store).verdicts.first)
        #expect(explained.kind == .outOfScope && explained.check(.relevance)?.outcome == .fail)
        #expect(explained.check(.relevance)?.reason.contains("rejected in review by Reviewer olena") == true)

        try Reviews.act(.verify, on: id, note: "a second photo shows the right site", by: Self.second, in: store, now: Self.noon)
        _ = try Adjudicating.run(store: store, all: false)
        let verified = try #require(try Self.verdict(of: id, in: store))
        #expect(verified.verdict.kind == .violation && verified.evidence == .verified)
        let claims = try #require(try store.incidents(ids: [id], detail: .full).first).claims
        #expect(claims.filter(\.isReview) == [Claim(claimant: "Reviewer marek", accused: "RU", stance: .verification)])
    }

    @Test("marking a record unverifiable withdraws an earlier decision and needs a reason; an unknown record is not found")
    func unverifiableAndUnknown() throws {
        let (store, id) = try Self.storeWithObservation()
        try Reviews.act(.verify, on: id, by: Self.analyst, in: store, now: Self.noon)
        let outcome = try Reviews.act(.markUnverifiable, on: id, note: "the monitor cannot be reached", by: Self.analyst, in: store, now: Self.noon)
        #expect(outcome.status.state == .unverifiable && !outcome.incident.claims.contains(where: \.isReview))
        _ = try Adjudicating.run(store: store, all: false)
        #expect(try Self.verdict(of: id, in: store)?.evidence == .singleClaim)
        #expect(throws: NotFound(.incident, id: "obs:none")) { try Reviews.act(.take, on: "obs:none", by: Self.analyst, in: store) }
    }

    /// A second observation of another strike, the next day in Chuhuiv, kept apart from the first by linking.
    static func secondObservation(in store: SQLiteStore) throws -> IncidentID {
        let text = String(decoding: ObservationsTests.body, as: UTF8.self)
            .replacingOccurrences(of: "2025-03-22T01:", with: "2025-03-23T05:").replacingOccurrences(of: "\"Kharkiv\"", with: "\"Chuhuiv\"")
            .replacingOccurrences(of: "49.98", with: "49.84").replacingOccurrences(of: "36.25", with: "36.69")
        let submitted = try Observations.submit(
            Data(text.utf8), idempotencyKey: "review-18", by: ObservationsTests.monitor, in: store, now: ObservationsTests.submittedAt)
        _ = try Adjudicating.run(store: store, all: false)
        return submitted.incident.id
    }

    @Test("corroborate names other records: the event counts as corroborated, the state stays, and the history says with which")
    func corroborateRaisesTheEvidence() throws {
        let (store, id) = try Self.storeWithObservation()
        let other = try Self.secondObservation(in: store)
        #expect(try Self.verdict(of: id, in: store)?.evidence == .singleClaim)
        #expect(throws: ReviewRefusal.othersInvalid(.corroborate, "name 1 to \(Reviews.maxOthers) records that report the same act")) {
            try Reviews.act(.corroborate, on: id, by: Self.analyst, in: store, now: Self.noon)
        }
        #expect(throws: ReviewRefusal.othersInvalid(.corroborate, "a record cannot name itself")) {
            try Reviews.act(.corroborate, on: id, others: [id], by: Self.analyst, in: store, now: Self.noon)
        }
        #expect(throws: NotFound.self) { try Reviews.act(.corroborate, on: id, others: ["nothing-here"], by: Self.analyst, in: store) }
        let outcome = try Reviews.act(.corroborate, on: id, others: [other, other], by: Self.analyst, in: store, now: Self.noon)
        #expect(outcome.status.state == .unreviewed)
        #expect(outcome.incident.claims.filter(\.isCorroboration).map(\.source?.url) == ["/incidents/\(other)"])
        _ = try Adjudicating.run(store: store, all: false)
        #expect(try Self.verdict(of: id, in: store)?.evidence == .corroborated)
        #expect(try store.reviewHistory(of: id).last?.note == "with \(other)")
    }

    @Test("merge moves a duplicate's sources and claims into the incident it repeats; the duplicate is judged no more; both histories say so")
    func mergeFoldsTheDuplicate() throws {
        let (store, id) = try Self.storeWithObservation()
        let duplicate = try Self.secondObservation(in: store)
        #expect(throws: ReviewRefusal.othersInvalid(.merge, "name the one incident to merge into")) {
            try Reviews.act(.merge, on: duplicate, others: [id, "other"], by: Self.analyst, in: store, now: Self.noon)
        }
        try Reviews.act(.take, on: id, by: Self.second, in: store, now: Self.noon)
        let held = try #require(try store.reviewStatuses(ids: [id])[id]?.lock)
        #expect(throws: ReviewRefusal.heldByAnother(held), "the incident merged into is held by another reviewer") {
            try Reviews.act(.merge, on: duplicate, others: [id], by: Self.analyst, in: store, now: Self.noon)
        }
        try Reviews.act(.release, on: id, by: Self.second, in: store, now: Self.noon)
        let outcome = try Reviews.act(.merge, on: duplicate, note: "same strike, reported a day late", others: [id], by: Self.analyst, in: store)
        #expect(outcome.status.state == .merged && outcome.incident.isRejectedByReview)
        let merged = try #require(try store.incidents(ids: [id], detail: .full).first)
        #expect(merged.sources.count == 2 && merged.sources.map(\.key).contains("review-18"))
        _ = try Adjudicating.run(store: store, all: false)
        #expect(try Self.verdict(of: duplicate, in: store) == nil, "the duplicate is out of scope")
        #expect(try Self.verdict(of: id, in: store)?.verdict.kind == .violation)
        #expect(try store.reviewHistory(of: duplicate).last?.note == "into \(id): same strike, reported a day late")
        #expect(try store.reviewHistory(of: id).last?.note == "took in \(duplicate): same strike, reported a day late")
        #expect(throws: ReviewRefusal.othersInvalid(.merge, "\(duplicate) was rejected or merged itself: merge into the incident that stands")) {
            try Reviews.act(.merge, on: id, others: [duplicate], by: Self.analyst, in: store)
        }
    }
}
