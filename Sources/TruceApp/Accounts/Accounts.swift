import Foundation
import TruceCore
import TruceStore

/// Adding, listing and changing users. Every change is written with its audit entry in one transaction.
///
/// ```swift
/// let accounts = Accounts(store: store)
/// let admin = try accounts.add(NewAccount(name: "amina", role: .admin, password: password), by: .commandLine(osUser: "root"))
/// ```
public struct Accounts: Sendable {
    public let store: any AccountStore
    public var policy: PasswordPolicy
    /// The clock: `Date.init` but in tests.
    public var now: @Sendable () -> Date

    public init(store: any AccountStore, policy: PasswordPolicy = PasswordPolicy(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.policy = policy
        self.now = now
    }

    /// The longest name a user may have.
    public static let maximumNameLength = 64

    /// Adds a user.
    /// - Throws: ``AccountError`` for a name taken (regardless of case) or against the rule (1 to 64 of
    ///   `A–Z a–z 0–9 . _ - @`, starting with a letter or digit), a password against the policy, or a scope
    ///   naming something that is not an agreement id.
    @discardableResult
    public func add(_ account: NewAccount, by author: ChangeAuthor) throws -> User {
        try Self.checkName(account.name)
        try policy.check(account.password, for: account.name)
        try Self.checkScope(account.agreementScope, of: account.name)
        let hash = policy.hash(account.password)
        let instant = now()
        return try store.write { transaction in
            if let existing = try transaction.user(named: account.name) {
                throw AccountError(.nameTaken, subject: account.name, reason: "the name is taken by \"\(existing.name)\"")
            }
            let user = User(
                try transaction.add(
                    NewUser(name: account.name, role: account.role, passwordHash: hash, agreementScope: account.agreementScope, created: instant)))
            try transaction.append(
                AuditTrail.entry(by: author, action: "users.add", recordKind: "user", recordID: user.name, before: nil, after: user, at: instant))
            return user
        }
    }

    /// Every user, by name.
    public func list() throws -> [User] {
        try store.users().map(User.init)
    }

    /// The user named `name` (ignoring case).
    /// - Throws: ``AccountError`` of kind ``AccountError/Kind/unknownUser``.
    public func user(named name: String) throws -> User {
        guard let user = try store.user(named: name) else { throw AccountError(.unknownUser, subject: name, reason: "no such user") }
        return User(user)
    }

    /// Disables a user: they cannot log in, and their sessions end and their tokens stop working at once (the
    /// tokens work again if the user is enabled again; sessions do not come back).
    @discardableResult
    public func disable(_ name: String, by author: ChangeAuthor) throws -> User {
        try change(name, action: "users.disable", by: author) { user, transaction in
            user.isDisabled = true
            try transaction.removeSessions(userID: user.id)
        }
    }

    /// Enables a disabled user again.
    @discardableResult
    public func enable(_ name: String, by author: ChangeAuthor) throws -> User {
        try change(name, action: "users.enable", by: author) { user, _ in user.isDisabled = false }
    }

    /// Gives a user another role, in force at their next request.
    @discardableResult
    public func setRole(_ name: String, to role: Role, by author: ChangeAuthor) throws -> User {
        try change(name, action: "users.set-role", by: author) { user, _ in user.role = role }
    }

    /// Limits a user to some agreements; an empty scope gives them every agreement.
    /// - Throws: ``AccountError`` of kind ``AccountError/Kind/invalidValue`` for an id that is not an agreement id.
    @discardableResult
    public func setScope(_ name: String, to scope: [AgreementID], by author: ChangeAuthor) throws -> User {
        try Self.checkScope(scope, of: name)
        return try change(name, action: "users.set-scope", by: author) { user, _ in user.agreementScope = Array(Set(scope)).sorted() }
    }

    /// Changes a user's password; their sessions end (tokens go on working).
    /// - Throws: ``AccountError`` for an unknown user or a password against the policy.
    @discardableResult
    public func changePassword(_ name: String, to password: String, by author: ChangeAuthor) throws -> User {
        try policy.check(password, for: name)
        let hash = policy.hash(password)
        return try change(name, action: "users.change-password", by: author) { user, transaction in
            user.passwordHash = hash
            try transaction.removeSessions(userID: user.id)
        }
    }

    /// Changes the user `name` with `modify` and writes the change with its audit entry, in one transaction.
    private func change(
        _ name: String, action: String, by author: ChangeAuthor, _ modify: (inout StoredUser, any AccountTransaction) throws -> Void
    ) throws -> User {
        let instant = now()
        return try store.write { transaction in
            guard var user = try transaction.user(named: name) else { throw AccountError(.unknownUser, subject: name, reason: "no such user") }
            let before = User(user)
            try modify(&user, transaction)
            try transaction.update(user)
            let after = User(user)
            try transaction.append(
                AuditTrail.entry(by: author, action: action, recordKind: "user", recordID: user.name, before: before, after: after, at: instant))
            return after
        }
    }

    static func checkName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0))
        }
        guard !name.isEmpty, name.count <= maximumNameLength, allowed, let first = name.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else {
            throw AccountError(
                .invalidName, subject: name, field: "name",
                reason: "a name is 1 to \(maximumNameLength) of A-Z a-z 0-9 . _ - @, starting with a letter or digit")
        }
    }

    static func checkScope(_ scope: [AgreementID], of name: String) throws {
        if let wrong = scope.first(where: { !$0.isSlug || $0.isEmpty }) {
            throw AccountError(.invalidValue, subject: name, field: "scope", reason: "\"\(wrong)\" is not an agreement id")
        }
    }
}

/// What adding a user takes.
public struct NewAccount: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    public var name: String
    public var role: Role
    public var password: String
    /// The agreements the user may see and act on; empty for every agreement.
    public var agreementScope: [AgreementID]

    public init(name: String, role: Role, password: String, agreementScope: [AgreementID] = []) {
        self.name = name
        self.role = role
        self.password = password
        self.agreementScope = agreementScope
    }

    /// E.g. `new account "amina" (analyst)`: never the password.
    public var description: String { "new account \"\(name)\" (\(role))" }

    /// The fields `dump` and debuggers show: never the password.
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "role": role, "agreementScope": agreementScope]) }
}
