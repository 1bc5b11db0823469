import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceServer
import TruceStore

/// Every route tried as every role and anonymously, with public access on and off, each cell the exact status
/// expected. The table is also docs/server.md's role matrix, which a test keeps equal to it.
@Suite("The role matrix: every route as every role")
struct RoleMatrixTests {
    /// Who makes the requests of one column.
    enum Requester: String, CaseIterable {
        case admin, analyst, monitor, viewer
        case publicOn = "anonymous, public on"
        case publicOff = "anonymous, public off"

        var role: Role? { Role(rawValue: rawValue) }
    }

    /// One route as the matrix tries it: the request, what it stands for, and the status per requester in the
    /// order of ``Requester/allCases``. `{token}` in the path is a token of another user, `{job}` the import job
    /// the requester started (if any).
    struct Row {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var contentType = "application/json"
        var headers: [String: String] = [:]
        var note: String
        var expected: [Int]
    }

    static let monitorsAgreement = TestAccounts.monitorScope
    /// The agreement the write rows create, replace and add a status event to.
    static let newAgreement = (try? AgreementWriteTests.yaml()) ?? ""
    static let upload =
        ServerFixtures.header + "\nmatrix-1,2025-03-20T04:00,,Europe/Kyiv,hour,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,"
        + "drone_strike,energy,,,RU,Matrix Wire,UA,,,One strike.,https://example.org/matrix,\n"
    static let otherAgreement = "gaza-ceasefire-2025"

