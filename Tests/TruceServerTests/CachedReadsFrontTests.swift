import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore
import TruceTestSupport

@Suite("Anonymous reads answered from the cache before routing")
struct CachedReadsFrontTests {
    static let requestID = HTTPField.Name("X-Request-ID")!

    @Test("an anonymous read kept in the cache is answered again with its own request id, its log line and its count in the metrics")
    func keptAnswerCarriesWhatTheChainAdds() async throws {
        let logs = LogRecorder()
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), logs: logs)
        try await app.test(.router) { (client) async throws in
            let route = #"hb_requests{http_route="/api/v1/agreements/{id}",http_request_method="GET",http_response_status_code="200"}"#
            let before = try await Self.count(route, in: client.get("/metrics").text)
            let first = try await client.send(.get, "/api/v1/agreements/energy-moratorium-2025", headers: [Self.requestID: "front-1"])
            let again = try await client.send(.get, "/api/v1/agreements/energy-moratorium-2025", headers: [Self.requestID: "front-2"])
            let made = try await client.get("/api/v1/agreements/energy-moratorium-2025")
            #expect(first.status == .ok && again.status == .ok && again.body == first.body && made.body == first.body)
            #expect(first.headers[Self.requestID] == "front-1" && again.headers[Self.requestID] == "front-2")
            #expect(made.headers[Self.requestID].map { $0.count == 32 } == true, "a made-up id when the client sends none")
            #expect(again.headers[.contentType] == first.headers[.contentType])
            let after = try await Self.count(route, in: client.get("/metrics").text)
            #expect(after >= before + 3, "every answer counted under the route's template: \(before) -> \(after)")
            let logged = logs.recorded.filter { $0.message == "Request" }.compactMap { $0.metadata["request_id"]?.description }
            #expect(logged.contains("front-1") && logged.contains("front-2"), "\(logged)")
        }
    }

    @Test("a request with a token or a session cookie is never given the answer kept for anonymous readers")
    func credentialsTakeTheChain() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let configuration = ServerFixtures.accountsConfiguration { $0.publicAccess = .agreementsAndVerdicts(minimumEvidence: .corroborated) }
        let app = try ServerFixtures.application(store: store, configuration: configuration)
        try await app.test(.router) { (client) async throws in
            let path = "/api/v1/verdicts?by=record"
            let anonymous = try await client.get(path).items().count
            #expect(try await client.get(path).items().count == anonymous)
            let viewer = try await client.send(.get, path, headers: accounts.bearer(.viewer))
            #expect(try viewer.items().count > anonymous, "the viewer reads single-claim verdicts too")
            let badToken = try await client.send(.get, path, headers: [.authorization: "Bearer nothing-like-a-token"])
            #expect(badToken.status == .unauthorized)
            let badSession = try await client.send(.get, path, headers: [.cookie: "truce_session=nothing-like-a-session"])
            #expect(badSession.status == .ok)
            #expect(try badSession.items().count == anonymous)
        }
    }

    @Test("with public access off, a page another reader had kept is not given to anonymous requests")
    func publicAccessOffIsNeverBypassed() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration { $0.publicAccess = .off })
        try await app.test(.router) { (client) async throws in
            #expect(try await client.send(.get, "/api/v1/agreements", headers: accounts.bearer(.viewer)).status == .ok)
            #expect(try await client.get("/api/v1/agreements").status == .unauthorized)
        }
    }

    @Test("a read with a body goes through the chain and its limits")
    func bodyTakesTheChain() async throws {
        let configuration = ServerFixtures.configuration { $0.maxRequestBodyBytes = 16 }
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), configuration: configuration)
        try await app.test(.router) { (client) async throws in
            #expect(try await client.get("/api/v1/agreements").status == .ok)
            let body = ByteBuffer(string: String(repeating: "x", count: 64))
            #expect(try await client.execute(uri: "/api/v1/agreements", method: .get, body: body).status == .contentTooLarge)
        }
    }

    /// The value of the Prometheus sample `name{labels}` in `text`, 0 when absent.
    static func count(_ sample: String, in text: String) -> Int {
        text.split(separator: "\n").first { $0.hasPrefix(sample + " ") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }
}
