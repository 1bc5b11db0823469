import Foundation
import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// The review queue and review actions: `GET /api/v1/review/queue` lists records in review with their state and
/// who holds them; `POST /api/v1/incidents/{id}/review` takes, releases, verifies, rejects, marks unverifiable or
/// comments on one (an adjudication follows a decision, with adjudicate_after_writes); `GET
/// /api/v1/incidents/{id}/review` gives its state and history. All need the `review` permission.
struct ReviewRoutes {
    let store: StoreAccess
    let writes: WriteQueue
    let maxBodyBytes: Int
    let configuration: ServerConfiguration

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/review/queue") { request, context in
            try context.require(.review)
            let parameters = try QueryParameters(request)
            let states = try parameters.text("state", maxBytes: 200).map { text in
                try Set(
                    text.split(separator: ",").map { name in
                        guard let state = ReviewState(rawValue: String(name)) else {
                            throw Problem(
                                .invalidParameter, detail: "state is one or more of \(ReviewState.allCases.map(\.rawValue).joined(separator: ", ")).",
                                parameter: "state")
                        }
                        return state
                    })
            }
            let query = ReviewQuery(
                states: states ?? [.unreviewed], dataset: try parameters.text("dataset", maxBytes: 64),
                heldBy: try parameters.text("held_by", maxBytes: 128), now: Date(), limit: try parameters.limit(configuration))
            let items = try await store.run { try $0.reviewQueue(query) }
            return try Responses.encoded(QueueBody(items: items.map(ReviewStatusBody.init), now: query.now))
        }
        router.get("/api/v1/incidents/{id}/review") { _, context in
            let id = try context.pathParameter("id")
            try context.require(.review)
            let scope = context.principal?.agreementScope ?? []
            let (status, history) = try await store.run { store in
                guard let incident = try store.incidents(ids: [id], detail: .summary).first, try IncidentRoutes.within(scope, incident, store) else {
                    throw NotFound(.incident, id: id)
                }
                return try store.review(of: id)
            }
            return try Responses.encoded(ReviewBody(status: ReviewStatusBody(status), history: history.map(ReviewEntryBody.init)))
        }
        router.post("/api/v1/incidents/{id}/review") { request, context in
            let id = try context.pathParameter("id")
            try context.require(.review)
            let author = try context.author(for: .review)
            let text = try await RequestBody.text(of: request, types: [Responses.json], maxBytes: maxBodyBytes)
            let asked = try Self.action(in: text)
            let scope = context.principal?.agreementScope ?? []
            let outcome: Reviews.Outcome
            do {
                outcome = try await Self.act(asked.action, on: id, note: asked.note ?? "", by: author, scope: scope, writes: writes)
            } catch let refusal as ReviewRefusal {
                switch refusal {
                case .noteMissing:
                    throw Problem(
                        .invalidContent, detail: refusal.description, errors: [Diagnostic(file: "-", line: nil, field: "note", message: "is missing")]
                    )
                case .heldByAnother, .notHeld: throw Problem(.conflict, detail: refusal.description)
                }
            }
            return try Responses.encoded(ActionBody(status: ReviewStatusBody(outcome.status), entry: ReviewEntryBody(outcome.entry)))
        }
    }

    /// Does `action` on the record `id` as ``Reviews/act(_:on:note:by:in:now:)`` does, in the write queue's turn (an
    /// adjudication following a decision), once the record is within `scope`: any other is not found, so that its
    /// existence stays hidden.
    /// - Throws: ``ReviewRefusal`` as the use case; `NotFound` for a record unknown or outside `scope`.
    static func act(
        _ action: ReviewAction, on id: IncidentID, note: String, by author: ChangeAuthor, scope: [AgreementID], writes: WriteQueue
    ) async throws -> Reviews.Outcome {
        try await writes.write(adjudicate: action.decides) { store in
            guard let incident = try store.incidents(ids: [id], detail: .summary).first, try IncidentRoutes.within(scope, incident, store) else {
                throw NotFound(.incident, id: id)
            }
            return try Reviews.act(action, on: id, note: note, by: author, in: store)
        }.value
    }

    /// A review action's request body: `{"action": "verify", "note": "…"}`.
    struct ActionRequest: Decodable {
        var action: ReviewAction
        var note: String?
    }

    static func action(in text: String) throws -> ActionRequest {
        do {
            return try JSONDecoder().decode(ActionRequest.self, from: Data(text.utf8))
        } catch {
            throw Problem(
                .invalidContent,
                detail: "The body is {\"action\": one of \(ReviewAction.allCases.map(\.rawValue).joined(separator: ", ")), \"note\": text}.",
                errors: [Diagnostic(file: "-", line: nil, field: "action", message: "is missing or not a review action")])
        }
    }
}

/// A record's review state as the API shows it.
struct ReviewStatusBody: Encodable {
    var incident: IncidentID
    var state: ReviewState
    var lockHolder: String?
    var lockExpires: Date?
    var updated: Date?

    init(_ status: ReviewStatus) {
        incident = status.incident
        state = status.state
        let lock = status.lock(at: Date())
        lockHolder = lock?.holder
        lockExpires = lock?.expires
        updated = status.updated == .distantPast ? nil : status.updated
    }

    enum CodingKeys: String, CodingKey {
        case incident, state, updated
        case lockHolder = "lock_holder"
        case lockExpires = "lock_expires"
    }
}

struct ReviewEntryBody: Encodable {
    var id: Int64
    var action: ReviewAction
    var reviewer: String
    var at: Date
    var note: String
    var state: ReviewState

    init(_ entry: ReviewEntry) {
        id = entry.id
        action = entry.action
        reviewer = entry.reviewer
        at = entry.at
        note = entry.note
        state = entry.state
    }
}

struct QueueBody: Encodable {
    var items: [ReviewStatusBody]
    var now: Date
}

struct ReviewBody: Encodable {
    var status: ReviewStatusBody
    var history: [ReviewEntryBody]
}

struct ActionBody: Encodable {
    var status: ReviewStatusBody
    var entry: ReviewEntryBody
}
