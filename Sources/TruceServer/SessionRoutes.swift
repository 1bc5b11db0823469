import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TruceApp
import TruceCore
import TruceStore

/// Signing in and out of a browser session, and who the request acts as.
struct SessionRoutes {
    let store: StoreAccess
    let authentication: Authentication
    let secureCookies: Bool

    static let path = "/api/v1/session"

    /// Whether `request` signs in, which needs no CSRF token (there is no session yet to have one).
    static func isSignIn(_ request: Request) -> Bool { request.method == .post && request.uri.path == path }

    /// What signing in takes.
    struct SignInBody: Decodable {
        var name: String
        var password: String
    }

    func add(to router: Router<TruceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in try await signIn(request, context: context) }
        router.get(RouterPath(Self.path)) { _, context in
            guard let principal = context.principal else { throw Problem(.unauthorized, detail: "No one is signed in.") }
            return try Responses.encoded(WhoAmIBody(principal))
        }
        router.delete(RouterPath(Self.path)) { request, context in
            guard let principal = context.principal else { throw Problem(.unauthorized, detail: "No one is signed in.") }
            if let sessionID = SessionCookie.value(in: request), principal.credential == .session {
                let authentication = authentication
                let requestID = context.requestID
                try await store.run { store in
                    try authentication.logOut(sessionID: sessionID)
                    try Self.audit("sessions.end", of: principal, requestID: requestID, in: store)
                }
            }
            var headers = HTTPFields()
            for cookie in SessionCookie.clearings(secure: secureCookies) { headers.append(HTTPField(name: .setCookie, value: cookie)) }
            return Response(status: .noContent, headers: headers)
        }
    }

    private func signIn(_ request: Request, context: TruceRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(SignInBody.self, from: request)
        try JSONBody.check(body.name, field: "name", maxCharacters: Accounts.maximumNameLength)
        guard body.password.utf8.count <= PasswordPolicy.maximumBytes else {
            throw Problem.invalid("password", "is longer than \(PasswordPolicy.maximumBytes) bytes")
        }
        let authentication = authentication
        let address = context.clientAddress
        let previous = SessionCookie.value(in: request)
        let requestID = context.requestID
        let signedIn = try await store.run { store in
            let signedIn = try authentication.logIn(name: body.name, password: body.password, address: address, replacing: previous)
            try Self.audit("sessions.create", of: signedIn.principal, requestID: requestID, in: store)
            return signedIn
        }
        context.logger.info("signed in", metadata: ["user": .string(signedIn.principal.name)])
        var headers = HTTPFields()
        headers[.contentType] = Responses.json
        for cookie in SessionCookie.settings(for: signedIn, secure: secureCookies) { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        let bytes = try TruceJSON.encoder().encode(
            SignedInBody(csrfToken: signedIn.csrfToken, expires: signedIn.expires, user: UserBody(signedIn.principal)))
        return Response(status: .created, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension SessionRoutes {
    /// Appends to the audit trail that `principal` started or ended a session (the session's id is not kept).
    static func audit(_ action: String, of principal: Principal, requestID: String, in store: SQLiteStore) throws {
        try AuditTrail(store: store).append(
            AuditTrail.entry(
                by: ChangeAuthor(principal, requestID: requestID), action: action, recordKind: "session", recordID: principal.name,
                before: nil as String?, after: nil as String?, at: Date()))
    }
}

/// A new session as the API shows it: the CSRF token every write must carry, and who signed in.
struct SignedInBody: Encodable {
    var csrfToken: String
    var expires: Date
    var user: UserBody

    enum CodingKeys: String, CodingKey {
        case csrfToken = "csrf_token"
        case expires, user
    }
}

/// Who a request acts as, and how it proved it (`session` or `token`).
struct WhoAmIBody: Encodable {
    var user: UserBody
    var credential: String

    init(_ principal: Principal) {
        user = UserBody(principal)
        switch principal.credential {
        case .session: credential = "session"
        case .token: credential = "token"
        }
    }
}
