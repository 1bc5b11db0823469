import Foundation
import TruceCore

/// Where a mission's server keeps its users, API tokens, browser sessions, login attempts and audit trail,
/// apart from the monitoring record itself (``Store``).
///
/// Secrets never reach the store: it keeps bcrypt hashes of passwords and SHA-256 digests of token secrets,
/// session ids and CSRF tokens. Every change goes through ``write(_:)``, so a change and the audit entry that
/// tells of it are committed together or not at all.
public protocol AccountStore: Sendable {
    /// Runs `body` in one write transaction: what it changes through the transaction, audit entries included, is
    /// committed when it returns and rolled back entirely when it throws.
    /// - Throws: what `body` throws, or ``StoreError`` when the database cannot be written.
    @discardableResult
    func write<Value>(_ body: (any AccountTransaction) throws -> Value) throws -> Value

    /// The user with this name, ignoring case, or `nil`.
    func user(named name: String) throws -> StoredUser?

    /// The user with this id, or `nil`.
    func user(id: Int64) throws -> StoredUser?

    /// Every user, by name.
    func users() throws -> [StoredUser]

    /// The token whose secret has this SHA-256 digest, or `nil`.
    func token(secretDigest: Data) throws -> StoredToken?

    /// The token with this id, or `nil`.
    func token(id: Int64) throws -> StoredToken?

    /// The tokens of one user, or of every user, by id.
    func tokens(userID: Int64?) throws -> [StoredToken]

    /// The session whose id has this SHA-256 digest, or `nil`.
    func session(idDigest: Data) throws -> StoredSession?

    /// The audit entries `query` selects, oldest first.
    func auditEntries(matching query: AuditQuery) throws -> [AuditEntry]

    /// The times of the failed login attempts recorded after `instant` for this account (ignoring case) or from
    /// this address, oldest first.
    func loginAttempts(account: String?, address: String?, after instant: Date) throws -> [Date]
}

/// The changes one ``AccountStore/write(_:)`` transaction can make (to accounts, agreements and incidents), and what it
/// reads while making them (reads see the transaction's own changes).
public protocol AccountTransaction {
    /// The user with this name, ignoring case, or `nil`.
    func user(named name: String) throws -> StoredUser?

    /// The user with this id, or `nil`.
    func user(id: Int64) throws -> StoredUser?

    /// Stores a new user.
    /// - Returns: the user with their id.
    /// - Throws: ``StoreError`` with ``StoreError/Cause/recordRejected(_:)`` when another user has the name.
    func add(_ user: NewUser) throws -> StoredUser

    /// Stores every field of `user` in place of the stored one with its id.
    func update(_ user: StoredUser) throws

    /// Stores a new token (its `id` is ignored).
    /// - Returns: the token with its id.
    func add(_ token: StoredToken) throws -> StoredToken

    /// The token with this id, or `nil`.
    func token(id: Int64) throws -> StoredToken?

    /// Stores every field of `token` in place of the stored one with its id.
    func update(_ token: StoredToken) throws

    /// Records that the token with this id was accepted at `instant`, changing nothing else of it (a revocation
    /// written since the token was read stays).
    func recordUse(ofToken id: Int64, at instant: Date) throws

    /// Stores a new session.
    func add(_ session: StoredSession) throws

    /// Removes the session whose id has this digest, if any.
    func removeSession(idDigest: Data) throws

    /// Removes every session of a user.
    func removeSessions(userID: Int64) throws

    /// Removes every session that expired before `instant`.
    func removeSessions(expiredBefore instant: Date) throws

    /// Records a failed login attempt for `account` from `address`.
    func recordLoginAttempt(account: String, address: String, at instant: Date) throws

    /// Forgets the login attempts recorded for `account` (after a successful login).
    func forgetLoginAttempts(account: String) throws

    /// Forgets every login attempt older than `instant`.
    func forgetLoginAttempts(before instant: Date) throws

    /// The agreement with `id`, or `nil`.
    func agreement(id: AgreementID) throws -> Agreement?

    /// Saves agreements as ``Store/save(agreements:)`` does, in this transaction: an agreement's edit and the audit
    /// entry that tells of it are committed together.
    /// - Returns: how many were new, updated and unchanged.
    func save(agreements: [Agreement]) throws -> LoadSummary

    /// The incident with `id` (with its source records), or `nil`.
    func incident(id: IncidentID) throws -> Incident?

    /// Saves incidents as ``Store/save(incidents:quarantined:)`` does, in this transaction: an incident's edit
    /// (the version it replaces kept in its history) and the audit entry that tells of it are committed together.
    /// - Returns: how many were new, updated and unchanged.
    func save(incidents: [Incident]) throws -> LoadSummary

    /// Appends an entry to the audit trail.
    /// - Returns: the entry with its id.
    @discardableResult
    func append(_ entry: AuditEntry) throws -> AuditEntry

    /// The review status of the incident with `id`, or `nil` when it was never reviewed.
    func reviewStatus(of id: IncidentID) throws -> ReviewStatus?

    /// Stores `status` in place of its incident's.
    func save(_ status: ReviewStatus) throws

    /// Appends `entry` to its incident's review history.
    /// - Returns: the entry with its id.
    @discardableResult
    func append(_ entry: ReviewEntry) throws -> ReviewEntry
}
