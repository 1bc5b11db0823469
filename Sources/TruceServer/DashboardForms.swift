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
            try await Self.checkFormToken(fields["csrf"], of: request, context: context, authentication: authentication, store: store)
            if let sessionID = SessionCookie.value(in: request), let principal = context.principal, principal.credential == .session {
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
            let state =
                try parameters.values["state"].map { raw in
                    guard let state = ReviewState(rawValue: raw) else {
                        throw Problem.invalid("state", "takes one of " + ReviewState.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return state
                } ?? .unreviewed
            let dataset = try parameters.text("dataset", maxBytes: 64)
            let notice = try parameters.text("notice", maxBytes: 2_000)
            let (items, incidents) = try await store.run { store in
                let items = try store.reviewQueue(ReviewQuery(states: [state], dataset: dataset, now: now, limit: 200))
                return (items, try store.incidents(ids: items.map(\.incident), detail: .withoutSourceFields))
            }
            let queue = QueueSelection(state: state, dataset: dataset, notice: notice)
            return DashboardRoutes.page(try dashboard.get().queuePage(items, incidents: incidents, selection: queue, at: now, for: page))
        }
        router.post("/review/bulk") { request, context in
            let pairs = try await Self.pairs(of: request, maxBytes: 64 * 1_024)
            let fields = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            try await Self.checkFormToken(fields["csrf"], of: request, context: context, authentication: authentication, store: store)
            try context.require(.review)
            let author = try context.author(for: .review)
            guard let action = fields["action"].flatMap(ReviewAction.init(rawValue:)), action != .merge else {
                throw Problem.invalid(
                    "action", "takes one of " + ReviewAction.allCases.filter { $0 != .merge }.map(\.rawValue).joined(separator: ", "))
            }
            let ids = Array(pairs.filter { $0.0 == "incident" }.map { IncidentID($0.1) }.prefix(ReviewRoutes.maxBulk))
            let scope = context.principal?.agreementScope ?? []
            let results = try await ReviewRoutes.actOnEach(
                action, on: ids, note: String((fields["note"] ?? "").prefix(4000)), others: Self.ids(fields["others"]), by: author, scope: scope,
                writes: writes)
            let refused = results.compactMap { result in result.refusal.map { "\(result.incident): \($0)" } }
            let language = Language(rawValue: fields["lang"] ?? "")?.rawValue ?? "en"
            let summary = "\(action.rawValue): \(results.count - refused.count) ✓" + (refused.isEmpty ? "" : "; " + refused.joined(separator: "; "))
            var query = [("lang", language), ("notice", String(summary.prefix(1_900)))]
            if let state = fields["state"], !state.isEmpty { query.append(("state", state)) }
            if let dataset = fields["dataset"], !dataset.isEmpty { query.append(("dataset", dataset)) }
            return Response(status: .seeOther, headers: [.location: Dashboard.href("/review", query)])
        }
        router.post("/incidents/{id}/review") { request, context in
            let id = try context.pathParameter("id")
            let fields = try await Self.fields(of: request)
            try await Self.checkFormToken(fields["csrf"], of: request, context: context, authentication: authentication, store: store)
            try context.require(.review)
            let author = try context.author(for: .review)
            guard let action = fields["action"].flatMap(ReviewAction.init(rawValue:)) else {
                throw Problem.invalid("action", "takes one of " + ReviewAction.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let note = String((fields["note"] ?? "").prefix(4000))
            let others = Self.ids(fields["others"])
            let scope = context.principal?.agreementScope ?? []
            var refusal: String?
            do {
                _ = try await ReviewRoutes.act(action, on: id, note: note, others: others, by: author, scope: scope, writes: writes)
            } catch let refused as ReviewRefusal {
                refusal = refused.description
            } catch let missing as NotFound where missing.id != id {
                refusal = "\(missing)"
            }
            var query = [("lang", Language(rawValue: fields["lang"] ?? "")?.rawValue ?? "en")]
            if let refusal { query.append(("notice", refusal)) }
            return Response(status: .seeOther, headers: [.location: Dashboard.href("/incidents/\(id)", query) + "#review"])
        }
    }

    /// Throws a 403 `/problems/csrf` unless a form posted with a browser session carries that session's CSRF
    /// token (`token`, the form's `csrf` field). A form sent with an API token, or by no one, needs none: no browser
    /// sends either on another site's behalf. Every dashboard form is checked here.
    static func checkFormToken(
        _ token: String?, of request: Request, context: TruceRequestContext, authentication: Authentication, store: StoreAccess
    ) async throws {
        guard let sessionID = SessionCookie.value(in: request), context.principal?.credential == .session else { return }
        try await store.run { _ in try authentication.verifyCSRF(token, sessionID: sessionID) }
    }

    /// Record ids separated by commas, spaces or new lines, as a form names them.
    static func ids(_ text: String?) -> [IncidentID] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0.isNewline }).prefix(Reviews.maxOthers).map { IncidentID(String($0)) }
    }

    /// `next` when it is a path of this server (one `/`, not `//`), else `/`: a sign-in never sends a browser away.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 512 else { return "/" }
        return next
    }

    /// The fields of a form body, each name's first value.
    /// - Throws: ``Problem`` 415 for another media type, 413 beyond ``maxFormBytes``.
    static func fields(of request: Request) async throws -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in try await pairs(of: request) where fields[name] == nil { fields[name] = value }
        return fields
    }

    /// Every field of a form body in order, a name given several times (checkboxes) once per value.
    static func pairs(of request: Request, maxBytes: Int = maxFormBytes) async throws -> [(String, String)] {
        let text = try await RequestBody.text(of: request, types: [formType], maxBytes: maxBytes)
        func decoded(_ part: Substring) -> String {
            String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        }
        return text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
        }
    }
}
