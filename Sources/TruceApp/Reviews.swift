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
    /// - Parameter note: the reason or the comment; needed by reject, mark unverifiable and comment.
    /// - Throws: ``NotFound`` for an unknown record; ``ReviewRefusal`` when another reviewer holds it, when releasing
    ///   what the reviewer does not hold, or when a note is missing; whatever the store throws. Nothing is stored
    ///   then.
    @discardableResult
    public static func act(
        _ action: ReviewAction, on id: IncidentID, note: String = "", by author: ChangeAuthor, in store: some AccountStore, now: Date = Date()
    ) throws -> Outcome {
        try store.write { transaction in
            guard var incident = try transaction.incident(id: id) else { throw NotFound(.incident, id: id) }
            let before = try transaction.reviewStatus(of: id) ?? ReviewStatus(incident: id, updated: now)
            let after = try before.applying(action, by: author.name, note: note, at: now)
            if action.decides {
                let previous = incident
                incident.claims = decided(incident, by: action, reviewer: author.name)
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
                ReviewEntry(incident: id, action: action, reviewer: author.name, at: now, note: note, state: after.state))
            try transaction.append(
                AuditTrail.entry(
                    by: author, action: "reviews.\(action.rawValue)", recordKind: "review", recordID: id, before: before, after: after, at: now))
            return Outcome(status: after, entry: entry, incident: incident)
        }
    }

    /// The claims of `incident` after a deciding `action` by `reviewer`: the earlier decision's claim withdrawn, and
    /// the new one's added (a verification blames whom the incident is attributed to).
    static func decided(_ incident: Incident, by action: ReviewAction, reviewer: String) -> [Claim] {
        var claims = incident.claims.filter { !$0.isReview }
        let claimant = "Reviewer \(reviewer)"
        switch action {
        case .verify: claims.append(Claim(claimant: claimant, accused: incident.perpetrator?.party, stance: .verification))
        case .reject: claims.append(Claim(claimant: claimant, stance: .rejection))
        case .markUnverifiable, .take, .release, .comment: break
        }
        return claims
    }

    /// Puts a new record in the queue, unreviewed, in `transaction` (a monitor's submission).
    static func enqueue(_ id: IncidentID, in transaction: any AccountTransaction, at instant: Date) throws {
        guard try transaction.reviewStatus(of: id) == nil else { return }
        try transaction.save(ReviewStatus(incident: id, state: .unreviewed, updated: instant))
    }
}
