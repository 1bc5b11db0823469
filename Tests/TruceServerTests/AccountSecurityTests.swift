import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore

/// Sessions, CSRF, tokens, disabling, throttling and hostile input, over HTTP.
@Suite("Accounts over HTTP: sessions, CSRF, tokens and limits")
struct AccountSecurityTests {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    @Test("a session's write without its CSRF token, or with another, is a 403 csrf problem and changes nothing; with it, it is done")
    func csrfMissingOrWrong() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let session = try await TestSession.signIn(client, name: "viewer")
            let body = #"{"label":"from the browser"}"#
            let missing = try await client.send(.post, "/api/v1/tokens", json: body, headers: session.headers(csrf: false))
            #expect(try missing.status == .forbidden && (try missing.object()["type"] as? String) == "/problems/csrf")
            var wrong = session.headers(csrf: false)
            wrong[Self.csrfHeader] = Secrets.make()
            let mismatched = try await client.send(.post, "/api/v1/tokens", json: body, headers: wrong)
            #expect(try mismatched.status == .forbidden && (try mismatched.object()["type"] as? String) == "/problems/csrf")
            #expect(try Tokens(store: store).list(user: "viewer").count == 1, "only the token the fixture made")
            let right = try await client.send(.post, "/api/v1/tokens", json: body, headers: session.headers())
            #expect(right.status == .created)
            let signOutWithout = try await client.send(.delete, "/api/v1/session", headers: session.headers(csrf: false))
            #expect(signOutWithout.status == .forbidden, "signing out is a write too")
        }
    }

    @Test("signing in gives a new session id every time and ends the session the browser came with")
    func sessionFixation() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let first = try await TestSession.signIn(client, name: "viewer")
            let second = try await TestSession.signIn(client, name: "analyst", headers: first.headers(csrf: false))
            #expect(first.sessionID != second.sessionID && first.csrfToken != second.csrfToken)
            #expect(try await client.get("/api/v1/session", headers: first.headers(csrf: false)).status == .unauthorized)
            let now = try await client.get("/api/v1/session", headers: second.headers(csrf: false))
            #expect(try now.status == .ok && ((try now.object()["user"] as? [String: Any])?["name"] as? String) == "analyst")
        }
    }

    @Test("the session cookie is HttpOnly, SameSite=Strict, on the whole site, and Secure when configured")
    func cookieAttributes() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration { $0.secureCookies = true })
        try await app.test(.router) { client in
            let body = #"{"name":"viewer","password":"\#(TestAccounts.password)"}"#
            let cookie = try #require(try await client.send(.post, "/api/v1/session", json: body).headers[.setCookie])
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Secure"] { #expect(cookie.contains(attribute), "\(cookie)") }
        }
    }

    @Test("disabling a user stops their session and their token at the next request")
    func disablingStopsSessionAndToken() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration { $0.publicAccess = .off })
        try await app.test(.router) { client in
            let session = try await TestSession.signIn(client, name: "analyst")
            #expect(try await client.get("/api/v1/incidents", headers: session.headers()).status == .ok)
            #expect(try await client.get("/api/v1/incidents", headers: accounts.bearer(.analyst)).status == .ok)
            let disabled = try await client.send(.patch, "/api/v1/users/analyst", json: #"{"disabled":true}"#, headers: accounts.bearer(.admin))
            #expect(try disabled.status == .ok && (try disabled.object()["disabled"] as? Bool) == true)
            #expect(try await client.get("/api/v1/incidents", headers: session.headers()).status == .unauthorized)
            #expect(try await client.get("/api/v1/incidents", headers: accounts.bearer(.analyst)).status == .unauthorized)
            let entries = try AuditTrail(store: store).list(AuditQuery(action: "users.disable"))
            #expect(entries.count == 1 && entries.first?.actor == "admin" && entries.first?.requestID?.isEmpty == false)
        }
    }

    @Test("a token's secret is in the 201 that creates it and never again: lists show no secret, and the token works")
    func tokenShownOnce() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let created = try await client.send(.post, "/api/v1/tokens", json: #"{"label":"nightly"}"#, headers: accounts.bearer(.viewer))
            #expect(created.status == .created)
            let secret = try #require(try created.object()["secret"] as? String)
            #expect(secret.hasPrefix(Secrets.tokenPrefix))
            let mine = try await client.get("/api/v1/tokens", headers: accounts.bearer(.viewer))
            let everyone = try await client.get("/api/v1/tokens", headers: accounts.bearer(.admin))
            for list in [mine, everyone] {
                #expect(list.status == .ok && !list.text.contains(secret) && !list.text.contains("secret"), "\(list.text)")
            }
            #expect(try mine.items().allSatisfy { $0["user"] as? String == "viewer" })
            let whoAmI = try await client.get("/api/v1/session", headers: [.authorization: "Bearer \(secret)"])
            #expect(try whoAmI.status == .ok && (try whoAmI.object()["credential"] as? String) == "token")
        }
    }

    @Test("password hashes, token digests, passwords and secrets appear in no response body and no log line")
    func noHashesInResponsesOrLogs() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let logs = LogRecorder()
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration(), logs: logs)
        let newPassword = "another long passphrase"
        let (bodies, secrets) = try await app.test(.router) { client in
            var bodies: [String] = []
            let admin = accounts.bearer(.admin)
            let session = try await TestSession.signIn(client, name: "viewer")
            let added = try await client.send(
                .post, "/api/v1/users", json: #"{"name":"amina","role":"analyst","password":"\#(newPassword)"}"#, headers: admin)
            let created = try await client.send(.post, "/api/v1/tokens", json: #"{"user":"amina"}"#, headers: admin)
            let secret = try #require(try created.object()["secret"] as? String)
            let failed = try await client.send(.post, "/api/v1/session", json: #"{"name":"amina","password":"wrong password!!"}"#)
            #expect(failed.status == .unauthorized)
            let changed = try await client.send(.patch, "/api/v1/users/amina", json: #"{"password":"yet another passphrase"}"#, headers: admin)
            bodies += [added.text, changed.text, failed.text]
            for path in ["/api/v1/users", "/api/v1/tokens", "/api/v1/audit", "/api/v1/audit?kind=user", "/api/v1/session"] {
                bodies.append(try await client.get(path, headers: admin).text)
                bodies.append(try await client.get(path, headers: session.headers()).text)
            }
            return (bodies, [secret])
        }
        let hashes = try store.users().map(\.passwordHash)
        let digests = try store.tokens(userID: nil).flatMap { [$0.secretDigest.base64EncodedString(), Self.hex($0.secretDigest)] }
        let logText = logs.recorded.map { "\($0.message) \($0.metadata)" }
        #expect(!logText.isEmpty)
        for haystack in bodies + logText {
            for needle in hashes + digests + [TestAccounts.password, newPassword, "yet another passphrase", "$2b$", "$2a$"] {
                #expect(!haystack.contains(needle), "\(needle.prefix(8))… in \(haystack.prefix(200))")
            }
        }
        for line in logText {
            for secret in secrets + accounts.tokens.values { #expect(!line.contains(secret), "a token's secret is logged") }
        }
    }

    @Test("SQL-looking and oversized inputs are 4xx problems and store nothing")
    func hostileInputs() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let before = try store.users().count
        let auditBefore = try AuditTrail(store: store).list().count
        try await app.test(.router) { client in
            let admin = accounts.bearer(.admin)
            let password = TestAccounts.password
            let long = String(repeating: "a", count: 5_000)
            let manyAgreements = Array(repeating: "\"a\"", count: 201).joined(separator: ",")
            let bodies = [
                #"{"name":"x'; DROP TABLE user; --","role":"viewer","password":"\#(password)"}"#,
                #"{"name":"\#(long)","role":"viewer","password":"\#(password)"}"#,
                #"{"name":"robert","role":"viewer' OR '1'='1","password":"\#(password)"}"#,
                #"{"name":"robert","role":"viewer","password":"\#(String(repeating: "p", count: 200))"}"#,
                #"{"name":"robert","role":"viewer","password":"\#(password)","scope":["\#(long)"]}"#,
                #"{"name":"robert","role":"viewer","password":"\#(password)","scope":[\#(manyAgreements)]}"#,
                #"{"name":"robert","role":"viewer"}"#,
                "not json at all",
                #"{"name":"robert","role":"viewer","password":"\#(password)","pad":"\#(String(repeating: "x", count: 20_000))"}"#,
            ]
            for body in bodies {
                let response = try await client.send(.post, "/api/v1/users", json: body, headers: admin)
                #expect((400..<500).contains(response.status.code), "\(response.status) for \(body.prefix(60))")
                #expect(response.contentType == "application/problem+json" && !response.text.contains("DROP"))
            }
            let tokenLabel = try await client.send(.post, "/api/v1/tokens", json: #"{"label":"\#(long)"}"#, headers: admin)
            #expect(tokenLabel.status == .badRequest)
            let login = try await client.send(.post, "/api/v1/session", json: #"{"name":"admin' --","password":"' OR 1=1 --"}"#)
            #expect(login.status == .unauthorized)
            let patch = try await client.send(.patch, "/api/v1/users/target", json: #"{"role":"root"}"#, headers: admin)
            #expect(patch.status == .badRequest)
        }
        #expect(try store.users().count == before)
        #expect(try AuditTrail(store: store).list().count == auditBefore, "nothing written, nothing audited")
    }

    @Test("too many failed sign-ins for an account, or from an address, are a 429 with Retry-After, the password unchecked")
    func throttled() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let configuration = ServerFixtures.accountsConfiguration {
            $0.loginFailuresPerAccount = 2
            $0.loginFailuresPerAddress = 4
        }
        let app = try ServerFixtures.application(store: store, configuration: configuration)
        try await app.test(.router) { client in
            let wrong = #"{"name":"viewer","password":"not the password"}"#
            for _ in 0..<2 { #expect(try await client.send(.post, "/api/v1/session", json: wrong).status == .unauthorized) }
            let refused = try await client.send(.post, "/api/v1/session", json: #"{"name":"viewer","password":"\#(TestAccounts.password)"}"#)
            #expect(try refused.status == .tooManyRequests && (try refused.object()["type"] as? String) == "/problems/too-many-requests")
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect(retryAfter >= 1 && retryAfter <= 900)
            for name in ["admin", "analyst"] {
                _ = try await client.send(.post, "/api/v1/session", json: #"{"name":"\#(name)","password":"not the password"}"#)
            }
            let byAddress = try await client.send(.post, "/api/v1/session", json: #"{"name":"monitor","password":"\#(TestAccounts.password)"}"#)
            #expect(byAddress.status == .tooManyRequests && byAddress.headers[.retryAfter] != nil, "four failures from one address")
        }
    }

    @Test("a wrong name and a wrong password are the same 401, saying neither")
    func badCredentialsSayNothing() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let unknown = try await client.send(.post, "/api/v1/session", json: #"{"name":"nobody","password":"whatever it is"}"#)
            let wrong = try await client.send(.post, "/api/v1/session", json: #"{"name":"viewer","password":"whatever it is"}"#)
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(try unknown.object()["detail"] as? String == wrong.object()["detail"] as? String)
        }
    }

    @Test("with public access at an evidence level, anonymous requests read agreements and the verdicts at or above it, and no incidents")
    func publicAccessAtALevel() async throws {
        let store = try ServerFixtures.store()
        let configuration = ServerFixtures.accountsConfiguration { $0.publicAccess = .agreementsAndVerdicts(minimumEvidence: .corroborated) }
        let app = try ServerFixtures.application(store: store, configuration: configuration)
        try await app.test(.router) { client in
            #expect(try await client.get("/api/v1/agreements").status == .ok)
            #expect(try await client.get("/api/v1/incidents").status == .unauthorized)
            #expect(try await client.get("/api/v1/exports?kind=verdicts").status == .unauthorized)
            let levels = try await client.get("/api/v1/verdicts?by=record").items().compactMap { $0["evidence"] as? String }
            #expect(levels.allSatisfy { ($0 == "corroborated" || $0 == "verified") }, "\(levels)")
            let all = try await client.get("/api/v1/verdicts?by=record&evidence=single_claim").items()
            #expect(all.isEmpty, "single-claim verdicts stay hidden")
        }
    }

    @Test("public_access takes on, off or an evidence level")
    func publicAccessSetting() throws {
        let read = { (text: String) in try ConfigurationSources(environment: ["TRUCE_PUBLIC_ACCESS": text]).configuration().publicAccess }
        let off = try read("off")
        let on = try read("on")
        let verified = try read("verified")
        #expect(off == .off && on == .on && verified == .agreementsAndVerdicts(minimumEvidence: .verified))
        #expect(throws: ConfigurationError.self) { try read("everyone") }
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
}
