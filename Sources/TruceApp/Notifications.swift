import Crypto
import Foundation
import TruceCore
import TruceStore

/// Something a subscriber to an agreement is told: a change of the agreement's status, or one of its violations
/// (an event, however many records report it) reaching an evidence level. Its ``id`` is stable: the same change
/// has the same id on every read, so a feed reader and a webhook delivery see each once.
public struct NotificationEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case status
        case violation
    }

    /// `status/…` or `violation/EVENT/LEVEL`: a violation that reaches a higher level is a new entry.
    public var id: String
    public var kind: Kind
    public var agreement: AgreementID
    /// When it happened: the status event's time, or the violation's start.
    public var updated: Date
    public var title: String
    public var summary: String
    /// The incident to read (the first record of the violation's event).
    public var incident: IncidentID?
    public var evidence: EvidenceLevel?
    public var status: AgreementStatus?
    public var party: PartyID?
    /// The status event's source, when it names one.
    public var source: String?
}

/// Subscriptions to agreements and what their subscribers are told (``NotificationEntry``): read from the store
/// as it is now, so that a feed and a webhook agree, and each entry is delivered to a webhook once.
///
/// A webhook delivery is a JSON `POST` of one entry, with the header `Truce-Signature: t=UNIX,v1=HEX`, where HEX is
/// the HMAC-SHA256, keyed with the subscription's secret, of the text `UNIX.BODY` (``signature(of:secret:at:)``).
public enum Notifications {
    /// The header a webhook delivery is signed in.
    public static let signatureHeader = "Truce-Signature"
    /// The prefix of a subscription's secret.
    public static let secretPrefix = "whsec_"

    /// What a subscriber to `agreement` at `level` is told, newest first: every status event, and every violation
    /// event whose evidence is at `level` or above.
    /// - Throws: ``NotFound`` when the store holds no such agreement.
    public static func entries(of agreement: AgreementID, atLeast level: EvidenceLevel, in store: some VerdictStore) throws -> [NotificationEntry] {
        let found = try Agreements.named(agreement, in: store)
        var entries = found.statusHistory.map { event in
            let party = event.party?.rawValue ?? "all parties"
            return NotificationEntry(
                id: "status/\(event.at)/\(event.party?.rawValue ?? "all")/\(event.status.rawValue)", kind: .status, agreement: agreement,
                updated: event.at.instant(in: found.timeZone), title: "\(found.title): \(event.status.rawValue) (\(party))",
                summary: event.note ?? "The agreement's status for \(party) is \(event.status.rawValue) from \(event.at).", status: event.status,
                party: event.party, source: event.source?.url)
        }
        var seen: Set<IncidentID> = []
        for stored in try store.verdicts(matching: VerdictQuery(agreement: agreement, kind: .violation)) {
            guard let evidence = stored.evidence, evidence >= level else { continue }
            let event = stored.event ?? stored.verdict.incident
            guard seen.insert(event).inserted else { continue }
            let party = stored.perpetrator?.rawValue ?? "an unnamed party"
            let place = [stored.admin1, stored.country].compactMap { $0 }.joined(separator: ", ")
            entries.append(
                NotificationEntry(
                    id: "violation/\(event)/\(evidence.rawValue)", kind: .violation, agreement: agreement, updated: stored.start,
                    title: "\(found.title): violation by \(party)\(place.isEmpty ? "" : " in \(place)") (\(evidence.rawValue))",
                    summary: "Incident \(stored.verdict.incident), attributed to \(party), violates the agreement; its evidence is "
                        + "\(evidence.rawValue).", incident: stored.verdict.incident, evidence: evidence, party: stored.perpetrator))
        }
        return entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }

