import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TruceApp

/// Finds who a request comes from: an API token in `Authorization: Bearer …`, else the session in the
/// `truce_session` cookie. A write (POST, PUT, PATCH, DELETE) made with a session cookie must carry the session's
/// CSRF token in `X-CSRF-Token` (a 403 `/problems/csrf` otherwise), or for the dashboard's forms in their body,
/// checked by their routes (``DashboardForms``); a bearer token needs none, as no browser
/// sends one on its own. Nothing is cached: a disabled user, a revoked token or an ended session stops working
/// at the next request.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = TruceRequestContext
    let authentication: Authentication
    let authorization: Authorization
    let store: StoreAccess

    /// The header a browser session's writes carry their CSRF token in.
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// The methods that change something, which a session's requests make only with their CSRF token.
    static let unsafeMethods: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.authorization = authorization
        if AccessGate.servicePaths.contains(request.uri.path) { return try await next(request, context) }
        if let authorizationHeader = request.headers[.authorization] {
            guard let secret = Self.bearerToken(authorizationHeader) else {
                throw Problem(.unauthorized, detail: "The Authorization header takes Bearer followed by an API token.")
            }
            let authentication = authentication
            guard let principal = try await store.run({ _ in try authentication.principal(bearerToken: secret) }) else {
                throw Problem(.unauthorized, detail: "The token is unknown, revoked or expired, or its user is disabled.")
            }
            context.principal = principal
        } else if let sessionID = SessionCookie.value(in: request) {
            let authentication = authentication
            // The dashboard's forms carry their token in their body, which their routes check (``DashboardForms``).
            let mustCarryCSRF =
                Self.unsafeMethods.contains(request.method) && !SessionRoutes.isSignIn(request) && !DashboardForms.isForm(request)
            let csrfToken = request.headers[Self.csrfHeader]
            context.principal = try await store.run { _ in
                guard let principal = try authentication.principal(sessionID: sessionID) else { return nil }
                if mustCarryCSRF { try authentication.verifyCSRF(csrfToken, sessionID: sessionID) }
                return principal
            }
        }
        if let principal = context.principal { context.logger[metadataKey: "user"] = .string(principal.name) }
        return try await next(request, context)
    }

    /// The token of `Bearer TOKEN` (the scheme in any case), or `nil` for another scheme or an empty token.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.utf8.count > 256 ? nil : token
    }
}

/// The `truce_session` cookie: read from a request, and set or cleared by a response.
enum SessionCookie {
    static let name = "truce_session"

    /// The session id the request's cookies hold, if any.
    static func value(in request: Request) -> String? { value(of: name, in: request) }

    /// The value of the cookie `cookie` in the request, if any (at most 256 bytes).
    static func value(of cookie: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookie else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                return value.isEmpty || value.utf8.count > 256 ? nil : value
            }
        }
        return nil
    }

    /// A `Set-Cookie` value holding `value` under `cookie` for `maxAge` seconds (0 forgets it): HttpOnly,
    /// SameSite=Strict, Path=/, and Secure when the server is reached over HTTPS.
    static func setting(_ cookie: String, to value: String, maxAge: Int, secure: Bool) -> String {
        "\(cookie)=\(value); Path=/; Max-Age=\(max(maxAge, 0)); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The cookie holding the session's CSRF token for the dashboard's forms: the server reads it to write the
    /// token into each form it renders, and checks the token a form sends against the session's (a page of
    /// another site can neither read the cookie nor send it: HttpOnly, SameSite=Strict).
    static let csrfName = "truce_csrf"

    /// The `Set-Cookie` values of a new session: its id, and its CSRF token for the dashboard's forms.
    static func settings(for signedIn: SignedIn, secure: Bool) -> [String] {
        let maxAge = Int(signedIn.expires.timeIntervalSinceNow.rounded(.down))
        return [
            setting(name, to: signedIn.sessionID, maxAge: maxAge, secure: secure),
            setting(csrfName, to: signedIn.csrfToken, maxAge: maxAge, secure: secure),
        ]
    }

    /// The `Set-Cookie` values that end a session in the browser.
    static func clearings(secure: Bool) -> [String] {
        [setting(name, to: "", maxAge: 0, secure: secure), setting(csrfName, to: "", maxAge: 0, secure: secure)]
    }
}
