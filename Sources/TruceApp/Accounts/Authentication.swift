import Foundation
import TruceStore

/// Logging in and out, and finding who a request acts as from its bearer token or session cookie.
///
/// A disabled user, an expired or revoked token and an expired or ended session resolve to nothing from the
/// next request on: nothing is cached.
public struct Authentication: Sendable {
    public let store: any AccountStore
    public var policy: PasswordPolicy
    public var throttle: LoginThrottle
    /// How long a session lasts after login, in seconds.
    public var sessionLifetime: TimeInterval
    /// The clock: `Date.init` but in tests.
    public var now: @Sendable () -> Date

    public init(
        store: any AccountStore, policy: PasswordPolicy = PasswordPolicy(), throttleLimits: LoginThrottle.Limits = LoginThrottle.Limits(),
        sessionLifetime: TimeInterval = 12 * 3_600, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.policy = policy
        self.throttle = LoginThrottle(store: store, limits: throttleLimits, now: now)
        self.sessionLifetime = sessionLifetime
        self.now = now
    }

    /// Logs a user in with their name and password, starting a new session. The session id is always new, and the
    /// session the browser had before (`replacing`) ends, so that an id planted before login is worth nothing after it.
    /// - Parameters:
    ///   - address: the client's address, for the throttle.
    ///   - previousSessionID: the session id the request came with, if any.
    /// - Throws: ``LoginThrottled`` (without checking the password) when the account or address has failed too
    ///   often; ``LoginRefused`` for a wrong name or password or a disabled account.
    public func logIn(name: String, password: String, address: String, replacing previousSessionID: String? = nil) throws -> SignedIn {
        try throttle.check(account: name, address: address)
        let user = try store.user(named: name)
        // An unknown name costs the same bcrypt work as a known one, so that timing does not tell which names exist.
        let matches: Bool
        if let user {
            matches = policy.verify(password, hash: user.passwordHash)
        } else {
            _ = policy.hash(password)
            matches = false
        }
        guard let user, matches, !user.isDisabled else {
            try throttle.recordFailure(account: name, address: address)
            throw LoginRefused(account: name)
        }
        let sessionID = Secrets.make()
        let csrfToken = Secrets.make()
        let instant = now()
        let session = StoredSession(
            idDigest: Secrets.digest(sessionID), userID: user.id, csrfDigest: Secrets.digest(csrfToken), created: instant,
            expires: instant.addingTimeInterval(sessionLifetime))
        try store.write { transaction in
            if let previousSessionID { try transaction.removeSession(idDigest: Secrets.digest(previousSessionID)) }
            try transaction.removeSessions(expiredBefore: instant)
            try transaction.forgetLoginAttempts(account: name)
            try transaction.add(session)
        }
        return SignedIn(sessionID: sessionID, csrfToken: csrfToken, expires: session.expires, principal: Principal(user, credential: .session))
    }

    /// Ends a session; an unknown id changes nothing.
    public func logOut(sessionID: String) throws {
        try store.write { try $0.removeSession(idDigest: Secrets.digest(sessionID)) }
    }

    /// Who a bearer token acts as: `nil` for an unknown, revoked or expired token, or a disabled user. When
    /// the token was last recorded as used more than a minute ago, its use is recorded.
    public func principal(bearerToken secret: String) throws -> Principal? {
        let instant = now()
        guard let token = try store.token(secretDigest: Secrets.digest(secret)), token.isValid(at: instant),
            let user = try store.user(id: token.userID), !user.isDisabled
        else { return nil }
        if token.lastUsed.map({ instant.timeIntervalSince($0) > 60 }) ?? true {
            // Only the time of use is written: the token read above may have been revoked since.
            try store.write { try $0.recordUse(ofToken: token.id, at: instant) }
        }
        return Principal(user, credential: .token(id: token.id))
    }

    /// Who a session acts as: `nil` for an unknown, ended or expired session, or a disabled user.
    public func principal(sessionID: String) throws -> Principal? {
        guard let (_, user) = try liveSession(sessionID) else { return nil }
        return Principal(user, credential: .session)
    }

    /// Throws unless `csrfToken` is the CSRF token of the live session `sessionID`: every write made with a
    /// session cookie must carry it (a form field or a header).
    /// - Throws: ``CSRFRejected`` when it is missing or another.
    public func verifyCSRF(_ csrfToken: String?, sessionID: String) throws {
        guard let csrfToken, !csrfToken.isEmpty else { throw CSRFRejected(missing: true) }
        guard let (session, _) = try liveSession(sessionID), Secrets.digestsMatch(session.csrfDigest, Secrets.digest(csrfToken)) else {
            throw CSRFRejected(missing: false)
        }
    }

    /// The session `sessionID` and its user, while it lasts and the user is enabled.
    private func liveSession(_ sessionID: String) throws -> (StoredSession, StoredUser)? {
        guard let session = try store.session(idDigest: Secrets.digest(sessionID)), now() < session.expires,
            let user = try store.user(id: session.userID), !user.isDisabled
        else { return nil }
        return (session, user)
    }
}

/// A login's outcome: the new session's id (for an HttpOnly cookie) and its CSRF token (for every form).
public struct SignedIn: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    public var sessionID: String
    public var csrfToken: String
    public var expires: Date
    public var principal: Principal

    /// Who signed in, until when: never the session id or the CSRF token.
    public var description: String { "session of \(principal.name) until \(expires)" }

    /// The fields `dump` and debuggers show: no secret.
    public var customMirror: Mirror { Mirror(self, children: ["principal": principal, "expires": expires]) }
}
