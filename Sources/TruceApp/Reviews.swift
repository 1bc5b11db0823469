import Foundation
import TruceCore
import TruceStore

/// The mission's review of records: reviewers take records from the queue (a lock others see until it expires),
/// then verify, reject or mark them unverifiable, or comment. Every action goes to the record's review history and
/// the audit trail; a decision changes the incident itself, as a claim of the reviewer's, so that linking,
/// evidence levels and verdicts follow it when adjudication next runs (the server runs it after each write):
/// - verify adds the reviewer's ``Claim/Stance/verification`` (the incident's evidence becomes `verified`);
/// - reject adds the reviewer's ``Claim/Stance/rejection`` (it is judged against no agreement, and lends no evidence);
/// - a later decision replaces an earlier one, and marking a record unverifiable withdraws both.
///
/// ```swift
/// try Reviews.act(.take, on: "obs:3f2a…", by: analyst, in: store)
/// try Reviews.act(.verify, on: "obs:3f2a…", note: "photo matches the site", by: analyst, in: store)
/// ```
public enum Reviews {
    /// What a review action did.
    public struct Outcome: Sendable {
        public var status: ReviewStatus
        public var entry: ReviewEntry
        /// The incident as it stands after the action.
        public var incident: Incident
    }

    /// Does `action` on the record `id` as `author`.
    /// - Parameters:
    ///   - note: the reason or the comment; needed by reject, mark unverifiable and comment.
    ///   - others: for corroborate, the records that report the same act; for merge, the one incident to merge into.
    /// - Throws: ``NotFound`` for an unknown record (or other record); ``ReviewRefusal`` when another reviewer holds
    ///   it (or the incident merged into), when releasing what the reviewer does not hold, when a note is missing, or
    ///   when the other records are missing or cannot be taken; whatever the store throws. Nothing is stored then.
    @discardableResult
    public static func act(
        _ action: ReviewAction, on id: IncidentID, note: String = "", others: [IncidentID] = [], by author: ChangeAuthor,
        in store: some AccountStore, now: Date = Date()
    ) throws -> Outcome {
        try store.write { transaction in
            guard var incident = try transaction.incident(id: id) else { throw NotFound(.incident, id: id) }
            let before = try transaction.reviewStatus(of: id) ?? ReviewStatus(incident: id, updated: now)
            let others = try checked(others, for: action, of: id, in: transaction)
            let after = try before.applying(action, by: author.name, note: note, at: now)
            var entryNote = note
            if action == .merge, let target = others.first {
                try merge(incident, into: target, note: note, by: author, in: transaction, at: now)
                entryNote = "into \(target)" + (note.isEmpty ? "" : ": \(note)")
            } else if action == .corroborate {
                entryNote = "with " + others.joined(separator: ", ") + (note.isEmpty ? "" : ": \(note)")
            }
            if action.changesClaims {
                let previous = incident
                incident.claims = decided(incident, by: action, reviewer: author.name, others: others)
                if incident != previous {
                    _ = try transaction.save(incidents: [incident])
                    try transaction.append(
                        AuditTrail.entry(
                            by: author, action: "reviews.\(action.rawValue)", recordKind: "incident", recordID: id, before: previous, after: incident,
                            at: now))
                }
            }
            try transaction.save(after)
            let entry = try transaction.append(
                ReviewEntry(incident: id, action: action, reviewer: author.name, at: now, note: entryNote, state: after.state))
            try transaction.append(
                AuditTrail.entry(
                    by: author, action: "reviews.\(action.rawValue)", recordKind: "review", recordID: id, before: before, after: after, at: now))
            return Outcome(status: after, entry: entry, incident: incident)
        }
    }

    /// The most records one corroboration names.
    public static let maxOthers = 50

