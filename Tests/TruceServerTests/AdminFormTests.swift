import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceServer
import TruceStore

/// The admin page used from a browser session: users added and changed, a token created (its secret shown once)
/// and revoked, each through the form with the session's CSRF token, with a refusal said on the page.
@Suite("The admin page: users and API tokens")
struct AdminFormTests {
    @Test("an admin adds a monitor and an analyst, changes the monitor's scope, creates and revokes a token; a form without the token is refused")
    func usersAndTokens() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let password = TestAccounts.password.replacingOccurrences(of: " ", with: "+")
        try await app.test(.router) { client in
            let signedIn = try await DashboardFormTests.post("/signin", "name=admin&password=\(password)&next=%2Fadmin", cookie: nil, client)
            let cookies = DashboardFormTests.cookies(signedIn)
            let csrf = try #require(cookies["truce_csrf"])
            let cookie = "truce_session=\(cookies["truce_session"] ?? ""); truce_csrf=\(csrf)"
            let page = try await client.get("/admin?lang=uk", headers: [.cookie: cookie])
            #expect(page.status == .ok && page.text.contains("Користувачі") && page.text.contains("data-user=\"monitor\""))

            let forged = try await DashboardFormTests.post("/admin/users", "name=field-7&role=monitor&password=\(password)", cookie: cookie, client)
            #expect(forged.status == .forbidden)
            for (name, role) in [("field-7", "monitor"), ("desk-2", "analyst")] {
                let added = try await DashboardFormTests.post(
                    "/admin/users", "csrf=\(csrf)&name=\(name)&role=\(role)&password=\(password)&scope=", cookie: cookie, client)
                #expect(added.status == .ok && added.text.contains("data-user=\"\(name)\"") && added.text.contains("User added"), "\(name)")
            }
            #expect(try store.user(named: "field-7")?.role == .monitor && store.user(named: "desk-2")?.role == .analyst)
            let weak = try await DashboardFormTests.post("/admin/users", "csrf=\(csrf)&name=weak&role=viewer&password=short", cookie: cookie, client)
            #expect(weak.status == .unprocessableContent && weak.text.contains("role=\"alert\""))
            #expect(try store.user(named: "weak") == nil)

            let scoped = try await DashboardFormTests.post(
                "/admin/users/field-7", "csrf=\(csrf)&role=monitor&scope=energy-moratorium-2025&disabled=no", cookie: cookie, client)
            #expect(scoped.status == .ok && scoped.text.contains("User changed"))
            #expect(try store.user(named: "field-7")?.agreementScope == ["energy-moratorium-2025"])

            let created = try await DashboardFormTests.post("/admin/tokens", "csrf=\(csrf)&user=field-7&label=phone&days=30", cookie: cookie, client)
            let secret = try #require(created.text.firstMatch(of: /<pre id="token-secret">([^<]+)<\/pre>/)?.1)
            let asMonitor = try await client.get("/api/v1/session", headers: [.authorization: "Bearer \(secret)"])
            #expect(asMonitor.status == .ok && asMonitor.text.contains("field-7"))
            let again = try await client.get("/admin", headers: [.cookie: cookie]).text
            #expect(!again.contains(String(secret)), "a secret is shown once")
            let id = try #require(again.firstMatch(of: /data-token="(\d+)"><td>\d+<\/td><td>field-7/)?.1)
            let revoked = try await DashboardFormTests.post("/admin/tokens/\(id)/revoke", "csrf=\(csrf)", cookie: cookie, client)
            #expect(revoked.status == .ok && revoked.text.contains("Token revoked"))
            #expect(try await client.get("/api/v1/session", headers: [.authorization: "Bearer \(secret)"]).status == .unauthorized)
        }
        let added = try store.auditEntries(matching: AuditQuery(action: "users.add")).filter { $0.actor == "admin" }.map(\.recordID)
        #expect(Set(added) == ["field-7", "desk-2"])
        #expect(try store.auditEntries(matching: AuditQuery(action: "tokens.revoke")).count == 1)
    }
}
