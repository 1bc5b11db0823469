import Foundation
import GRDB
import TruceCore

extension SQLiteStore: AccountStore {
    @discardableResult
    public func write<Value>(_ body: (any AccountTransaction) throws -> Value) throws -> Value {
        // What `body` throws of its own (a use case refusing a change) reaches the caller as it is, after the
        // rollback; the database's own errors become store errors.
        var refusal: (any Error)?
        do {
            return try wrap("write accounts") {
                try immediateWrite(changesContent: false) { db in
                    do {
                        return try body(AccountRows(db: db, path: path, contentWrites: contentWrites))
                    } catch let error where !(error is DatabaseError) && !(error is StoreError) {
                        refusal = error
                        throw error
                    }
                }
            }
        } catch {
            throw refusal ?? error
        }
    }

    public func user(named name: String) throws -> StoredUser? {
        try wrap("read users") { try writer.read { try AccountRows(db: $0, path: path, contentWrites: nil).user(named: name) } }
    }

    public func user(id: Int64) throws -> StoredUser? {
        try wrap("read users") { try writer.read { try AccountRows(db: $0, path: path, contentWrites: nil).user(id: id) } }
    }

    public func users() throws -> [StoredUser] {
        try wrap("read users") {
            try writer.read { db in
                let rows = AccountRows(db: db, path: path, contentWrites: nil)
                return try Row.fetchAll(db, sql: "\(AccountRows.userColumns) ORDER BY name, id").map(rows.storedUser)
            }
        }
    }

    public func token(secretDigest: Data) throws -> StoredToken? {
        try wrap("read tokens") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "\(AccountRows.tokenColumns) WHERE secret_sha256 = ?", arguments: [secretDigest]).map(
                    AccountRows.storedToken)
            }
        }
    }

    public func token(id: Int64) throws -> StoredToken? {
        try wrap("read tokens") { try writer.read { try AccountRows(db: $0, path: path, contentWrites: nil).token(id: id) } }
    }

    public func tokens(userID: Int64?) throws -> [StoredToken] {
        try wrap("read tokens") {
            try writer.read { db in
                let only = userID == nil ? "" : " WHERE user_id = ?"
                return try Row.fetchAll(
                    db, sql: "\(AccountRows.tokenColumns)\(only) ORDER BY id", arguments: StatementArguments(userID.map { [$0] } ?? [])
                )
                .map(AccountRows.storedToken)
            }
        }
    }

    public func session(idDigest: Data) throws -> StoredSession? {
        try wrap("read sessions") {
            try writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT id_sha256, user_id, csrf_sha256, created_at, expires_at FROM account_session WHERE id_sha256 = ?",
                    arguments: [idDigest]
                ).map { row in
                    StoredSession(
                        idDigest: row["id_sha256"], userID: row["user_id"], csrfDigest: row["csrf_sha256"],
                        created: AccountRows.date(row["created_at"]),
                        expires: AccountRows.date(row["expires_at"]))
                }
            }
        }
    }

    public func loginAttempts(account: String?, address: String?, after instant: Date) throws -> [Date] {
        try wrap("read login attempts") {
            try writer.read { db in
                var conditions = ["at > ?"]
                var arguments: StatementArguments = [instant.timeIntervalSince1970]
                if let account {
                    conditions.append("account = ?")
                    arguments += [account]
                }
                if let address {
                    conditions.append("address = ?")
                    arguments += [address]
                }
                return try Double.fetchAll(
                    db, sql: "SELECT at FROM login_attempt WHERE \(conditions.joined(separator: " AND ")) ORDER BY at", arguments: arguments
                ).map(AccountRows.date)
            }
        }
    }
}

/// The account tables read and written in one transaction's connection.
struct AccountRows: AccountTransaction {
    let db: Database
    /// The database file, named in errors.
    let path: String
    /// The store's count of writes that change what adjudication judges, when the transaction may write.
    let contentWrites: WriteCounter?

    static let userColumns = "SELECT id, name, role, password_hash, disabled, agreement_scope, created_at, pseudonym FROM account_user"
    static let tokenColumns =
        "SELECT id, user_id, label, secret_sha256, created_at, expires_at, revoked_at, last_used_at FROM account_token"

    func user(named name: String) throws -> StoredUser? {
        try Row.fetchOne(db, sql: "\(Self.userColumns) WHERE name = ?", arguments: [name]).map(storedUser)
    }

    func user(id: Int64) throws -> StoredUser? {
        try Row.fetchOne(db, sql: "\(Self.userColumns) WHERE id = ?", arguments: [id]).map(storedUser)
    }

    func add(_ user: NewUser) throws -> StoredUser {
        if try self.user(named: user.name) != nil {
            throw StoreError(path: path, operation: "add user", cause: .recordRejected("a user named \"\(user.name)\" exists"))
        }
        let pseudonym = (0..<5).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try db.execute(
            sql:
                "INSERT INTO account_user (name, role, password_hash, disabled, agreement_scope, created_at, pseudonym) VALUES (?, ?, ?, 0, ?, ?, ?)",
            arguments: [
                user.name, user.role.rawValue, user.passwordHash, try Self.json(user.agreementScope), user.created.timeIntervalSince1970, pseudonym,
            ])
        return StoredUser(
            id: db.lastInsertedRowID, name: user.name, role: user.role, passwordHash: user.passwordHash, agreementScope: user.agreementScope,
            created: user.created, pseudonym: pseudonym)
    }

