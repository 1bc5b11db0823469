import Foundation

/// Where a record stands in the mission's review.
public enum ReviewState: String, CaseIterable, Hashable, Codable, Sendable {
    /// No reviewer has decided on it: every observation starts so, and an imported record is so until a reviewer
    /// acts on it.
    case unreviewed
    /// A reviewer confirmed it (its evidence level is `verified`).
    case verified
    /// A reviewer rejected it: it is kept, but judged against no agreement and counted as evidence for nothing.
    case rejected
    /// A reviewer found that it can be neither confirmed nor refuted; it is judged as before.
    case unverifiable
    /// A reviewer merged it into another incident, which now holds its sources and claims: it is kept, but judged
    /// against no agreement, as a rejected record is.
    case merged
}

/// What a reviewer does to a record.
public enum ReviewAction: String, CaseIterable, Hashable, Codable, Sendable {
    /// Takes the record for review: others see who holds it until the lock is released or expires.
    case take
    /// Gives the record back without deciding.
    case release
    /// Confirms it: a claim of stance ``Claim/Stance/verification`` by the reviewer.
    case verify
    /// Rejects it, with a reason: a claim of stance ``Claim/Stance/rejection`` by the reviewer.
    case reject
    /// Marks it as impossible to confirm or refute, with a reason.
    case markUnverifiable = "mark_unverifiable"
    /// Leaves a comment, changing nothing else.
    case comment
    /// Names other records that report the same act: a claim of stance ``Claim/Stance/corroboration`` by the
    /// reviewer per record, so the event counts as corroborated; the state stays.
    case corroborate
    /// Merges the record into another incident (a duplicate): the other takes its sources and claims, and the
    /// record is left ``ReviewState/merged``.
    case merge

    /// Whether the action decides the record's state (and so ends the reviewer's hold on it).
    public var decides: Bool { [.verify, .reject, .markUnverifiable, .merge].contains(self) }

    /// Whether the action changes the incident's claims (so verdicts must follow).
    public var changesClaims: Bool { decides || self == .corroborate }

    /// Whether the action names other records (``Reviews``' `others`): corroborate names one or more, merge one.
    public var namesOthers: Bool { self == .corroborate || self == .merge }

    /// The state a deciding action leaves the record in.
    public var resultingState: ReviewState? {
        switch self {
        case .verify: .verified
        case .reject: .rejected
        case .markUnverifiable: .unverifiable
        case .merge: .merged
        case .take, .release, .comment, .corroborate: nil
        }
    }

    /// Whether the action must say why.
    public var needsNote: Bool { [.reject, .markUnverifiable, .comment].contains(self) }
}

/// A reviewer's hold on a record, visible to the others until it expires.
public struct ReviewLock: Hashable, Codable, Sendable {
    /// The reviewer's user name.
    public var holder: String
    public var expires: Date

    public init(holder: String, expires: Date) {
        self.holder = holder
        self.expires = expires
    }

    /// Whether the lock still holds at `instant`.
    public func holds(at instant: Date) -> Bool { instant < expires }
}

/// A record's place in review: its state and who holds it.
public struct ReviewStatus: Hashable, Codable, Sendable {
    public var incident: IncidentID
    public var state: ReviewState
    /// The reviewer's hold, as stored; see ``ReviewLock/holds(at:)`` for whether it still holds.
    public var lock: ReviewLock?
    /// When the state or the lock last changed.
    public var updated: Date

    public init(incident: IncidentID, state: ReviewState = .unreviewed, lock: ReviewLock? = nil, updated: Date) {
        self.incident = incident
        self.state = state
        self.lock = lock
        self.updated = updated
    }

    /// The lock that holds at `instant`, if any.
    public func lock(at instant: Date) -> ReviewLock? { lock.flatMap { $0.holds(at: instant) ? $0 : nil } }
}

/// One action in a record's review history.
public struct ReviewEntry: Hashable, Codable, Sendable {
    public var id: Int64
    public var incident: IncidentID
    public var action: ReviewAction
    /// The reviewer's user name.
    public var reviewer: String
    public var at: Date
    /// The reason or the comment (empty when the action needs none and none was given).
    public var note: String
    /// The state the record was left in.
    public var state: ReviewState

    public init(id: Int64 = 0, incident: IncidentID, action: ReviewAction, reviewer: String, at: Date, note: String, state: ReviewState) {
        self.id = id
        self.incident = incident
        self.action = action
        self.reviewer = reviewer
        self.at = at
        self.note = note
        self.state = state
    }
}

/// Why a review action was refused.
public enum ReviewRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another reviewer holds the record until the lock expires.
    case heldByAnother(ReviewLock)
    /// Releasing a record the reviewer does not hold.
    case notHeld
    /// The action needs a reason or a comment.
    case noteMissing(ReviewAction)
    /// Corroborate or merge without the other records they need, or with records they cannot take.
    case othersInvalid(ReviewAction, String)

    public var description: String {
        switch self {
        case .heldByAnother(let lock):
            "\(lock.holder) holds this record for review until \(lock.expires.formatted(.iso8601)); wait, or ask them to release it"
        case .notHeld: "you do not hold this record for review"
        case .noteMissing(let action): "\(action.rawValue) needs a note: the reason, or the comment"
        case .othersInvalid(let action, let reason): "\(action.rawValue): \(reason)"
        }
    }
}

extension ReviewStatus {
    /// How long a take holds a record unless released or renewed: 15 minutes.
    public static let lockDuration: TimeInterval = 15 * 60

    /// The status after `reviewer` does `action` at `instant`, or the reason it is refused.
    ///
    /// - A take locks the record for ``lockDuration`` (a reviewer taking what they hold renews it); refused while
    ///   another's lock holds.
    /// - A release ends the reviewer's own hold; refused when they hold nothing.
    /// - A deciding action (verify, reject, mark unverifiable) is refused while another's lock holds, sets the
    ///   state and ends the hold; a comment changes nothing but the time.
    public func applying(_ action: ReviewAction, by reviewer: String, note: String, at instant: Date) throws(ReviewRefusal) -> ReviewStatus {
        if action.needsNote, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .noteMissing(action) }
        let held = lock(at: instant)
        let heldByOther = held.map { $0.holder.lowercased() != reviewer.lowercased() } ?? false
        var next = self
        next.updated = instant
        switch action {
        case .take:
            if heldByOther, let held { throw .heldByAnother(held) }
            next.lock = ReviewLock(holder: reviewer, expires: instant.addingTimeInterval(Self.lockDuration))
        case .release:
            guard held != nil, !heldByOther else { throw .notHeld }
            next.lock = nil
        case .verify, .reject, .markUnverifiable, .merge:
            if heldByOther, let held { throw .heldByAnother(held) }
            next.state = action.resultingState!
            next.lock = nil
        case .corroborate:
            if heldByOther, let held { throw .heldByAnother(held) }
        case .comment:
            break
        }
        if next.lock.map({ !$0.holds(at: instant) }) == true { next.lock = nil }
        return next
    }
}