    /// `others` once they suit `action` on `id`: none for most actions; one or more existing records other than `id`
    /// for corroborate; exactly one existing incident, not itself merged or rejected, for merge.
    static func checked(
        _ others: [IncidentID], for action: ReviewAction, of id: IncidentID, in transaction: any AccountTransaction
    ) throws -> [IncidentID] {
        guard action.namesOthers else { return [] }
        var unique: [IncidentID] = []
        for other in others where !unique.contains(other) { unique.append(other) }
        guard !unique.isEmpty, unique.count <= (action == .merge ? 1 : maxOthers) else {
            throw ReviewRefusal.othersInvalid(
                action, action == .merge ? "name the one incident to merge into" : "name 1 to \(maxOthers) records that report the same act")
        }
        guard !unique.contains(id) else { throw ReviewRefusal.othersInvalid(action, "a record cannot name itself") }
        for other in unique {
            guard let found = try transaction.incident(id: other) else { throw NotFound(.incident, id: other) }
            if action == .merge, found.isRejectedByReview {
                throw ReviewRefusal.othersInvalid(action, "\(other) was rejected or merged itself: merge into the incident that stands")
            }
        }
        return unique
    }

    /// Merges `incident` into `target`: the target takes its source records and its claims (not reviewers'
    /// decisions), and keeps its version before in its history, with an audit entry and a review entry of its own.
    static func merge(
        _ incident: Incident, into target: IncidentID, note: String, by author: ChangeAuthor, in transaction: any AccountTransaction, at now: Date
    ) throws {
        guard var merged = try transaction.incident(id: target) else { throw NotFound(.incident, id: target) }
        let status = try transaction.reviewStatus(of: target) ?? ReviewStatus(incident: target, updated: now)
        if let held = status.lock(at: now), held.holder.lowercased() != author.name.lowercased() { throw ReviewRefusal.heldByAnother(held) }
        let previous = merged
        for record in incident.sources where !merged.sources.contains(record) { merged.sources.append(record) }
        for claim in incident.claims where !claim.isReview && !merged.claims.contains(claim) { merged.claims.append(claim) }
        guard merged != previous else { return }
        _ = try transaction.save(incidents: [merged])
        try transaction.append(
            AuditTrail.entry(
                by: author, action: "reviews.merge", recordKind: "incident", recordID: target, before: previous, after: merged, at: now))
        _ = try transaction.append(
            ReviewEntry(
                incident: target, action: .merge, reviewer: author.name, at: now, note: "took in \(incident.id)" + (note.isEmpty ? "" : ": \(note)"),
                state: status.state))
    }

    /// The claims of `incident` after `action` by `reviewer`: for a decision, the earlier decision's claim withdrawn
    /// and the new one's added (a verification blames whom the incident is attributed to; a merge rejects the
    /// record as merged into the other); for a corroboration, a claim per record in `others` not named before.
    static func decided(_ incident: Incident, by action: ReviewAction, reviewer: String, others: [IncidentID] = []) -> [Claim] {
        let claimant = "Reviewer \(reviewer)"
        if action == .corroborate {
            var claims = incident.claims
            for other in others {
                let claim = Claim(
                    claimant: claimant, accused: incident.perpetrator?.party,
                    source: SourceReference(url: "/incidents/\(other)", title: "record \(other)"), stance: .corroboration)
                if !claims.contains(where: { $0.isCorroboration && $0.source?.url == claim.source?.url }) { claims.append(claim) }
            }
            return claims
        }
        var claims = incident.claims.filter { !$0.isReview }
        switch action {
        case .verify: claims.append(Claim(claimant: claimant, accused: incident.perpetrator?.party, stance: .verification))
        case .reject: claims.append(Claim(claimant: claimant, stance: .rejection))
        case .merge: claims.append(Claim(claimant: "\(claimant) (merged into \(others.first ?? ""))", stance: .rejection))
        case .markUnverifiable, .take, .release, .comment, .corroborate: break
        }
        return claims
    }

    /// Puts a new record in the queue, unreviewed, in `transaction` (a monitor's submission).
    static func enqueue(_ id: IncidentID, in transaction: any AccountTransaction, at instant: Date) throws {
        guard try transaction.reviewStatus(of: id) == nil else { return }
        try transaction.save(ReviewStatus(incident: id, state: .unreviewed, updated: instant))
    }
}
