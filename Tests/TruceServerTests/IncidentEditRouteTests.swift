import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TruceApp
import TruceServer
import TruceStore

@Suite("Incidents corrected over HTTP by merge patch")
struct IncidentEditRouteTests {
    static let mergePatch = "application/merge-patch+json"

    @Test("an analyst's patch is saved with the version it replaces in the history, audited, and judged again")
    func analystCorrectsAnIncident() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .analyst, in: store) { client in
            let violations = "/api/v1/verdicts?by=record&agreement=energy-moratorium-2025&verdict=violation"
            #expect(ImportRouteTests.incidents(judgedIn: try await client.get(violations).items()).contains("srv-001"))
            // The analyst finds the debris of a drone downed by Ukraine's air defence fell on houses, not on the substation.
            let patch =
                #"{"perpetrator": {"party": "UA", "attributedBy": "Mission analyst"}, "target": {"category": "civilian", "subtype": null, "name": null}, "#
                + #""description": "Debris of an intercepted drone."}"#
            let response = try await client.send(.patch, "/api/v1/incidents/srv-001", body: patch, as: Self.mergePatch)
            #expect(response.status == .ok, "\(response.text)")
            let body = try response.object()
            let incident = try #require(body["incident"] as? [String: Any])
            #expect((incident["perpetrator"] as? [String: Any])?["party"] as? String == "UA")
            #expect(incident["description"] as? String == "Debris of an intercepted drone.")
            #expect((body["history"] as? [[String: Any]])?.count == 1)
            #expect(!ImportRouteTests.incidents(judgedIn: try await client.get(violations).items()).contains("srv-001"), "judged again")
        }
        let entries = try ServerFixtures.apiAuditEntries(in: store).filter { $0.recordKind == "incident" }
        #expect(entries.count == 1 && entries.first?.actor == "analyst" && entries.first?.action == "PATCH /api/v1/incidents/{id}")
        #expect(entries.first?.before?.contains(#""party":"RU""#) == true && entries.first?.after?.contains(#""party":"UA""#) == true)
    }

    @Test("a patch with an error is a 422 naming the field; another media type a 415; an unknown id a 404; nothing stored")
    func refusedPatches() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .analyst, in: store) { client in
            let sources = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"sources": []}"#, as: Self.mergePatch)
            #expect(sources.status == .unprocessableContent)
            let errors = try #require(try sources.object()["errors"] as? [[String: Any]])
            #expect(errors.first?["field"] as? String == "sources")
            let wrongType = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"acts": "many"}"#, as: "application/json")
            #expect(wrongType.status == .unprocessableContent)
            let plain = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"acts": 2}"#, as: "text/plain")
            #expect(plain.status == .unsupportedMediaType)
            let unknown = try await client.send(.patch, "/api/v1/incidents/none", body: #"{"acts": 2}"#, as: Self.mergePatch)
            #expect(unknown.status == .notFound)
        }
        #expect(try store.history(of: "srv-001").isEmpty)
        #expect(try ServerFixtures.apiAuditEntries(in: store).isEmpty)
    }

    @Test("a monitor may not edit incidents (403), nor may an anonymous request (401)")
    func onlyEditorsEdit() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .monitor, in: store) { client in
            let response = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"acts": 2}"#, as: Self.mergePatch)
            #expect(response.status == .forbidden)
        }
        try await app.test(.router) { client in
            let response = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"acts": 2}"#, as: Self.mergePatch)
            #expect(response.status == .unauthorized)
        }
        #expect(try store.history(of: "srv-001").isEmpty)
    }

    @Test("an analyst limited to one agreement edits the incidents it covers and is told nothing of the others (404)")
    func scopedAnalyst() async throws {
        let store = try ServerFixtures.store()
        let author = ChangeAuthor.commandLine(osUser: "test")
        _ = try Accounts(store: store, policy: PasswordPolicy(bcryptCost: TestAccounts.bcryptCost)).add(
            NewAccount(name: "kharkiv-analyst", role: .analyst, password: TestAccounts.password, agreementScope: [TestAccounts.monitorScope]),
            by: author)
        let secret = try Tokens(store: store).create(for: "kharkiv-analyst", label: "tests", expiresInDays: 1, by: author).secret
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let client = SignedInClient(base: client, authorization: "Bearer \(secret)")
            let inScope = try await client.send(.patch, "/api/v1/incidents/srv-001", body: #"{"acts": 2}"#, as: Self.mergePatch)
            #expect(inScope.status == .ok, "\(inScope.text)")
            let outside = try await client.send(.patch, "/api/v1/incidents/srv-004", body: #"{"acts": 2}"#, as: Self.mergePatch)
            #expect(outside.status == .notFound)
        }
        #expect(try store.history(of: "srv-004").isEmpty)
    }
}
