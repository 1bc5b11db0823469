import Foundation
import TruceApp
import TruceCore
import TruceStore

/// A user as the API shows them: never a password or its hash.
struct UserBody: Encodable {
    var name: String
    var role: Role
    /// The agreements the user may see and act on; empty for every agreement.
    var scope: [AgreementID]
    var disabled: Bool?
    var created: Date?
    /// What readers who may not review see of the user on their observations.
    var pseudonym: String?

    init(_ user: User) {
        name = user.name
        role = user.role
        scope = user.agreementScope
        disabled = user.isDisabled
        created = user.created
        pseudonym = user.pseudonym
    }

    init(_ principal: Principal) {
        name = principal.name
        role = principal.role
        scope = principal.agreementScope
    }
}

/// An API token as the API lists it: never its secret, nor the secret's digest.
struct TokenBody: Encodable {
    var id: Int64
    var user: String
    var label: String
    var created: Date
    var expires: Date?
    var revoked: Date?
    var lastUsed: Date?
    /// `active`, `revoked` or `expired`.
    var state: String

    enum CodingKeys: String, CodingKey {
        case id, user, label, created, expires, revoked, state
        case lastUsed = "last_used"
    }

    init(_ token: TokenInfo, at instant: Date = Date()) {
        id = token.id
        user = token.user
        label = token.label
        created = token.created
        expires = token.expires
        revoked = token.revoked
        lastUsed = token.lastUsed
        state = token.state(at: instant)
    }
}

/// A token just created: the secret, shown in this response and never again, and the token.
struct CreatedTokenBody: Encodable {
    var secret: String
    var token: TokenBody
}

/// One entry of the audit trail.
struct AuditEntryBody: Encodable {
    var id: Int64?
    var at: Date
    var actor: String
    var role: Role?
    var action: String
    var recordKind: String
    var recordID: String
    var before: String?
    var after: String?
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, role, action, before, after
        case recordKind = "record_kind"
        case recordID = "record_id"
        case requestID = "request_id"
    }

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actor = entry.actor
        role = entry.role
        action = entry.action
        recordKind = entry.recordKind
        recordID = entry.recordID
        before = entry.before
        after = entry.after
        requestID = entry.requestID
    }
}
