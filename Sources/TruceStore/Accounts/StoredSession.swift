import Foundation

/// A browser session as the store keeps it: the SHA-256 digests of its id and of its CSRF token.
public struct StoredSession: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    /// SHA-256 of the session id the browser holds in its cookie.
    public var idDigest: Data
    public var userID: Int64
    /// SHA-256 of the CSRF token every form of the session must carry.
    public var csrfDigest: Data
    public var created: Date
    public var expires: Date

    public init(idDigest: Data, userID: Int64, csrfDigest: Data, created: Date, expires: Date) {
        self.idDigest = idDigest
        self.userID = userID
        self.csrfDigest = csrfDigest
        self.created = created
        self.expires = expires
    }

    /// E.g. `session of user 2 until 2026-12-01 18:00:00 +0000`: never a digest.
    public var description: String { "session of user \(userID) until \(expires)" }

    /// The fields `dump` and debuggers show: no digest.
    public var customMirror: Mirror { Mirror(self, children: ["userID": userID, "created": created, "expires": expires]) }
}
