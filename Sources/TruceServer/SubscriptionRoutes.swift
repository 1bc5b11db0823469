import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceDashboard
import TruceStore

/// Notifications: a signed-in user's subscriptions to agreements (`/api/v1/subscriptions`: theirs to list, make
/// and cancel; an admin may cancel anyone's), and each agreement's Atom feed (`/agreements/{id}/feed.atom`, read as
/// the agreement's page is). A subscription's secret, which signs its webhook deliveries, is in the 201 that makes
/// it and nowhere else.
struct SubscriptionRoutes {
    let store: StoreAccess
    let configuration: ServerConfiguration

    struct NewSubscriptionBody: Decodable {
        var agreement: AgreementID
        var evidence: EvidenceLevel?
        var webhookURL: String?

        enum CodingKeys: String, CodingKey {
            case agreement, evidence
            case webhookURL = "webhook_url"
        }
    }

    struct SubscriptionBody: Encodable {
        var id: Int64
        var agreement: AgreementID
        var evidence: EvidenceLevel
        var webhookURL: String?
        var created: Date
        var feed: String
        /// Only in the answer that makes the subscription.
        var secret: String?

        init(_ subscription: Subscription, secret: Bool) {
            id = subscription.id
            agreement = subscription.agreement
            evidence = subscription.evidence
            webhookURL = subscription.webhookURL
            created = subscription.created
            feed = SubscriptionRoutes.feedPath(subscription.agreement, subscription.evidence)
            self.secret = secret ? subscription.secret : nil
        }

        enum CodingKeys: String, CodingKey {
            case id, agreement, evidence, created, feed, secret
            case webhookURL = "webhook_url"
        }
    }

    static func feedPath(_ agreement: AgreementID, _ level: EvidenceLevel) -> String {
        Dashboard.href("/agreements/\(agreement)/feed.atom", [("evidence", level.rawValue)])
    }

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/subscriptions") { _, context in
            let principal = try TokenRoutes.signedIn(context)
            let subscriptions = try await store.run { try $0.subscriptions(userID: principal.userID) }
            return try Responses.encoded(Items(items: subscriptions.map { SubscriptionBody($0, secret: false) }))
        }
        router.post("/api/v1/subscriptions") { request, context in
            let principal = try TokenRoutes.signedIn(context)
            let body = try await JSONBody.decode(NewSubscriptionBody.self, from: request)
            try JSONBody.check(body.agreement, field: "agreement", maxCharacters: AccountRoutes.maxAgreementIDLength)
            try context.require(.readVerdicts, agreement: body.agreement)
            let hosts = configuration.webhookHosts
            let subscription = try await store.run { store in
                guard let user = try store.user(id: principal.userID) else { throw Problem(.unauthorized, detail: "The user is unknown.") }
                do {
                    return try Notifications.subscribe(
                        user, to: body.agreement, atLeast: body.evidence ?? .singleClaim, webhookURL: body.webhookURL, allowedHosts: hosts, in: store)
                } catch let rejected as IncidentEdits.Rejected {
                    throw Problem.invalid(rejected.field, rejected.message)
                }
            }
            return try AccountRoutes.created(SubscriptionBody(subscription, secret: true))
        }
        router.delete("/api/v1/subscriptions/{id}") { _, context in
            let principal = try TokenRoutes.signedIn(context)
            let text = try context.pathParameter("id")
            guard let id = Int64(text), id > 0 else { throw Problem.invalid("id", "takes a subscription id, a whole number above 0") }
            let isAdmin = context.allows(.manageUsers)
            let removed = try await store.run { store -> Bool in
                guard let subscription = try store.subscriptions(userID: isAdmin ? nil : principal.userID).first(where: { $0.id == id }) else {
                    return false
                }
                return try store.removeSubscription(id: subscription.id)
            }
            guard removed else { throw Problem(.notFound, detail: "There is no subscription \(id) of yours.") }
            return Response(status: .noContent)
        }
        router.get("/agreements/{id}/feed.atom") { request, context in
            let id = try context.pathParameter("id")
            let parameters = try QueryParameters(form: request)
            try context.require(.readIncidents, agreement: id)
            try context.require(.readVerdicts, agreement: id)
            let level =
                try parameters.values["evidence"].map { raw in
                    guard let level = EvidenceLevel(rawValue: raw) else {
                        throw Problem.invalid("evidence", "takes one of " + EvidenceLevel.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return level
                } ?? .singleClaim
            let xml = try await store.run { store in
                let agreement = try Agreements.named(id, in: store)
                let entries = try Notifications.entries(of: id, atLeast: level, in: store)
                return AtomFeed.render(entries, agreement: agreement, level: level, selfPath: Self.feedPath(id, level), now: Date())
            }
            return Responses.bytes(Array(xml.utf8), as: "application/atom+xml; charset=utf-8", headers: [.cacheControl: "private, max-age=60"])
        }
    }
}
