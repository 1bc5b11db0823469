import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceServer
import TruceStore
import TruceTestSupport

/// Reviewers acting at once: their actions share transactions and adjudications in the server's write queue, yet
/// each is done or refused on its own, and every verdict follows.
@Suite("Review actions sent at once over HTTP")
struct ConcurrentReviewTests {
    @Test(
        "29 review actions at once: those on records another reviewer holds or on no record are refused alone, the rest done, verdicts follow each"
    )
    func actionsAtOnce() async throws {
        let store = try ServerFixtures.store()
        var generator = SeededGenerator(seed: 30)
        try ServerFixtures.importGenerated(count: 24, prefix: "cr", days: 20...31, into: store, generator: &generator)
        _ = try Adjudicating.run(store: store, all: false)
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let verified = (0..<24).map { "gen-cr-\($0)" }
        let held = Set(verified.prefix(4))
        let commented = ["srv-001", "srv-002", "srv-003", "srv-004"]
        let unknown = "srv-404"

        try await app.test(.live) { client in
            let port = try #require(client.port)
            for id in held.sorted() {
                #expect(try await ObservationReviewRouteTests.review(id, #"{"action": "take"}"#, as: .admin, accounts, client).status == .ok)
            }
            let requests =
                verified.map { ($0, #"{"action": "verify", "note": "seen on site"}"#) }
                + (commented + [unknown]).map { ($0, #"{"action": "comment", "note": "asked the monitor"}"#) }
            let answers = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status).self) { tasks in
                for (id, body) in requests {
                    tasks.addTask {
                        let own = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120)))
                        own.connect()
                        defer { Task { try? await own.shutdown() } }
                        var headers = accounts.bearer(.analyst)
                        headers[.contentType] = "application/json"
                        let answer = try await own.post("/api/v1/incidents/\(id)/review", headers: headers, body: ByteBuffer(string: body))
                        return (id, answer.head.status)
                    }
                }
                return try await tasks.reduce(into: [String: HTTPResponse.Status]()) { $0[$1.0] = $1.1 }
            }
            #expect(answers.count == 29)
            for (id, status) in answers {
                #expect(status == (held.contains(id) ? .conflict : id == unknown ? .notFound : .ok), "\(id): \(status)")
            }

            // Every verification done, and none refused, shows in the verdicts as soon as its answer came.
            let violations = try await client.get(
                "/api/v1/verdicts?by=record&agreement=energy-moratorium-2025&verdict=violation&limit=500", headers: accounts.bearer(.viewer)
            ).items()
            let levels = Dictionary(
                violations.compactMap { item in
                    ((item["verdict"] as? [String: Any])?["incident"] as? String).map { ($0, item["evidence"] as? String ?? "") }
                }, uniquingKeysWith: { first, _ in first })
            for id in verified {
                #expect((levels[id] == "verified") == !held.contains(id), "\(id): \(levels[id] ?? "no violation")")
            }
            for id in verified + commented {
                let history = try await client.get("/api/v1/incidents/\(id)/review", headers: accounts.bearer(.analyst)).object()["history"]
                let actions = (history as? [[String: Any]])?.map { $0["action"] as? String ?? "" }
                let expected = commented.contains(id) ? ["comment"] : held.contains(id) ? ["take"] : ["verify"]
                #expect(actions == expected, "\(id)")
            }
        }
    }
}