    func update(_ user: StoredUser) throws {
        try db.execute(
            sql: "UPDATE account_user SET name = ?, role = ?, password_hash = ?, disabled = ?, agreement_scope = ? WHERE id = ?",
            arguments: [user.name, user.role.rawValue, user.passwordHash, user.isDisabled, try Self.json(user.agreementScope), user.id])
    }

    func add(_ token: StoredToken) throws -> StoredToken {
        try db.execute(
            sql: """
                INSERT INTO account_token (user_id, label, secret_sha256, created_at, expires_at, revoked_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                token.userID, token.label, token.secretDigest, token.created.timeIntervalSince1970, token.expires?.timeIntervalSince1970,
                token.revoked?.timeIntervalSince1970, token.lastUsed?.timeIntervalSince1970,
            ])
        var stored = token
        stored.id = db.lastInsertedRowID
        return stored
    }

    func token(id: Int64) throws -> StoredToken? {
        try Row.fetchOne(db, sql: "\(Self.tokenColumns) WHERE id = ?", arguments: [id]).map(Self.storedToken)
    }

    func update(_ token: StoredToken) throws {
        try db.execute(
            sql: "UPDATE account_token SET label = ?, expires_at = ?, revoked_at = ?, last_used_at = ? WHERE id = ?",
            arguments: [
                token.label, token.expires?.timeIntervalSince1970, token.revoked?.timeIntervalSince1970, token.lastUsed?.timeIntervalSince1970,
                token.id,
            ])
    }

    func recordUse(ofToken id: Int64, at instant: Date) throws {
        try db.execute(sql: "UPDATE account_token SET last_used_at = ? WHERE id = ?", arguments: [instant.timeIntervalSince1970, id])
    }

    func add(_ session: StoredSession) throws {
        try db.execute(
            sql: "INSERT INTO account_session (id_sha256, user_id, csrf_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                session.idDigest, session.userID, session.csrfDigest, session.created.timeIntervalSince1970, session.expires.timeIntervalSince1970,
            ])
    }

    func removeSession(idDigest: Data) throws {
        try db.execute(sql: "DELETE FROM account_session WHERE id_sha256 = ?", arguments: [idDigest])
    }

    func removeSessions(userID: Int64) throws {
        try db.execute(sql: "DELETE FROM account_session WHERE user_id = ?", arguments: [userID])
    }

    func removeSessions(expiredBefore instant: Date) throws {
        try db.execute(sql: "DELETE FROM account_session WHERE expires_at < ?", arguments: [instant.timeIntervalSince1970])
    }

    func recordLoginAttempt(account: String, address: String, at instant: Date) throws {
        try db.execute(
            sql: "INSERT INTO login_attempt (account, address, at) VALUES (?, ?, ?)", arguments: [account, address, instant.timeIntervalSince1970])
    }

    func forgetLoginAttempts(account: String) throws {
        try db.execute(sql: "DELETE FROM login_attempt WHERE account = ?", arguments: [account])
    }

    func forgetLoginAttempts(before instant: Date) throws {
        try db.execute(sql: "DELETE FROM login_attempt WHERE at < ?", arguments: [instant.timeIntervalSince1970])
    }

    func agreement(id: AgreementID) throws -> Agreement? {
        try String.fetchOne(db, sql: "SELECT body FROM agreement WHERE id = ?", arguments: [id]).map {
            try TruceJSON.decoder().decode(Agreement.self, from: Data($0.utf8))
        }
    }

    func save(agreements: [Agreement]) throws -> LoadSummary {
        contentWrites?.increment()
        return try SQLiteStore.save(agreements: agreements, db: db)
    }

    func incident(id: IncidentID) throws -> Incident? {
        try SQLiteStore.storedIncident(id, db: db)?.incident
    }

    func save(incidents: [Incident]) throws -> LoadSummary {
        contentWrites?.increment()
        return try SQLiteStore.save(prepared: incidents.map(PreparedIncident.init), quarantined: [], db: db)
    }

    @discardableResult
    func append(_ entry: AuditEntry) throws -> AuditEntry {
        try db.execute(
            sql: """
                INSERT INTO audit_entry (at, actor, role, action, record_kind, record_id, before, after, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.at.timeIntervalSince1970, entry.actor, entry.role?.rawValue, entry.action, entry.recordKind, entry.recordID, entry.before,
                entry.after, entry.requestID,
            ])
        var stored = entry
        stored.id = db.lastInsertedRowID
        return stored
    }

    func storedUser(_ row: Row) throws -> StoredUser {
        let role: String = row["role"]
        guard let known = Role(rawValue: role) else {
            throw StoreError(path: path, operation: "read users", cause: .damaged, details: "user \(row["id"] as Int64): unknown role \"\(role)\"")
        }
        return StoredUser(
            id: row["id"], name: row["name"], role: known, passwordHash: row["password_hash"], isDisabled: row["disabled"],
            agreementScope: try TruceJSON.decoder().decode([AgreementID].self, from: Data((row["agreement_scope"] as String).utf8)),
            created: Self.date(row["created_at"]), pseudonym: row["pseudonym"] ?? "")
    }

    static func storedToken(_ row: Row) -> StoredToken {
        StoredToken(
            id: row["id"], userID: row["user_id"], label: row["label"], secretDigest: row["secret_sha256"], created: date(row["created_at"]),
            expires: (row["expires_at"] as Double?).map(date), revoked: (row["revoked_at"] as Double?).map(date),
            lastUsed: (row["last_used_at"] as Double?).map(date))
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func json(_ scope: [AgreementID]) throws -> String { try TruceJSON.string(scope) }
}
