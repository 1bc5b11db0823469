import Foundation
import TruceStore

/// API tokens for scripts: created with a secret shown once (only its SHA-256 digest is kept), listed without
/// it, revoked, and expiring. Every change is written with its audit entry in one transaction.
public struct Tokens: Sendable {
    public let store: any AccountStore
    /// The clock: `Date.init` but in tests.
    public var now: @Sendable () -> Date

    public init(store: any AccountStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The longest lifetime a token may be given, in days (ten years).
    public static let maximumLifetimeDays = 3_650
    /// The longest label.
    public static let maximumLabelLength = 200

    /// Creates a token acting as the user `userName`.
    /// - Parameters:
    ///   - label: what the token is for.
    ///   - expiresInDays: days until the token stops working (1 to 3650), `nil` for never.
    /// - Returns: the token with its secret, which cannot be read back afterwards.
    /// - Throws: ``AccountError`` for an unknown user, a disabled one, or a lifetime or label out of range.
    public func create(for userName: String, label: String = "", expiresInDays: Int?, by author: ChangeAuthor) throws -> CreatedToken {
        if let days = expiresInDays, !(1...Self.maximumLifetimeDays).contains(days) {
            throw AccountError(.invalidValue, subject: userName, field: "expires-in", reason: "\(days) is not 1 to \(Self.maximumLifetimeDays) days")
        }
        if label.count > Self.maximumLabelLength || label.contains(where: \.isNewline) {
            throw AccountError(
                .invalidValue, subject: userName, field: "label", reason: "a label is one line of at most \(Self.maximumLabelLength) characters")
        }
        let secret = Secrets.make(prefix: Secrets.tokenPrefix)
        let instant = now()
        return try store.write { transaction in
            guard let user = try transaction.user(named: userName) else {
                throw AccountError(.unknownUser, subject: userName, reason: "no such user")
            }
            if user.isDisabled { throw AccountError(.invalidValue, subject: user.name, reason: "the user is disabled") }
            let stored = try transaction.add(
                StoredToken(
                    id: 0, userID: user.id, label: label, secretDigest: Secrets.digest(secret), created: instant,
                    expires: expiresInDays.map { instant.addingTimeInterval(Double($0) * 86_400) }))
            let token = TokenInfo(stored, user: user.name)
            try transaction.append(
                AuditTrail.entry(
                    by: author, action: "tokens.create", recordKind: "token", recordID: String(token.id), before: nil, after: token, at: instant))
            return CreatedToken(secret: secret, token: token)
        }
    }

    /// The tokens of the user `userName` (ignoring case), or of every user, by id; never their secrets.
    /// - Throws: ``AccountError`` for an unknown user.
    public func list(user userName: String? = nil) throws -> [TokenInfo] {
        let names = Dictionary(uniqueKeysWithValues: try store.users().map { ($0.id, $0.name) })
        var userID: Int64?
        if let userName {
            guard let user = try store.user(named: userName) else { throw AccountError(.unknownUser, subject: userName, reason: "no such user") }
            userID = user.id
        }
        return try store.tokens(userID: userID).map { TokenInfo($0, user: names[$0.userID] ?? "") }
    }

    /// Revokes a token: it stops working at once. Revoking a revoked token changes nothing.
    /// - Throws: ``AccountError`` of kind ``AccountError/Kind/unknownToken``.
    @discardableResult
    public func revoke(id: Int64, by author: ChangeAuthor) throws -> TokenInfo {
        let instant = now()
        return try store.write { transaction in
            guard var token = try transaction.token(id: id) else { throw AccountError(.unknownToken, subject: String(id), reason: "no such token") }
            let owner = try transaction.user(id: token.userID)?.name ?? ""
            let before = TokenInfo(token, user: owner)
            guard token.revoked == nil else { return before }
            token.revoked = instant
            try transaction.update(token)
            let after = TokenInfo(token, user: owner)
            try transaction.append(
                AuditTrail.entry(
                    by: author, action: "tokens.revoke", recordKind: "token", recordID: String(id), before: before, after: after, at: instant))
            return after
        }
    }
}
