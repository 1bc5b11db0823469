import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TruceApp
import TruceServer
import TruceStore

@Suite("Problems: RFC 9457 details with a stable type, never a trace, SQL or path")
struct ProblemTests {
    /// The problem a response holds, checked for the fields every problem has.
    static func problem(_ response: TestResponse, status: Int, type: String, path: String) throws -> [String: Any] {
        #expect(response.status.code == status, "\(response.text)")
        #expect(response.contentType == "application/problem+json")
        let body = try response.object()
        #expect(body["type"] as? String == type, "\(body)")
        #expect(body["status"] as? Int == status && body["title"] is String && body["detail"] is String)
        #expect(body["instance"] as? String == path)
        #expect(body["request_id"] as? String == response.headers[HTTPField.Name("X-Request-ID")!])
        return body
    }

    @Test("an unknown id is a 404 not-found problem")
    func unknownID() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            for path in ["/api/v1/incidents/nope", "/api/v1/agreements/nope", "/api/v1/incidents/nope/explanation", "/api/v1/agreements/nope/report"]
            {
                _ = try Self.problem(try await client.get(path), status: 404, type: "/problems/not-found", path: path)
            }
            let filter = try Self.problem(
                try await client.get("/api/v1/verdicts?agreement=nope"), status: 404, type: "/problems/not-found", path: "/api/v1/verdicts")
            #expect((filter["detail"] as? String)?.contains("nope") == true)
        }
    }

    @Test("a bad parameter is a 400 invalid-parameter problem naming the parameter")
    func badParameter() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let cases = [
                ("limit=0", "limit"), ("limit=100000", "limit"), ("from=2025-02-30", "from"), ("to=yesterday", "to"), ("category=bakery", "category"),
                ("bbox=1,2,3", "bbox"), ("bbox=0,50,10,40", "bbox"), ("cursor=%%%", "cursor"), ("format=xml", "format"), ("country=UKR", "country"),
                ("party=", "party"),
            ]
            for (query, parameter) in cases {
                let body = try Self.problem(
                    try await client.get("/api/v1/incidents?\(query)"), status: 400, type: "/problems/invalid-parameter", path: "/api/v1/incidents")
                #expect(body["parameter"] as? String == parameter, "\(query): \(body)")
                #expect((body["detail"] as? String)?.hasPrefix("\(parameter):") == true)
            }
            let missing = try Self.problem(
                try await client.get("/api/v1/exports"), status: 400, type: "/problems/invalid-parameter", path: "/api/v1/exports")
            #expect(missing["parameter"] as? String == "kind")
            let unit = try Self.problem(
                try await client.get("/api/v1/verdicts?by=day"), status: 400, type: "/problems/invalid-parameter", path: "/api/v1/verdicts")
            #expect(unit["parameter"] as? String == "by")
        }
    }

    @Test("an unknown route is a 404 problem")
    func unknownRoute() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            _ = try Self.problem(try await client.get("/api/v2/nothing"), status: 404, type: "/problems/not-found", path: "/api/v2/nothing")
        }
    }

    @Test("a method other than GET on a path of the document is a 405 problem allowing GET; elsewhere a 404")
    func methodNotAllowed() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            for (method, path) in [
                (HTTPRequest.Method.post, "/api/v1/incidents"), (.delete, "/api/v1/incidents/srv-001/explanation"), (.put, "/healthz"),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: [:], body: nil) { $0 }
                _ = try Self.problem(response, status: 405, type: "/problems/method-not-allowed", path: path)
                #expect(response.headers[.allow] == "GET")
            }
            let elsewhere = try await client.execute(uri: "/api/v1/nothing", method: .post, headers: [:], body: nil) { $0 }
            #expect(elsewhere.status == .notFound)
        }
    }

    @Test("an SQL-looking parameter is a value like any other: a 200 that matches nothing, or a 400 that does not echo it")
    func sqlLookingParameter() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let injected = "RU'%20OR%201=1;%20DROP%20TABLE%20incident;--"
            let listed = try await client.get("/api/v1/incidents?party=\(injected)")
            #expect(try listed.status == .ok && (listed.items().isEmpty))
            let refused = try Self.problem(
                try await client.get("/api/v1/incidents?limit=1;DROP%20TABLE%20incident"), status: 400, type: "/problems/invalid-parameter",
                path: "/api/v1/incidents")
            #expect(!"\(refused)".contains("DROP"))
            #expect(try await client.get("/api/v1/incidents").items().count == 4, "nothing was dropped")
        }
    }

    @Test("a store error is a problem whose detail says nothing of SQL, tables or paths")
    func storeError() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        // Another connection takes the incident table away under the server.
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { try $0.execute(sql: "ALTER TABLE incident RENAME TO incident_gone") }
        try await app.test(.router) { client in
            let response = try await client.get("/api/v1/incidents")
            #expect(response.status.code >= 500, "\(response.text)")
            #expect(response.contentType == "application/problem+json")
            let body = try response.object()
            #expect(["/problems/store-unavailable", "/problems/internal"].contains(body["type"] as? String ?? ""))
            for leak in ["SELECT", "incident_gone", "no such table", store.path, ".sqlite", "Error", "at /"] {
                #expect(!response.text.contains(leak), "the response names \(leak): \(response.text)")
            }
        }
    }

    @Test("a request id is echoed when sane, and made up when absent or not sane")
    func requestID() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        let header = HTTPField.Name("X-Request-ID")!
        try await app.test(.router) { client in
            let echoed = try await client.get("/healthz", headers: [header: "abc-123.DEF:9_x"])
            #expect(echoed.headers[header] == "abc-123.DEF:9_x")
            let made = try await client.get("/healthz")
            #expect(made.headers[header]?.count == 32)
            let insane = try await client.get("/healthz", headers: [header: "<script>" + String(repeating: "x", count: 200)])
            let replaced = try #require(insane.headers[header])
            #expect(replaced.count == 32 && !replaced.contains("<"))
            let problem = try await client.get("/api/v1/incidents/nope", headers: [header: "trace-42"])
            #expect(try problem.headers[header] == "trace-42" && (problem.object()["request_id"] as? String) == "trace-42")
        }
    }

    @Test("with public access off, the API answers 401 without a principal; health and the contract stay open")
    func publicAccessOff() async throws {
        let configuration = ServerFixtures.configuration { $0.publicAccess = .off }
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), configuration: configuration)
        try await app.test(.router) { client in
            _ = try Self.problem(try await client.get("/api/v1/incidents"), status: 401, type: "/problems/unauthorized", path: "/api/v1/incidents")
            #expect(try await client.get("/healthz").status == .ok)
            #expect(try await client.get("/api/v1/openapi.json").status == .ok)
        }
    }

    @Test("a declared body over the limit is a 413 payload-too-large problem")
    func bodyTooLarge() async throws {
        let configuration = ServerFixtures.configuration { $0.maxRequestBodyBytes = 16 }
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), configuration: configuration)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/incidents", method: .get, headers: [.contentLength: "64"], body: ByteBuffer(string: String(repeating: "x", count: 64))
            ) { $0 }
            _ = try Self.problem(response, status: 413, type: "/problems/payload-too-large", path: "/api/v1/incidents")
        }
    }
}
