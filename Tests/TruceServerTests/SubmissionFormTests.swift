import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceIngest
import TruceServer
import TruceStore

/// The monitors' form as a phone sends it: `multipart/form-data` with a photo, under the idempotency key the page
/// wrote into it, sent twice as an offline draft is; a refused form comes back with the reason and what was typed.
@Suite("The submission form")
struct SubmissionFormTests {
    static let boundary = "----truce-test-boundary-7MA4YWxk"

    /// A multipart body of `fields` and, when given, one photo in `evidence`.
    static func multipart(_ fields: [(String, String)], photo: [UInt8]?) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let photo {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"substation.jpg\"\r\n")
            body.writeString("Content-Type: image/jpeg\r\n\r\n")
            body.writeBytes(photo)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    static let fields = [
        ("key", "9b1f6c52-draft"), ("lang", "uk"), ("date", "2025-03-22"), ("time", "03:40"), ("zone", "Europe/Kyiv"), ("time_precision", "minute"),
        ("country", "UA"), ("region", "Харківська область"), ("place", "Kharkiv"), ("latitude", "49.98"), ("longitude", "36.25"),
        ("geo_precision", "locality"), ("action", "drone_strike"), ("outcome", "hit"), ("target_category", "energy"),
        ("target_subtype", "substation"), ("party", "RU"), ("attributed_by", "Kharkiv city officials"), ("injured", "1"),
        ("description", "Two drones hit the substation; fire seen from the road."),
    ]

    @Test("a form with a photo sent twice under one key stores one observation, with the photo named, and takes the browser to it")
    func sentTwiceStoredOnce() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        let photo = Array(try Data(contentsOf: ObservationReviewRouteTests.photo))
        try await app.test(.router) { client in
            let form = try await client.get("/submit?lang=uk", headers: accounts.bearer(.monitor))
            #expect(form.status == .ok && form.text.contains("enctype=\"multipart/form-data\"") && form.text.contains("Харківська область"))
            #expect(form.text.contains("name=\"key\" value=\""), "the page writes a fresh idempotency key into the form")
            var headers = accounts.bearer(.monitor)
            headers[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
            headers[.accept] = "application/json"
            let body = Self.multipart(Self.fields, photo: photo)
            let first = try await client.execute(uri: "/submit", method: .post, headers: headers, body: body) { $0 }
            #expect(first.status == .created, "\(first.text)")
            let again = try await client.execute(uri: "/submit", method: .post, headers: headers, body: body) { $0 }
            #expect(again.status == .ok)
            let id = try #require(try first.object()["incident"] as? String)
            #expect(try again.object()["incident"] as? String == id)
            headers[.accept] = "text/html"
            let browser = try await client.execute(uri: "/submit", method: .post, headers: headers, body: body) { $0 }
            #expect(browser.status == .seeOther && browser.headers[.location] == "/incidents/\(id)?lang=uk&submitted=1")
            let observations = try store.incidents(ids: [id], detail: .full)
            #expect(observations.count == 1)
            let incident = try #require(observations.first)
            #expect(incident.location.admin1 == "Kharkiv" && incident.target.subtype == "substation" && incident.perpetrator?.party == "RU")
            let record = try #require(incident.sources.first)
            #expect(record.fields.first { $0.name == "evidence" }?.value == EvidenceFiles.sha256(photo))
            let page = try await client.get("/incidents/\(id)?lang=uk&submitted=1", headers: accounts.bearer(.monitor)).text
            #expect(page.contains("Ваше спостереження збережено") && page.contains("Харківська область") && page.contains("Удар дроном"))
        }
    }

    @Test("a refused form comes back with the field at fault, what was typed and the same key; nothing is stored")
    func refusedFormKeepsTyping() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            var headers = accounts.bearer(.monitor)
            headers[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
            let fields = Self.fields.map { $0.0 == "region" ? ("region", "Atlantis") : $0 }
            let refused = try await client.execute(uri: "/submit", method: .post, headers: headers, body: Self.multipart(fields, photo: nil)) { $0 }
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("role=\"alert\"") && refused.text.contains("region") && refused.text.contains("value=\"Atlantis\""))
            #expect(refused.text.contains("name=\"key\" value=\"9b1f6c52-draft\""))
            #expect(try store.reviewQueue(ReviewQuery(states: [.unreviewed], dataset: "observation", now: Date(), limit: 10)).isEmpty)
            headers[.accept] = "application/json"
            let json = try await client.execute(uri: "/submit", method: .post, headers: headers, body: Self.multipart(fields, photo: nil)) { $0 }
            #expect(json.status == .unprocessableContent && json.text.contains("\"field\":\"region\""))
        }
    }

    @Test("a reader not signed in is sent to sign in first; a viewer may not submit; the form's script is served")
    func whoMaySubmit() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            let anonymous = try await client.get("/submit?lang=ru")
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/signin?lang=ru&next=/submit")
            #expect(try await client.get("/submit", headers: accounts.bearer(.viewer)).status == .forbidden)
            let script = try await client.get("/assets/submit.js")
            #expect(script.status == .ok && script.contentType?.hasPrefix("text/javascript") == true && script.text.contains("localStorage"))
            #expect(try await client.get("/assets/nothing.js").status == .notFound)
        }
    }
}
