import Foundation
import TruceStore

/// Why a change to users or tokens was refused, naming the user, token or field at fault.
public struct AccountError: Error, Hashable, CustomStringConvertible, Sendable {
    public enum Kind: Hashable, Sendable {
        /// No user has this name.
        case unknownUser
        /// No token has this id.
        case unknownToken
        /// Another user has this name (regardless of case).
        case nameTaken
        /// The name breaks the naming rule.
        case invalidName
        /// The password breaks the password policy.
        case weakPassword
        /// A value is out of its range (a token's lifetime, a label's length, an agreement id).
        case invalidValue
    }

    public var kind: Kind
    /// The user's name or the token's id the error is about.
    public var subject: String
    /// The field at fault, e.g. `password`, `--expires-in`.
    public var field: String?
    /// What is wrong, in plain words.
    public var reason: String

    public init(_ kind: Kind, subject: String, field: String? = nil, reason: String) {
        self.kind = kind
        self.subject = subject
        self.field = field
        self.reason = reason
    }

    /// E.g. `user "amina": password: shorter than 12 characters`.
    public var description: String {
        let what = kind == .unknownToken ? "token \(subject)" : "user \"\(subject)\""
        return "\(what): " + (field.map { "\($0): " } ?? "") + reason
    }
}

/// Why a login was refused. The message never tells whether the name exists.
public struct LoginRefused: Error, Hashable, CustomStringConvertible, Sendable {
    /// The name that was given.
    public var account: String

    public init(account: String) { self.account = account }

    public var description: String { "login refused: wrong name or password, or the account is disabled" }
}

/// Too many failed logins for an account or from an address: the next attempt is accepted after ``retryAfter``
/// seconds (HTTP's `Retry-After`).
public struct LoginThrottled: Error, Hashable, CustomStringConvertible, Sendable {
    /// What was over its limit.
    public enum Limit: String, Hashable, Sendable {
        case account, address
    }

    public var limit: Limit
    /// The account or the address.
    public var subject: String
    /// Whole seconds until an attempt is accepted again (at least 1).
    public var retryAfter: Int

    public init(limit: Limit, subject: String, retryAfter: Int) {
        self.limit = limit
        self.subject = subject
        self.retryAfter = retryAfter
    }

    public var description: String { "too many failed logins for this \(limit.rawValue); try again in \(retryAfter) s" }
}

/// A form or write of a browser session without the session's CSRF token, or with another.
public struct CSRFRejected: Error, Hashable, CustomStringConvertible, Sendable {
    /// Whether the token was missing (else it was wrong).
    public var missing: Bool

    public init(missing: Bool) { self.missing = missing }

    public var description: String { missing ? "the CSRF token is missing" : "the CSRF token does not match the session" }
}

/// A request that may not do what it asked.
public struct AccessDenied: Error, Hashable, CustomStringConvertible, Sendable {
    public enum Reason: Hashable, Sendable {
        /// No one is signed in and public access does not allow it (HTTP 401).
        case signInRequired
        /// The role lacks the permission (HTTP 403).
        case roleLacks(Role)
        /// The agreement is outside the user's scope (HTTP 404 keeps its existence hidden, or 403).
        case outsideScope(agreement: String)
    }

    public var permission: Permission
    public var reason: Reason

    public init(_ permission: Permission, reason: Reason) {
        self.permission = permission
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .signInRequired: return "sign in to \(permission.summary)"
        case .roleLacks(let role): return "the \(role) role may not \(permission.summary)"
        case .outsideScope(let agreement): return "agreement \"\(agreement)\" is outside this account's scope"
        }
    }
}
