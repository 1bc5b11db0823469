import Foundation

/// An API token as the store keeps it: the SHA-256 digest of its secret, never the secret itself.
public struct StoredToken: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    public var id: Int64
    /// The user the token acts as.
    public var userID: Int64
    /// What the token is for, in its owner's words (e.g. `nightly import`).
    public var label: String
    /// SHA-256 of the secret: enough to recognise the token, useless to forge it.
    public var secretDigest: Data
    public var created: Date
    /// When the token stops working; `nil` for never.
    public var expires: Date?
    /// When the token was revoked, if it was.
    public var revoked: Date?
    /// When the token was last accepted (recorded at most once a minute).
    public var lastUsed: Date?

    public init(
        id: Int64, userID: Int64, label: String, secretDigest: Data, created: Date, expires: Date? = nil, revoked: Date? = nil,
        lastUsed: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.label = label
        self.secretDigest = secretDigest
        self.created = created
        self.expires = expires
        self.revoked = revoked
        self.lastUsed = lastUsed
    }

    /// Whether the token is accepted at `instant`: not revoked and not expired.
    public func isValid(at instant: Date) -> Bool {
        revoked == nil && (expires.map { instant < $0 } ?? true)
    }

    /// E.g. `token 4 "nightly import" of user 2`: never the digest.
    public var description: String { "token \(id) \"\(label)\" of user \(userID)\(revoked == nil ? "" : ", revoked")" }

    /// The fields `dump` and debuggers show: every one but the digest.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "id": id, "userID": userID, "label": label, "created": created, "expires": expires as Any, "revoked": revoked as Any,
                "lastUsed": lastUsed as Any,
            ])
    }
}
