import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceServer
import TruceStore
import TruceTestSupport

@Suite("Reads answered again from the cache until the store changes")
struct ResponseCacheTests {
    static let page = "/api/v1/incidents?agreement=energy-moratorium-2025&from=2025-03-18&to=2025-03-31"

    @Test("the same read gives the same bytes; a write through the API is seen by the next read")
    func writeThroughTheServerIsSeen() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .analyst, in: store) { client in
            let first = try await client.get("/api/v1/incidents/srv-001")
            let again = try await client.get("/api/v1/incidents/srv-001")
            #expect(first.status == .ok && again.body == first.body)
            #expect(again.headers[.contentType] == first.headers[.contentType])
            let patch = #"{"description": "Corrected by the mission."}"#
            #expect(try await client.send(.patch, "/api/v1/incidents/srv-001", body: patch, as: "application/merge-patch+json").status == .ok)
            let after = try await client.get("/api/v1/incidents/srv-001")
            #expect((try after.object()["incident"] as? [String: Any])?["description"] as? String == "Corrected by the mission.")
        }
    }

    @Test("a write by another connection (an import on the command line while the server runs) is seen by the next read")
    func writeByAnotherConnectionIsSeen() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let before = try await client.get(Self.page).items().count
            #expect(try await client.get(Self.page).items().count == before)
            let other = try SQLiteStore(path: store.path)
            var generator = SeededGenerator(seed: 5)
            try ServerFixtures.importGenerated(count: 3, prefix: "cli", month: 3, days: 20...25, into: other, generator: &generator)
            #expect(try await client.get(Self.page).items().count == before + 3)
        }
    }

    @Test("an answer kept for one reader is not given to another who may read less")
    func readersAreKeptApart() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let viewer = try await client.send(.get, "/api/v1/incidents/srv-004", headers: accounts.bearer(.viewer))
            #expect(viewer.status == .ok)
            let monitor = try await client.send(.get, "/api/v1/incidents/srv-004", headers: accounts.bearer(.monitor))
            #expect(monitor.status == .notFound, "the monitor's scope does not reach Gaza")
            let list = try await client.send(.get, "/api/v1/incidents", headers: accounts.bearer(.viewer)).items().count
            let scoped = try await client.send(.get, "/api/v1/incidents", headers: accounts.bearer(.monitor)).items().count
            #expect(scoped < list)
        }
    }

    @Test("requests asking the same uncached read at once all get the route's answer, a 404 as much as a 200")
    func concurrentMissesShareOrRepeatTheAnswer() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            for path in ["/api/v1/incidents/srv-001/explanation", "/api/v1/incidents/none/explanation"] {
                let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            let response = try await client.get(path)
                            return (response.status, String(buffer: response.body))
                        }
                    }
                    return try await group.reduce(into: [(HTTPResponse.Status, String)]()) { $0.append($1) }
                }
                #expect(answers.count == 12)
                let statuses = Set(answers.map(\.0.code))
                #expect(statuses == [path.contains("none") ? 404 : 200], "\(path): \(statuses)")
                if !path.contains("none") { #expect(Set(answers.map(\.1)).count == 1, "one answer, byte for byte") }
            }
        }
    }
}
