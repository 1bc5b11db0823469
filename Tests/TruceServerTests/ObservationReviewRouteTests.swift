import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceIngest
import TruceServer
import TruceStore

/// The monitors' and reviewers' loop over HTTP: a photo and an observation sent, the photo read back as each role
/// may see it, the record taken, held against a second reviewer, verified, and its verdict moved at once.
@Suite("Observations, evidence and review over HTTP")
struct ObservationReviewRouteTests {
    static let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TruceIngestTests/Fixtures/evidence/photo-gps.jpg").standardized
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    /// A drone strike on a Kharkiv substation during the energy moratorium, blamed on Russia by local officials.
    static let body = #"""
        {"time": {"span": {"start": "2025-03-22T01:40:00Z", "end": "2025-03-22T01:50:00Z"}, "precision": "minute", "timeZone": "Europe/Kyiv"},
         "location": {"country": "UA", "admin1": "Kharkiv Oblast", "place": "Kharkiv", "coordinate": {"latitude": 49.98, "longitude": 36.25},
                      "precision": "locality"},
         "action": "drone_strike", "target": {"category": "energy", "subtype": "substation"},
         "perpetrator": {"party": "RU", "attributedBy": "Kharkiv city officials"}, "effects": {"injured": 1},
         "description": "Two drones hit the substation on the city's eastern edge; fire seen from the road."}
        """#

    static func observation(evidence: String) -> String {
        body.replacingOccurrences(
            of: #""action": "drone_strike""#, with: #""action": "drone_strike", "evidence": ["\#(evidence)"]"#)
    }

    @Test(
        "a monitor's photo is kept with its GPS for reviewers only; the same observation sent twice is one; a reviewer's lock stops another; verify moves the verdict"
    )
    func monitorToVerifiedVerdict() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let photo = Array(try Data(contentsOf: Self.photo))
        #expect(try PhotoMetadata.tags(in: photo, kind: .jpeg).contains(.gps))
        try await app.test(.router) { client in
            // The monitor sends the photo, then the observation naming it, twice (the second as an offline draft sent again).
            var headers = accounts.bearer(.monitor)
            headers[.contentType] = "image/jpeg"
            let sent = try await client.execute(uri: "/api/v1/evidence", method: .post, headers: headers, body: ByteBuffer(bytes: photo)) { $0 }
            #expect(sent.status == .created, "\(sent.text)")
            let kept = try sent.object()
            let sha256 = try #require(kept["sha256"] as? String)
            #expect(sha256 == EvidenceFiles.sha256(photo) && (kept["original_metadata"] as? [String])?.contains("gps") == true)
            var submit = accounts.bearer(.monitor)
            submit[.contentType] = "application/json"
            submit[Self.idempotencyKey] = "draft-2025-03-22-kharkiv"
            let body = ByteBuffer(string: Self.observation(evidence: sha256))
            let first = try await client.execute(uri: "/api/v1/observations", method: .post, headers: submit, body: body) { $0 }
            #expect(first.status == .created, "\(first.text)")
            let again = try await client.execute(uri: "/api/v1/observations", method: .post, headers: submit, body: body) { $0 }
            #expect(again.status == .ok)
            let id = try #require((try first.object()["incident"] as? [String: Any])?["id"] as? String)
            #expect(first.headers[.location] == "/api/v1/incidents/\(id)" && again.headers[.location] == first.headers[.location])

            // What each role is shown of the photo: the original to reviewers, the copy without metadata to others.
            let original = try await client.get("/api/v1/evidence/\(sha256)", headers: accounts.bearer(.analyst))
            #expect(original.status == .ok && Array(original.body.readableBytesView) == photo)
            for role in [Role.monitor, .viewer] {
                let shown = try await client.get("/api/v1/evidence/\(sha256)", headers: accounts.bearer(role))
                #expect(shown.status == .ok && shown.contentType == "image/jpeg" && shown.headers[.cacheControl] == "private, no-store")
                #expect(try !PhotoMetadata.tags(in: Array(shown.body.readableBytesView), kind: .jpeg).contains(.gps), "\(role)")
            }

            // The analyst takes it from the queue; the admin, a second reviewer, sees the lock and is refused.
            let queue = try await client.get("/api/v1/review/queue?dataset=observation", headers: accounts.bearer(.analyst)).items()
            #expect(queue.map { $0["incident"] as? String } == [id])
            let take = try await Self.review(id, #"{"action": "take"}"#, as: .analyst, accounts, client)
            let taken = try take.object()["status"] as? [String: Any]
            #expect(take.status == .ok && taken?["lock_holder"] as? String == "analyst")
            let seen = try await client.get("/api/v1/incidents/\(id)/review", headers: accounts.bearer(.admin)).object()
            #expect((seen["status"] as? [String: Any])?["lock_holder"] as? String == "analyst")
            let refused = try await Self.review(id, #"{"action": "take"}"#, as: .admin, accounts, client)
            #expect(refused.status == .conflict && refused.text.contains("analyst holds this record"))
            let verified = try await Self.review(
                id, #"{"action": "verify", "note": "the photo matches the substation"}"#, as: .analyst, accounts, client)
            #expect(verified.status == .ok, "\(verified.text)")

            // The verdict moved with it: the agreement's violations now show the incident as verified.
            let violations = try await client.get(
                "/api/v1/verdicts?by=record&agreement=energy-moratorium-2025&verdict=violation", headers: accounts.bearer(.viewer)
            ).items()
            let verdict = try #require(violations.first { ($0["verdict"] as? [String: Any])?["incident"] as? String == id })
            #expect(verdict["evidence"] as? String == "verified")
            let history =
                try await client.get("/api/v1/incidents/\(id)/review", headers: accounts.bearer(.analyst)).object()["history"] as? [[String: Any]]
            #expect(history?.map { $0["action"] as? String } == ["take", "verify"])
        }
    }

    @Test("refused requests: no key, a reused key, an unknown file, a file of another kind, a missing reason, a role without review")
    func refusals() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            var headers = accounts.bearer(.monitor)
            headers[.contentType] = "application/json"
            let body = Self.body
            let noKey = try await client.execute(uri: "/api/v1/observations", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
            #expect(noKey.status == .unprocessableContent && noKey.text.contains("Idempotency-Key"))
            headers[Self.idempotencyKey] = "k-1"
            _ = try await client.execute(uri: "/api/v1/observations", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
            let other = body.replacingOccurrences(of: "Two drones", with: "Three drones")
            let reused = try await client.execute(uri: "/api/v1/observations", method: .post, headers: headers, body: ByteBuffer(string: other)) {
                $0
            }
            #expect(reused.status == .conflict)
            headers[Self.idempotencyKey] = "k-2"
            let unknown = try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: headers,
                body: ByteBuffer(string: Self.observation(evidence: String(repeating: "0", count: 64)))
            ) { $0 }
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("evidence"))

            var photoHeaders = accounts.bearer(.monitor)
            photoHeaders[.contentType] = "image/png"
            let mislabelled = try await client.execute(
                uri: "/api/v1/evidence", method: .post, headers: photoHeaders, body: ByteBuffer(bytes: Array(try Data(contentsOf: Self.photo)))
            ) { $0 }
            #expect(mislabelled.status == .unprocessableContent)
            photoHeaders[.contentType] = "text/plain"
            let plain = try await client.execute(uri: "/api/v1/evidence", method: .post, headers: photoHeaders, body: ByteBuffer(string: "hello")) {
                $0
            }
            #expect(plain.status == .unsupportedMediaType)

            let queue = try await client.get("/api/v1/review/queue", headers: accounts.bearer(.analyst)).items()
            let id = try #require(queue.first?["incident"] as? String)
            let answer1 = try await Self.review(id, #"{"action": "reject"}"#, as: .analyst, accounts, client)
            #expect(answer1.status == .unprocessableContent)
            let answer2 = try await Self.review(id, #"{"action": "approve"}"#, as: .analyst, accounts, client)
            #expect(answer2.status == .unprocessableContent)
            let answer3 = try await Self.review(id, #"{"action": "take"}"#, as: .monitor, accounts, client)
            #expect(answer3.status == .forbidden)
            let answer4 = try await Self.review("none", #"{"action": "take"}"#, as: .analyst, accounts, client)
            #expect(answer4.status == .notFound)
            let answer5 = try await client.get("/api/v1/review/queue?state=done", headers: accounts.bearer(.analyst))
            #expect(answer5.status == .badRequest)
        }
    }

    static func review(
        _ id: String, _ json: String, as role: Role, _ accounts: TestAccounts, _ client: some TestClientProtocol
    ) async throws -> TestResponse {
        var headers = accounts.bearer(role)
        headers[.contentType] = "application/json"
        return try await client.execute(uri: "/api/v1/incidents/\(id)/review", method: .post, headers: headers, body: ByteBuffer(string: json)) { $0 }
    }
}
