import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceDashboard
import TruceStore

/// The dashboard's forms, posted as `application/x-www-form-urlencoded` by a browser without JavaScript:
/// signing in and out, and a reviewer's action on a record. A form of a signed-in session carries the session's
/// CSRF token in its field `csrf`, checked here before anything is done (the sign-in form, made before any
/// session, needs none); the token comes from the `truce_csrf` cookie set at sign-in, which the server writes
/// into each form it renders. Each form answers with a redirect (303) to the page to show next.
struct DashboardForms {
    let store: StoreAccess
    let writes: WriteQueue
    let authentication: Authentication
    let dashboard: Result<Dashboard, any Error>
    let secureCookies: Bool

    static let signInPath = "/signin"
    static let signOutPath = "/signout"
    /// The largest form body taken.
    static let maxFormBytes = 16_384
    static let formType = "application/x-www-form-urlencoded"

    /// Whether `request` posts one of these forms (whose routes check its CSRF token themselves).
    static func isForm(_ request: Request) -> Bool {
        !request.uri.path.hasPrefix("/api/") && request.method == .post
    }

    func add(to router: Router<TruceRequestContext>) {
        router.get(RouterPath(Self.signInPath)) { request, context in
            let parameters = try QueryParameters(form: request)
            let page = try DashboardRoutes.pageRequest(request, parameters, context, path: Self.signInPath)
            let html = try dashboard.get().signInPage(next: Self.safeNext(try parameters.text("next", maxBytes: 512)), failed: false, for: page)
            return DashboardRoutes.page(html)
        }
        router.post(RouterPath(Self.signInPath)) { request, context in
            let fields = try await Self.fields(of: request)
            let next = Self.safeNext(fields["next"])
            let name = fields["name"] ?? ""
            let password = fields["password"] ?? ""
            let authentication = authentication
            let address = context.clientAddress
            let previous = SessionCookie.value(in: request)
            let requestID = context.requestID
            do {
                guard name.count <= Accounts.maximumNameLength, password.utf8.count <= PasswordPolicy.maximumBytes else {
                    throw LoginRefused(account: String(name.prefix(Accounts.maximumNameLength)))
                }
                let signedIn = try await store.run { store in
                    let signedIn = try authentication.logIn(name: name, password: password, address: address, replacing: previous)
                    try SessionRoutes.audit("sessions.create", of: signedIn.principal, requestID: requestID, in: store)
                    return signedIn
                }
                var headers: HTTPFields = [.location: next]
                for cookie in SessionCookie.settings(for: signedIn, secure: secureCookies) {
                    headers.append(HTTPField(name: .setCookie, value: cookie))
                }
                return Response(status: .seeOther, headers: headers)
            } catch is LoginRefused {
                let language = Language(rawValue: fields["lang"] ?? "") ?? .english
                let page = PageRequest(language: language, path: Self.signInPath, query: [], viewer: nil)
                let html = try dashboard.get().signInPage(next: next, failed: true, for: page)
                return Responses.bytes(Array(html.utf8), as: Responses.html, status: .unauthorized, headers: [.cacheControl: "no-store"])
            }
        }
        router.post(RouterPath(Self.signOutPath)) { request, context in
            let fields = try await Self.fields(of: request)
            if let sessionID = SessionCookie.value(in: request), let principal = context.principal, principal.credential == .session {
                try await checkCSRF(fields, sessionID: sessionID)
                let authentication = authentication
                let requestID = context.requestID
                try await store.run { store in
                    try authentication.logOut(sessionID: sessionID)
                    try SessionRoutes.audit("sessions.end", of: principal, requestID: requestID, in: store)
                }
            }
            var headers: HTTPFields = [.location: "/"]
            for cookie in SessionCookie.clearings(secure: secureCookies) { headers.append(HTTPField(name: .setCookie, value: cookie)) }
            return Response(status: .seeOther, headers: headers)
        }
        router.get("/review") { request, context in
            let parameters = try QueryParameters(form: request)
            if let signIn = SubmissionForm.signInFirst(request, context, path: "/review") { return signIn }
            try context.require(.review)
            let page = try DashboardRoutes.pageRequest(request, parameters, context, path: "/review")
            let now = Date()
            let items = try await store.run { try $0.reviewQueue(ReviewQuery(states: [.unreviewed], now: now, limit: 200)) }
            return DashboardRoutes.page(try dashboard.get().queuePage(items, at: now, for: page))
        }
        router.post("/incidents/{id}/review") { request, context in
            let id = try context.pathParameter("id")
            let fields = try await Self.fields(of: request)
            if let sessionID = SessionCookie.value(in: request), context.principal?.credential == .session {
                try await checkCSRF(fields, sessionID: sessionID)
            }
            try context.require(.review)
            let author = try context.author(for: .review)
            guard let action = fields["action"].flatMap(ReviewAction.init(rawValue:)) else {
                throw Problem.invalid("action", "takes one of " + ReviewAction.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let note = String((fields["note"] ?? "").prefix(4000))
            let scope = context.principal?.agreementScope ?? []
            var refusal: String?
            do {
                _ = try await ReviewRoutes.act(action, on: id, note: note, by: author, scope: scope, writes: writes)
            } catch let refused as ReviewRefusal {
                refusal = refused.description
            }
            var query = [("lang", Language(rawValue: fields["lang"] ?? "")?.rawValue ?? "en")]
            if let refusal { query.append(("notice", refusal)) }
            return Response(status: .seeOther, headers: [.location: Dashboard.href("/incidents/\(id)", query) + "#review"])
        }
    }

    /// Throws a 403 `/problems/csrf` unless the form's `csrf` field is the session's CSRF token.
    private func checkCSRF(_ fields: [String: String], sessionID: String) async throws {
        let authentication = authentication
        let token = fields["csrf"]
        try await store.run { _ in try authentication.verifyCSRF(token, sessionID: sessionID) }
    }

    /// `next` when it is a path of this server (one `/`, not `//`), else `/`: a sign-in never sends a browser away.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 512 else { return "/" }
        return next
    }

    /// The fields of a form body, each name's first value.
    /// - Throws: ``Problem`` 415 for another media type, 413 beyond ``maxFormBytes``.
    static func fields(of request: Request) async throws -> [String: String] {
        let text = try await RequestBody.text(of: request, types: [formType], maxBytes: maxFormBytes)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return fields
    }
}
