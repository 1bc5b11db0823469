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
            try Self.checkIDs(asked.with ?? [], field: "with")
            try Self.checkIDs(asked.into.map { [$0] } ?? [], field: "into")
            try Self.checkNote(asked.note)
            let scope = context.principal?.agreementScope ?? []
            let outcome: Reviews.Outcome
            do {
                outcome = try await Self.act(
                    asked.action, on: id, note: asked.note ?? "", others: asked.others, by: author, scope: scope, writes: writes)
            } catch let refusal as ReviewRefusal {
                throw Self.problem(refusal)
            }
            return try Responses.encoded(ActionBody(status: ReviewStatusBody(outcome.status), entry: ReviewEntryBody(outcome.entry)))
        }
        router.post("/api/v1/review/bulk") { request, context in
            try context.require(.review)
            let author = try context.author(for: .review)
            let text = try await RequestBody.text(of: request, types: [Responses.json], maxBytes: maxBodyBytes)
            let asked: BulkRequest
            do {
                asked = try JSONDecoder().decode(BulkRequest.self, from: Data(text.utf8))
            } catch {
                throw Problem(
                    .invalidContent, detail: "The body is {\"action\": a review action, \"note\": text, \"incidents\": [ids]}.",
                    errors: [Diagnostic(file: "-", line: nil, field: "incidents", message: "is missing or not a list of ids")])
            }
            guard !asked.incidents.isEmpty, asked.incidents.count <= Self.maxBulk else {
                throw Problem.invalid("incidents", "names 1 to \(Self.maxBulk) records")
            }
            try Self.checkIDs(asked.incidents, field: "incidents")
            try Self.checkNote(asked.note)
            try Self.checkIDs(asked.with ?? [], field: "with")
            guard !asked.action.namesOthers || asked.action == .corroborate else {
                throw Problem.invalid("action", "merge names one record to merge into: send it one record at a time")
            }
            let scope = context.principal?.agreementScope ?? []
            let results = try await Self.actOnEach(
                asked.action, on: asked.incidents, note: asked.note ?? "", others: asked.with ?? [], by: author, scope: scope, writes: writes)
            return try Responses.encoded(
                BulkBody(
                    done: results.compactMap { $0.refusal == nil ? $0.incident : nil },
                    refused: results.compactMap { result in result.refusal.map { BulkBody.Refused(incident: result.incident, reason: $0) } }))
        }
    }

    /// The most records one bulk action names.
    static let maxBulk = 500

    /// Throws when `note` is longer than 4,000 characters.
    static func checkNote(_ note: String?) throws {
        if let note, note.count > 4_000 { throw Problem.invalid("note", "is at most 4000 characters") }
    }

    /// Throws unless each of `ids` is a record id (1 to 256 characters) and they are at most ``Reviews/maxOthers``
    /// (``maxBulk`` for `incidents`).
    static func checkIDs(_ ids: [IncidentID], field: String) throws {
        guard ids.count <= (field == "incidents" ? maxBulk : Reviews.maxOthers) else { throw Problem.invalid(field, "names too many records") }
        for id in ids where id.isEmpty || id.utf8.count > 256 {
            throw Problem.invalid(field, "names a record id of 1 to 256 characters, not \(id.prefix(40).debugDescription)")
        }
    }

    /// The API's answer to a refused review action: 422 for a missing note or others, 409 for a lock.
    static func problem(_ refusal: ReviewRefusal) -> Problem {
        switch refusal {
        case .noteMissing:
            Problem(.invalidContent, detail: refusal.description, errors: [Diagnostic(file: "-", line: nil, field: "note", message: "is missing")])
        case .othersInvalid(let action, let reason):
            Problem(
                .invalidContent, detail: refusal.description,
                errors: [Diagnostic(file: "-", line: nil, field: action == .merge ? "into" : "with", message: reason)])
        case .heldByAnother, .notHeld: Problem(.conflict, detail: refusal.description)
        }
    }

    /// Does `action` on each of `ids` in turn, each in its own transaction so that one refused (held by another
    /// reviewer, unknown) leaves the others done, in one turn of the write queue, followed by one adjudication.
    /// - Returns: each record with why it was refused, if it was.
    static func actOnEach(
        _ action: ReviewAction, on ids: [IncidentID], note: String, others: [IncidentID], by author: ChangeAuthor, scope: [AgreementID],
        writes: WriteQueue
    ) async throws -> [(incident: IncidentID, refusal: String?)] {
        try await writes.write(adjudicate: action.changesClaims, sharesTransaction: true) { store in
            var results: [(incident: IncidentID, refusal: String?)] = []
            for id in ids {
                do {
                    try IncidentRoutes.requireWithin(scope, id: id, store)
                    try Reviews.act(action, on: id, note: note, others: others, by: author, in: store)
                    results.append((id, nil))
                } catch let refusal as ReviewRefusal {
                    results.append((id, refusal.description))
                } catch let missing as NotFound {
                    results.append((id, "\(missing)"))
                }
            }
            return results
        }.value
    }

    /// Does `action` on the record `id` as ``Reviews/act(_:on:note:by:in:now:)`` does, in the write queue's turn (an
    /// adjudication following a decision), once the record is within `scope`: any other is not found, so that its
    /// existence stays hidden.
    /// - Throws: ``ReviewRefusal`` as the use case; `NotFound` for a record unknown or outside `scope`.
    static func act(
        _ action: ReviewAction, on id: IncidentID, note: String, others: [IncidentID] = [], by author: ChangeAuthor, scope: [AgreementID],
        writes: WriteQueue
    ) async throws -> Reviews.Outcome {
        try await writes.write(adjudicate: action.changesClaims, sharesTransaction: true) { store in
            try IncidentRoutes.requireWithin(scope, id: id, store)
            return try Reviews.act(action, on: id, note: note, others: others, by: author, in: store)
        }.value
    }

    /// A review action's request body: `{"action": "verify", "note": "…"}`, with `"with": [ids]` to corroborate and
    /// `"into": id` to merge.
    struct ActionRequest: Decodable {
        var action: ReviewAction
        var note: String?
        var with: [IncidentID]?
        var into: IncidentID?

        /// The other records the action names.
        var others: [IncidentID] { action == .merge ? into.map { [$0] } ?? [] : with ?? [] }
    }

    /// A bulk review action's request body: `{"action": "verify", "note": "…", "incidents": [ids]}`.
    struct BulkRequest: Decodable {
        var action: ReviewAction
        var note: String?
        var incidents: [IncidentID]
        var with: [IncidentID]?
    }

    struct BulkBody: Encodable {
        struct Refused: Encodable {
            var incident: IncidentID
            var reason: String
        }

        var done: [IncidentID]
        var refused: [Refused]
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