    /// The matrix. Columns: admin, analyst, monitor (limited to the energy moratorium), viewer, anonymous with
    /// public access on, anonymous with it off.
    static let rows: [Row] = [
        Row(method: .get, path: "/healthz", note: "health", expected: [200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/metrics", note: "metrics", expected: [200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/api/v1/openapi.json", note: "the contract", expected: [200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/api/v1/docs", note: "the reference page", expected: [200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/api/v1/agreements", note: "agreements (a monitor's scope only)", expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/agreements/\(monitorsAgreement)", note: "an agreement in scope",
            expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/agreements/\(otherAgreement)", note: "an agreement outside the monitor's scope",
            expected: [200, 200, 404, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/agreements/\(monitorsAgreement)/report?format=json", note: "a report in scope",
            expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/agreements/\(otherAgreement)/report?format=json", note: "a report outside the monitor's scope",
            expected: [200, 200, 404, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/incidents", note: "incidents (a monitor's agreement only)", expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/incidents?agreement=\(otherAgreement)", note: "incidents of an agreement outside scope",
            expected: [200, 200, 404, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/incidents/srv-001", note: "an incident in scope", expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/incidents/srv-004", note: "an incident outside scope", expected: [200, 200, 404, 200, 200, 401]),
        Row(
            method: .get, path: "/api/v1/incidents/srv-001/explanation", note: "an explanation in scope",
            expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/verdicts", note: "verdicts", expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/exports?kind=verdicts", note: "an export", expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/quarantine", note: "the quarantine (every agreement's)", expected: [200, 200, 403, 200, 200, 401]),
        Row(method: .get, path: "/api/v1/session", note: "who am I", expected: [200, 200, 200, 200, 401, 401]),
        Row(
            method: .post, path: "/api/v1/session", body: #"{"name":"target","password":"\#(TestAccounts.password)"}"#, note: "sign in",
            expected: [201, 201, 201, 201, 201, 201]),
        Row(method: .get, path: "/api/v1/users", note: "users", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/users", body: #"{"name":"newcomer","role":"viewer","password":"\#(TestAccounts.password)"}"#,
            note: "add a user", expected: [201, 403, 403, 403, 401, 401]),
        Row(
            method: .patch, path: "/api/v1/users/target", body: #"{"role":"monitor"}"#, note: "change a user",
            expected: [200, 403, 403, 403, 401, 401]),
        Row(method: .get, path: "/api/v1/tokens", note: "tokens (an admin's: everyone's)", expected: [200, 200, 200, 200, 401, 401]),
        Row(method: .post, path: "/api/v1/tokens", body: #"{"label":"a script"}"#, note: "create a token", expected: [201, 201, 201, 201, 401, 401]),
        Row(
            method: .post, path: "/api/v1/tokens", body: #"{"user":"target","label":"theirs"}"#, note: "create someone else's token",
            expected: [201, 403, 403, 403, 401, 401]),
        Row(method: .delete, path: "/api/v1/tokens/{token}", note: "revoke someone else's token", expected: [204, 404, 404, 404, 401, 401]),
        Row(method: .get, path: "/api/v1/audit", note: "the audit trail", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/agreements", body: newAgreement, contentType: "application/yaml", note: "create an agreement",
            expected: [201, 403, 403, 403, 401, 401]),
        Row(
            method: .put, path: "/api/v1/agreements/kharkiv-energy-pause", body: newAgreement, contentType: "application/yaml",
            note: "replace an agreement", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/agreements/kharkiv-energy-pause/status-events",
            body: "at: 2025-03-25\nstatus: suspended\nsource:\n  url: https://example.org/suspended\n", contentType: "application/yaml",
            note: "add a status event", expected: [201, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/imports?dataset=truce&name=matrix.csv", body: upload, contentType: "text/csv",
            note: "upload a file to import", expected: [202, 202, 403, 403, 401, 401]),
        Row(method: .get, path: "/api/v1/imports", note: "import jobs", expected: [200, 200, 403, 403, 401, 401]),
        Row(method: .get, path: "/api/v1/imports/{job}", note: "an import job", expected: [200, 200, 403, 403, 401, 401]),
        Row(method: .post, path: "/api/v1/quarantine/retry", note: "retry the quarantine", expected: [200, 200, 403, 403, 401, 401]),
        Row(method: .post, path: "/api/v1/adjudications", note: "run an adjudication", expected: [200, 200, 403, 403, 401, 401]),
        Row(
            method: .patch, path: "/api/v1/incidents/srv-001", body: #"{"description": "Corrected."}"#, contentType: "application/merge-patch+json",
            note: "correct an incident", expected: [200, 200, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/evidence", body: document, contentType: "application/pdf", note: "send an evidence file (a PDF)",
            expected: [201, 201, 201, 403, 401, 401]),
        Row(
            method: .get, path: "/api/v1/evidence/\(EvidenceFiles.sha256(Array(document.utf8)))",
            note: "the PDF: reviewers only (none was sent by a viewer or anonymously)", expected: [200, 200, 403, 404, 404, 401]),
        Row(
            method: .post, path: "/api/v1/observations", body: observation, headers: ["Idempotency-Key": "matrix-1"], note: "submit an observation",
            expected: [201, 201, 201, 403, 401, 401]),
        Row(method: .get, path: "/api/v1/review/queue", note: "the review queue", expected: [200, 200, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/incidents/srv-001/review", body: #"{"action": "take"}"#, note: "take a record for review",
            expected: [200, 200, 403, 403, 401, 401]),
        Row(method: .get, path: "/api/v1/incidents/srv-001/review", note: "a record's review", expected: [200, 200, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/api/v1/review/bulk", body: #"{"action": "comment", "note": "seen", "incidents": ["srv-001"]}"#,
            note: "one review action on many records", expected: [200, 200, 403, 403, 401, 401]),
        Row(method: .get, path: "/", note: "the dashboard: agreements", expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .get, path: "/agreements/\(monitorsAgreement)", note: "the dashboard: an agreement in scope",
            expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/incidents/srv-001", note: "the dashboard: an incident in scope", expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .get, path: "/review", note: "the dashboard: the review queue", expected: [200, 200, 403, 403, 303, 401]),
        Row(
            method: .post, path: "/review/bulk", body: "action=comment&note=seen&incident=srv-001", contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: the queue's bulk form", expected: [303, 303, 403, 403, 401, 401]),
        Row(method: .get, path: "/submit", note: "the dashboard: the submission form", expected: [200, 200, 200, 403, 303, 401]),
        Row(
            method: .post, path: "/submit", body: submission, contentType: "multipart/form-data; boundary=matrix",
            note: "the dashboard: a submission form sent", expected: [303, 303, 303, 403, 401, 401]),
        Row(method: .get, path: "/admin", note: "the dashboard: users and tokens", expected: [200, 403, 403, 403, 303, 401]),
        Row(
            method: .post, path: "/admin/users", body: "name=form-newcomer&role=viewer&password=\(formPassword)",
            contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: add a user", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/admin/users/target", body: "role=viewer&disabled=no", contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: change a user", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/admin/tokens", body: "user=target&label=matrix&days=7", contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: create a token", expected: [200, 403, 403, 403, 401, 401]),
        Row(
            method: .post, path: "/admin/tokens/{token}/revoke", body: "", contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: revoke a token", expected: [200, 403, 403, 403, 401, 401]),
        Row(method: .get, path: "/assets/submit.js", note: "the dashboard: the form's script", expected: [200, 200, 200, 200, 200, 401]),
        Row(
            method: .post, path: "/incidents/srv-001/review", body: "action=comment&note=seen", contentType: "application/x-www-form-urlencoded",
            note: "the dashboard: a review form", expected: [303, 303, 403, 403, 401, 401]),
        Row(method: .get, path: "/signin", note: "the dashboard: the sign-in form", expected: [200, 200, 200, 200, 200, 200]),
        Row(
            method: .post, path: "/signin", body: "name=target&password=\(TestAccounts.password.replacingOccurrences(of: " ", with: "+"))",
            contentType: "application/x-www-form-urlencoded", note: "the dashboard: signing in", expected: [303, 303, 303, 303, 303, 303]),
        Row(
            method: .post, path: "/signout", body: "csrf=", contentType: "application/x-www-form-urlencoded", note: "the dashboard: signing out",
            expected: [303, 303, 303, 303, 303, 401]),
        Row(method: .get, path: "/api/v1/subscriptions", note: "one's subscriptions", expected: [200, 200, 200, 200, 401, 401]),
        Row(
            method: .post, path: "/api/v1/subscriptions", body: #"{"agreement": "\#(monitorsAgreement)", "evidence": "verified"}"#,
            note: "subscribe to an agreement", expected: [201, 201, 201, 201, 401, 401]),
        Row(method: .delete, path: "/api/v1/subscriptions/1", note: "cancel one's first subscription", expected: [204, 204, 204, 204, 401, 401]),
        Row(
            method: .get, path: "/agreements/\(monitorsAgreement)/feed.atom?evidence=verified", note: "an agreement's Atom feed",
            expected: [200, 200, 200, 200, 200, 401]),
        Row(method: .delete, path: "/api/v1/session", note: "sign out", expected: [204, 204, 204, 204, 401, 401]),
    ]

    /// Every test user's password, as a form sends it.
    static let formPassword = TestAccounts.password.replacingOccurrences(of: " ", with: "+")
    /// The submission form as a browser sends it: a strike seen in Kharkiv oblast.
    static let submission =
        [("key", "matrix-form"), ("date", "2025-03-22"), ("time", "03:40"), ("region", "Kharkiv"), ("action", "drone_strike")].map {
            "--matrix\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n"
        }.joined() + "--matrix--\r\n"
    /// A one-page PDF, as a monitor's document is sent.
    static let document = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    /// A monitor's observation of a strike on a Kharkiv substation.
    static let observation =
        #"{"time": {"span": {"start": "2025-03-22T01:40:00Z"}, "precision": "minute"}, "location": {"country": "UA", "precision": "country"}, "#
        + #""action": "drone_strike", "target": {"category": "energy"}, "description": "Seen from the road."}"#

    @Test("every route answers every role, and anonymous requests with public access on and off, with the status in the table")
    func matrix() async throws {
        var failures: [String] = []
        for (column, requester) in Requester.allCases.enumerated() {
            let store = try ServerFixtures.store()
            let accounts = try TestAccounts.add(to: store)
            let configuration = ServerFixtures.accountsConfiguration { $0.publicAccess = requester == .publicOff ? .off : .on }
            let app = try ServerFixtures.application(store: store, configuration: configuration)
            failures += try await app.test(.router) { client in
                var failures: [String] = []
                var job = "none"
                for row in Self.rows {
                    let path = row.path.replacingOccurrences(of: "{token}", with: String(accounts.targetToken))
                        .replacingOccurrences(of: "{job}", with: job)
                    var headers = requester.role.map { accounts.bearer($0) } ?? [:]
                    if row.body != nil { headers[.contentType] = row.contentType }
                    for (name, value) in row.headers { headers[HTTPField.Name(name)!] = value }
                    let response = try await client.execute(
                        uri: path, method: row.method, headers: headers, body: row.body.map { ByteBuffer(string: $0) }
                    ) { $0 }
                    if response.status.code != row.expected[column] {
                        failures.append(
                            "\(row.method) \(path) as \(requester.rawValue): \(response.status.code), not \(row.expected[column]): \(response.text)")
                    }
                    if response.status == .accepted, let id = try? response.object()["id"] as? String { job = id }
                }
                return failures
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("the matrix covers every operation of the OpenAPI document")
    func coversDocument() throws {
        let document = try OpenAPIDocument(maxPageSize: 1_000)
        let covered = Set(Self.rows.map { "\($0.method.rawValue) \(Self.template(of: $0.path))" })
        let missing = document.operations.subtracting(covered)
        #expect(missing.isEmpty, "routes the matrix does not try: \(missing.sorted())")
    }

    @Test("docs/server.md holds the matrix exactly as this test's table")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/server.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: Self.startMarker), "docs/server.md has no \(Self.startMarker)")
        let end = try #require(text.range(of: Self.endMarker, range: start.upperBound..<text.endIndex), "no \(Self.endMarker)")
        let documented = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(documented == Self.markdown(), "replace the table in docs/server.md with:\n\(Self.markdown())")
    }

    static let startMarker = "<!-- role-matrix: generated from Tests/TruceServerTests/RoleMatrixTests.swift -->"
    static let endMarker = "<!-- /role-matrix -->"

    /// The table as Markdown, as docs/server.md holds it.
    static func markdown() -> String {
        var lines = [
            "| Request | What | " + Requester.allCases.map(\.rawValue).joined(separator: " | ") + " |",
            "|---|---|" + String(repeating: "---|", count: Requester.allCases.count),
        ]
        for row in rows {
            lines.append("| `\(row.method.rawValue) \(row.path)` | \(row.note) | " + row.expected.map(String.init).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The document's path a request's path stands for, e.g. `/api/v1/incidents/{id}` for `/api/v1/incidents/srv-001`.
    static func template(of path: String) -> String {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        let segments = bare.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count == 3, ["agreements", "incidents"].contains(segments[1]) { return "/\(segments[1])/{id}" }
        if segments.count == 3, segments[1] == "assets" { return "/assets/{name}" }
        if segments.count == 4, segments[1] == "admin", segments[2] == "users" { return "/admin/users/{name}" }
        if segments.count == 5, segments[1] == "admin", segments[2] == "tokens" { return "/admin/tokens/{id}/\(segments[4])" }
        if segments.count == 4, segments[1] == "incidents" || segments[1] == "agreements" { return "/\(segments[1])/{id}/\(segments[3])" }
        guard segments.count > 4, segments[1] == "api" else { return bare }
        let names = [
            "agreements": "id", "incidents": "id", "users": "name", "tokens": "id", "imports": "id", "evidence": "sha256", "subscriptions": "id",
        ]
        var result = segments
        if let name = names[segments[3]] { result[4] = "{\(name)}" }
        return result.joined(separator: "/")
    }
}
