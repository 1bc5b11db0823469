import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore

/// The dashboard used as a browser without JavaScript uses it: a sign-in form that sets the session's cookies, the
/// review queue, and the incident page's review form, whose CSRF token the server wrote into it.
@Suite("The dashboard's forms: signing in, the queue and a reviewer's actions")
struct DashboardFormTests {
    static let form = "application/x-www-form-urlencoded"

    /// The cookies a response sets, by name.
    static func cookies(_ response: TestResponse) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 { cookies[parts[0]] = parts[1] }
        }
        return cookies
    }

    static func post(_ uri: String, _ body: String, cookie: String?, _ client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: form]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    @Test(
        "an analyst signs in with the form, finds a monitor's observation in the queue, takes and verifies it from its page; a form without the token is refused"
    )
    func signInTakeVerify() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let submitted = try Observations.submit(
            Data(ObservationReviewRouteTests.body.utf8), idempotencyKey: "form-1", by: ChangeAuthor(name: "monitor", role: .monitor), in: store)
        let id = submitted.incident.id
        let app = try ServerFixtures.application(
            store: store, configuration: ServerFixtures.accountsConfiguration { $0.publicAccess = .off })
        try await app.test(.router) { client in
            #expect(try await client.get("/signin?lang=uk").text.contains("Увійти"))
            let wrong = try await Self.post("/signin", "name=analyst&password=nope&next=%2Freview", cookie: nil, client)
            #expect(wrong.status == .unauthorized && wrong.text.contains("The name or the password is wrong"))
            let password = TestAccounts.password.replacingOccurrences(of: " ", with: "+")
            let signedIn = try await Self.post("/signin", "name=analyst&password=\(password)&next=%2Freview", cookie: nil, client)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/review")
            let cookies = Self.cookies(signedIn)
            let session = try #require(cookies["truce_session"])
            let csrf = try #require(cookies["truce_csrf"])
            let cookie = "truce_session=\(session); truce_csrf=\(csrf)"

            let queue = try await client.get("/review", headers: [.cookie: cookie])
            #expect(queue.status == .ok && queue.text.contains("data-incident=\"\(id)\"") && queue.text.contains("analyst"))
            let page = try await client.get("/incidents/\(id)", headers: [.cookie: cookie]).text
            #expect(page.contains("name=\"csrf\" value=\"\(csrf)\""), "the page's forms carry the session's token")

            let forged = try await Self.post("/incidents/\(id)/review", "action=take", cookie: cookie, client)
            #expect(forged.status == .forbidden)
            let take = try await Self.post("/incidents/\(id)/review", "csrf=\(csrf)&action=take&lang=en", cookie: cookie, client)
            #expect(take.status == .seeOther && take.headers[.location] == "/incidents/\(id)?lang=en#review")
            let held = try await client.get("/incidents/\(id)", headers: [.cookie: cookie]).text
            #expect(held.contains("held by analyst"))
            let verify = try await Self.post(
                "/incidents/\(id)/review", "csrf=\(csrf)&action=verify&note=the+photo+matches", cookie: cookie, client)
            #expect(verify.status == .seeOther)
            let verified = try await client.get("/agreements/energy-moratorium-2025?evidence=verified", headers: [.cookie: cookie]).text
            #expect(DashboardPageTests.table(verified).incidents == [id])
            #expect(verified.contains("name=\"csrf\" value=\"\(csrf)\"") && verified.contains("<span>analyst</span>"), "the reader's own header")
            let reject = try await Self.post("/incidents/\(id)/review", "csrf=\(csrf)&action=reject&note=", cookie: cookie, client)
            let notice = try #require(reject.headers[.location])
            #expect(notice.contains("notice=") && notice.contains("reject%20needs%20a%20note"))

            let out = try await Self.post("/signout", "csrf=\(csrf)", cookie: cookie, client)
            #expect(out.status == .seeOther && Self.cookies(out)["truce_session"] == "")
            #expect(try await client.get("/review", headers: [.cookie: cookie]).status == .unauthorized)
        }
        let history = try store.reviewHistory(of: id).map(\.action)
        #expect(history == [.take, .verify])
    }

    @Test("a sign-in never sends the browser to another site")
    func safeNext() async throws {
        let store = try ServerFixtures.store()
        _ = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let password = TestAccounts.password.replacingOccurrences(of: " ", with: "+")
        try await app.test(.router) { client in
            for (next, location) in [
                ("%2Fagreements%2Fx%3Flang%3Duk", "/agreements/x?lang=uk"), ("%2F%2Fevil.example%2F", "/"), ("https%3A%2F%2Fevil.example", "/"),
                ("%2F%5Cevil.example", "/"),
            ] {
                let response = try await Self.post("/signin", "name=viewer&password=\(password)&next=\(next)", cookie: nil, client)
                #expect(response.status == .seeOther && response.headers[.location] == location, "\(next)")
            }
        }
    }

    @Test("a bulk action from the queue's form verifies the records checked, refuses the one another reviewer holds, and says so")
    func bulkFromTheQueue() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let ids = try (1...3).map { number in
            let body = ObservationReviewRouteTests.body.replacingOccurrences(of: "01:40:00Z", with: "01:4\(number):00Z")
            return try Observations.submit(
                Data(body.utf8), idempotencyKey: "bulk-\(number)", by: ChangeAuthor(name: "monitor", role: .monitor), in: store
            ).incident.id
        }
        try Reviews.act(.take, on: ids[2], by: ChangeAuthor(name: "admin", role: .admin), in: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let password = TestAccounts.password.replacingOccurrences(of: " ", with: "+")
        try await app.test(.router) { client in
            let signedIn = try await Self.post("/signin", "name=analyst&password=\(password)&next=%2Freview", cookie: nil, client)
            let cookies = Self.cookies(signedIn)
            let csrf = try #require(cookies["truce_csrf"])
            let cookie = "truce_session=\(cookies["truce_session"] ?? ""); truce_csrf=\(csrf)"
            let queue = try await client.get("/review?state=unreviewed&dataset=observation", headers: [.cookie: cookie]).text
            #expect(ids.allSatisfy { queue.contains("name=\"incident\" value=\"\($0)\"") })
            // Each row says when (in the incident's zone) and where (town, region, country), so a reviewer can choose without opening it.
            #expect(queue.contains("<td>2025-03-22 03:41 +02:00</td><td>Kharkiv, Kharkiv, UA</td>"))
            // An imported record judged a violation waits there too; known to the day, it shows its local date.
            let imported = try await client.get("/review", headers: [.cookie: cookie]).text
            #expect(imported.contains("data-incident=\"srv-004\"") && imported.contains("<td>2025-03-18</td>"), "\(imported)")
            let checked = ids.map { "incident=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" }.joined(separator: "&")
            let bulk = try await Self.post(
                "/review/bulk", "csrf=\(csrf)&action=verify&note=photos+match&state=unreviewed&dataset=observation&\(checked)", cookie: cookie, client
            )
            #expect(bulk.status == .seeOther)
            let location = try #require(bulk.headers[.location])
            #expect(location.hasPrefix("/review?lang=en&notice=") && location.contains("state=unreviewed"))
            let page = try await client.get(location, headers: [.cookie: cookie]).text
            #expect(page.contains("verify: 2 ✓") && page.contains("\(ids[2]): admin holds this record"), "\(page.prefix(3000))")
        }
        let states = try store.reviewStatuses(ids: ids)
        #expect(states[ids[0]]?.state == .verified && states[ids[1]]?.state == .verified && states[ids[2]]?.state == .unreviewed)
        let verified = try store.verdicts(matching: VerdictQuery(agreement: "energy-moratorium-2025", evidence: .verified)).map(\.verdict.incident)
        #expect(Set(verified).isSuperset(of: ids[0...1]), "one adjudication follows the bulk action")
    }
}
