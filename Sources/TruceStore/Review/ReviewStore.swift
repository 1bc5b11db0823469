import Foundation
import TruceCore

/// What the review queue and an incident's page read of review: statuses, the queue, and each record's history.
/// Review actions are written through ``AccountStore/write(_:)`` (``AccountTransaction/save(_:)-(ReviewStatus)``), with the
/// incident's change and the audit entry in the same transaction.
public protocol ReviewStore: Sendable {
    /// The review status of each of `ids` that was ever reviewed (the others are unreviewed).
    func reviewStatuses(ids: [IncidentID]) throws -> [IncidentID: ReviewStatus]

    /// The review history of one record, oldest first.
    func reviewHistory(of id: IncidentID) throws -> [ReviewEntry]

    /// The records in review that `query` selects, the longest waiting first.
    func reviewQueue(_ query: ReviewQuery) throws -> [ReviewStatus]
}

extension ReviewStore {
    /// One record's review: its status (unreviewed, never updated, when it was never reviewed) and its history.
    public func review(of id: IncidentID) throws -> (status: ReviewStatus, history: [ReviewEntry]) {
        (try reviewStatuses(ids: [id])[id] ?? ReviewStatus(incident: id, updated: .distantPast), try reviewHistory(of: id))
    }
}

/// A selection of the review queue.
public struct ReviewQuery: Hashable, Sendable {
    /// The states selected (every state when empty).
    public var states: Set<ReviewState>
    /// Only records of this dataset (`observation` for monitors' submissions), when given.
    public var dataset: String?
    /// Only records this reviewer holds at ``now``, when given.
    public var heldBy: String?
    /// The time locks are judged at.
    public var now: Date
    public var limit: Int
    /// The last record of the page before: the page starts after it.
    public var after: ReviewStatus?

    public init(
        states: Set<ReviewState> = [.unreviewed], dataset: String? = nil, heldBy: String? = nil, now: Date = Date(), limit: Int = 50,
        after: ReviewStatus? = nil
    ) {
        self.states = states
        self.dataset = dataset
        self.heldBy = heldBy
        self.now = now
        self.limit = limit
        self.after = after
    }
}