    /// Subscribes `user` to `agreement`: they are told of what happens from now on (what is true now counts as told).
    /// - Parameter webhookURL: where to post deliveries, an `http` or `https` URL whose host is in `allowedHosts`;
    ///   `nil` to read the feed only.
    /// - Returns: the subscription, whose secret signs its deliveries.
    /// - Throws: ``NotFound`` for an unknown agreement; ``IncidentEdits/Rejected`` (field `webhook_url`) for a URL
    ///   not taken.
    public static func subscribe(
        _ user: StoredUser, to agreement: AgreementID, atLeast level: EvidenceLevel, webhookURL: String?, allowedHosts: Set<String>,
        in store: some VerdictStore & SubscriptionStore, now: Date = Date()
    ) throws -> Subscription {
        if let webhookURL { try check(webhookURL, allowedHosts: allowedHosts) }
        let current = try entries(of: agreement, atLeast: level, in: store).map(\.id)
        let subscription = Subscription(
            userID: user.id, agreement: agreement, evidence: level, webhookURL: webhookURL, secret: Secrets.make(prefix: secretPrefix), created: now)
        return try store.add(subscription, delivered: current)
    }

    /// The longest webhook URL taken.
    public static let maxURLLength = 2_000

    /// Refuses a webhook URL that is not `http(s)://HOST…` with HOST in `allowedHosts`: a server posts only where
    /// its operator allows.
    static func check(_ url: String, allowedHosts: Set<String>) throws {
        guard url.count <= maxURLLength, let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host?.lowercased(), !host.isEmpty
        else {
            throw IncidentEdits.Rejected(field: "webhook_url", message: "is an http or https URL")
        }
        guard allowedHosts.contains(host) else {
            let allowed = allowedHosts.isEmpty ? "none is allowed on this server" : "allowed: " + allowedHosts.sorted().joined(separator: ", ")
            throw IncidentEdits.Rejected(field: "webhook_url", message: "names the host \(host), where this server does not post (\(allowed))")
        }
    }

    /// Every webhook subscription with the entries not yet delivered to it, oldest first.
    public static func pendingDeliveries(in store: some VerdictStore & SubscriptionStore) throws -> [(Subscription, [NotificationEntry])] {
        var pending: [(Subscription, [NotificationEntry])] = []
        var cache: [String: [NotificationEntry]] = [:]
        for subscription in try store.subscriptions(userID: nil) where subscription.webhookURL != nil {
            let key = "\(subscription.agreement)\u{0}\(subscription.evidence.rawValue)"
            let entries: [NotificationEntry]
            if let cached = cache[key] {
                entries = cached
            } else {
                do {
                    entries = try Self.entries(of: subscription.agreement, atLeast: subscription.evidence, in: store)
                } catch is NotFound {
                    continue  // the agreement was removed: nothing to tell
                }
                cache[key] = entries
            }
            let delivered = try store.deliveredEntries(of: subscription.id)
            let new = entries.filter { !delivered.contains($0.id) }
            if !new.isEmpty { pending.append((subscription, new.reversed())) }
        }
        return pending
    }

    /// An entry as a webhook delivers it: JSON, keys sorted.
    public static func payload(_ entry: NotificationEntry, subscription: Subscription) -> Data {
        var object: [String: Any] = [
            "id": entry.id, "kind": entry.kind.rawValue, "agreement": entry.agreement, "updated": entry.updated.formatted(.iso8601),
            "title": entry.title, "summary": entry.summary, "subscription": subscription.id,
        ]
        object["incident"] = entry.incident
        object["evidence"] = entry.evidence?.rawValue
        object["status"] = entry.status?.rawValue
        object["party"] = entry.party?.rawValue
        object["source"] = entry.source
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// The `Truce-Signature` value of `body` sent at `instant`: `t=UNIX,v1=HEX`, HEX the HMAC-SHA256 of `UNIX.BODY`
    /// keyed with `secret`'s UTF-8 bytes.
    public static func signature(of body: Data, secret: String, at instant: Date) -> String {
        let time = Int(instant.timeIntervalSince1970)
        var signed = Data("\(time).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(time),v1=" + Data(code).lowercaseHex
    }
}
