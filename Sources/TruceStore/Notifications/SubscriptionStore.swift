import Foundation
import TruceCore

/// A user's subscription to an agreement: they are told when its status changes, and when one of its violations
/// reaches ``evidence`` or above, through a webhook when ``webhookURL`` is set (each delivery signed with
/// ``secret``) and always in the agreement's Atom feed.
public struct Subscription: Hashable, Codable, Sendable {
    public var id: Int64
    public var userID: Int64
    public var agreement: AgreementID
    /// The least evidence level a violation must reach to be told of.
    public var evidence: EvidenceLevel
    /// Where deliveries are posted; `nil` for a subscription read through the feed only.
    public var webhookURL: String?
    /// The key each webhook delivery is signed with (HMAC-SHA256).
    public var secret: String
    public var created: Date

    public init(
        id: Int64 = 0, userID: Int64, agreement: AgreementID, evidence: EvidenceLevel, webhookURL: String?, secret: String, created: Date
    ) {
        self.id = id
        self.userID = userID
        self.agreement = agreement
        self.evidence = evidence
        self.webhookURL = webhookURL
        self.secret = secret
        self.created = created
    }
}

/// Where subscriptions and what was delivered to each are kept: a notification is identified by its entry id
/// (``TruceApp`` builds them), and one delivered is never delivered again.
public protocol SubscriptionStore: Sendable {
    /// Stores `subscription`, with `delivered` marked as delivered already (what was true when it was made).
    /// - Returns: the subscription with its id.
    func add(_ subscription: Subscription, delivered: [String]) throws -> Subscription

    /// The subscriptions of the user `userID`, or of everyone, by id.
    func subscriptions(userID: Int64?) throws -> [Subscription]

    /// Removes the subscription `id` and what was delivered to it. - Returns: whether there was one.
    func removeSubscription(id: Int64) throws -> Bool

    /// The entry ids delivered to the subscription `id`.
    func deliveredEntries(of id: Int64) throws -> Set<String>

    /// Marks `entries` delivered to the subscription `id` at `instant`.
    func markDelivered(_ entries: [String], of id: Int64, at instant: Date) throws
}
