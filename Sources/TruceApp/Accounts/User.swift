import Foundation
import TruceCore
import TruceStore

/// A user as use cases show them: everything but the password hash.
public struct User: Hashable, Codable, Sendable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var isDisabled: Bool
    /// The agreements the user may see and act on; empty means every agreement.
    public var agreementScope: [AgreementID]
    public var created: Date
    /// What readers who may not review see of the user on an observation they submitted.
    public var pseudonym: String

    public init(_ stored: StoredUser) {
        id = stored.id
        name = stored.name
        role = stored.role
        isDisabled = stored.isDisabled
        agreementScope = stored.agreementScope
        created = stored.created
        pseudonym = stored.pseudonym
    }
}

/// An API token as use cases show it: never its secret, nor the secret's digest.
public struct TokenInfo: Hashable, Codable, Sendable {
    public var id: Int64
    /// The name of the user the token acts as.
    public var user: String
    public var label: String
    public var created: Date
    /// When the token stops working; `nil` for never.
    public var expires: Date?
    public var revoked: Date?
    public var lastUsed: Date?

    public init(_ stored: StoredToken, user: String) {
        id = stored.id
        self.user = user
        label = stored.label
        created = stored.created
        expires = stored.expires
        revoked = stored.revoked
        lastUsed = stored.lastUsed
    }

    /// `active`, `revoked` or `expired`, at `instant`.
    public func state(at instant: Date) -> String {
        if revoked != nil { return "revoked" }
        if let expires, expires <= instant { return "expired" }
        return "active"
    }
}

/// A token just created: its secret, shown this once and never again, and what the store keeps.
public struct CreatedToken: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    /// The secret to give in `Authorization: Bearer …`. Truce keeps only its digest, so it cannot be shown again.
    public var secret: String
    public var token: TokenInfo

    /// The token without its secret, so that logging the value does not leak it.
    public var description: String { "token \(token.id) \"\(token.label)\" of \(token.user)" }

    /// The fields `dump` and debuggers show: no secret.
    public var customMirror: Mirror { Mirror(self, children: ["token": token]) }
}
