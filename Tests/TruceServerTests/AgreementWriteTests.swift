import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore

@Suite("Agreements are written from YAML, status events added, each write audited")
struct AgreementWriteTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/kharkiv-energy-pause.yaml")

    static func yaml() throws -> String { try String(contentsOf: fixture, encoding: .utf8) }

    @Test("a valid agreement is created (201, Location), read back, audited once with the request id, and a second POST is a 409")
    func createAgreement() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let created = try await client.send(.post, "/api/v1/agreements", body: try Self.yaml(), as: "application/yaml")
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/api/v1/agreements/kharkiv-energy-pause")
            #expect(try created.object()["id"] as? String == "kharkiv-energy-pause")
            #expect(try await client.get("/api/v1/agreements/kharkiv-energy-pause").status == .ok)
            let again = try await client.send(.post, "/api/v1/agreements", body: try Self.yaml(), as: "text/yaml")
            #expect(again.status == .conflict)
            let requestID = try #require(created.headers[HTTPField.Name("X-Request-ID")!])
            let entries = try AuditTrail(store: store).list().filter { $0.recordID == "kharkiv-energy-pause" }
            #expect(entries.count == 1)
            #expect(entries.first?.action == "POST /api/v1/agreements" && entries.first?.actor == "admin" && entries.first?.before == nil)
            #expect(entries.first?.requestID == requestID)
        }
    }

    @Test("an agreement with errors is a 422 listing every error with its line and field, and nothing is stored")
    func yamlErrorsWithLineAndField() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        let broken = try Self.yaml().replacingOccurrences(of: "kind: partial", with: "kind: partly").replacingOccurrences(
            of: "  end: 2025-03-31T00:00", with: "  end: 2025-03-32")
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let before = try await client.get("/api/v1/agreements").items().count
            let response = try await client.send(.post, "/api/v1/agreements", body: broken, as: "application/yaml")
            #expect(response.status == .unprocessableContent)
            #expect(response.contentType == "application/problem+json")
            let problem = try response.object()
            #expect(problem["type"] as? String == "/problems/invalid-content")
            let errors = try #require(problem["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["field"] as? String == "kind" && $0["line"] as? Int == 3 }, "\(errors)")
            #expect(errors.contains { $0["field"] as? String == "window.end" && $0["line"] as? Int == 14 }, "\(errors)")
            #expect(try await client.get("/api/v1/agreements").items().count == before)
            #expect(try ServerFixtures.apiAuditEntries(in: store).isEmpty)
        }
    }

    @Test("PUT whose path names another id than the body's is a 422 on the field id, and nothing is stored")
    func putIDMismatch() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let response = try await client.send(.put, "/api/v1/agreements/another-pause", body: try Self.yaml(), as: "application/yaml")
            #expect(response.status == .unprocessableContent)
            let errors = try #require(try response.object()["errors"] as? [[String: Any]])
            #expect(errors.count == 1 && errors[0]["field"] as? String == "id" && errors[0]["line"] as? Int == 1)
            #expect(try await client.get("/api/v1/agreements/another-pause").status == .notFound)
            #expect(try await client.get("/api/v1/agreements/kharkiv-energy-pause").status == .notFound)
        }
    }

    @Test("PUT creates (201) then replaces (200) with the content before and after in the audit trail; an unchanged PUT writes no entry")
    func putReplaces() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let path = "/api/v1/agreements/kharkiv-energy-pause"
            #expect(try await client.send(.put, path, body: try Self.yaml(), as: "application/yaml").status == .created)
            let renamed = try Self.yaml().replacingOccurrences(of: "(test fixture)", with: "(renamed)")
            let replaced = try await client.send(.put, path, body: renamed, as: "application/yaml")
            let title = try replaced.object()["title"] as? String
            #expect(replaced.status == .ok && title?.hasSuffix("(renamed)") == true)
            #expect(try await client.send(.put, path, body: renamed, as: "application/yaml").status == .ok)
            let entries = try ServerFixtures.apiAuditEntries(in: store)
            #expect(entries.count == 2)
            #expect(entries.last?.before?.contains("(test fixture)") == true && entries.last?.after?.contains("(renamed)") == true)
        }
    }

    @Test("a status event is added in time order with its source and audited; one naming an unknown party is a 422 on party")
    func statusEvents() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            _ = try await client.send(.post, "/api/v1/agreements", body: try Self.yaml(), as: "application/yaml")
            let path = "/api/v1/agreements/kharkiv-energy-pause/status-events"
            let event = #"{"at": "2025-03-25", "status": "suspended", "party": "RU", "source": {"url": "https://example.org/suspended"}}"#
            let added = try await client.send(.post, path, body: event, as: "application/json")
            #expect(added.status == .created, "\(added.text)")
            let earlier = "at: 2025-03-17\nstatus: proposed\nsource:\n  url: https://example.org/proposed\n"
            #expect(try await client.send(.post, path, body: earlier, as: "application/yaml").status == .created)
            let stored = try #require(try store.agreement(id: "kharkiv-energy-pause"))
            #expect(stored.statusHistory.map(\.status.rawValue) == ["proposed", "in_force", "suspended"])
            #expect(stored.statusHistory.last?.source?.url == "https://example.org/suspended" && stored.statusHistory.last?.party == "RU")

            let unknown = try await client.send(.post, path, body: "at: 2025-03-26\nstatus: suspended\nparty: XX\n", as: "application/yaml")
            #expect(unknown.status == .unprocessableContent)
            let errors = try #require(try unknown.object()["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["field"] as? String == "party" && $0["line"] as? Int == 3 }, "\(errors)")
            #expect(try await client.send(.post, "/api/v1/agreements/nothing/status-events", body: event, as: "application/json").status == .notFound)
            let actions = try AuditTrail(store: store).list().map(\.action)
            #expect(actions.filter { $0 == "POST /api/v1/agreements/{id}/status-events" }.count == 2)
        }
    }

    @Test("writes need a principal whose role allows them: 401 anonymously, 403 for a viewer, 415 for another media type")
    func writeAccess() async throws {
        let store = try ServerFixtures.store()
        let viewer = try ServerFixtures.authorization(as: .viewer, in: store)
        for (authorization, status) in [(String?.none, 401), (viewer, 403)] {
            let app = try ServerFixtures.application(store: store)
            try await app.test(.router) { client in
                let client: any TestClientProtocol = authorization.map { SignedInClient(base: client, authorization: $0) } ?? client
                let response = try await client.send(.post, "/api/v1/agreements", body: try Self.yaml(), as: "application/yaml")
                #expect(Int(response.status.code) == status)
                #expect(try await client.send(.post, "/api/v1/adjudications", body: "", as: "text/plain").status.code == status)
            }
        }
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let response = try await client.send(.post, "/api/v1/agreements", body: try Self.yaml(), as: "text/plain")
            #expect(response.status == .unsupportedMediaType)
        }
        #expect(try store.agreement(id: "kharkiv-energy-pause") == nil)
    }
}
