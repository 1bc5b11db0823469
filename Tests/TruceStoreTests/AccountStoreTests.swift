import Foundation
import GRDB
import Testing
import TruceStore

@Suite("The account store: users, tokens, sessions and the append-only audit trail")
struct AccountStoreTests {
    static let moment = Date(timeIntervalSince1970: 1_764_590_400)

    static func entry(_ action: String, record: String) -> AuditEntry {
        AuditEntry(at: moment, actor: "amina", role: .admin, action: action, recordKind: "user", recordID: record, before: nil, after: "{}")
    }

    @Test("the audit trail refuses UPDATE and DELETE: the triggers abort them and the entry stays as written")
    func auditTriggersAbortChanges() throws {
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        try store.write { try $0.append(Self.entry("users.add", record: "amina")) }
        let queue = try DatabaseQueue(path: path)
        for sql in ["UPDATE audit_entry SET actor = 'someone else'", "DELETE FROM audit_entry", "UPDATE audit_entry SET after = NULL WHERE id = 1"] {
            let error = #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: sql) } }
            #expect(error?.message?.contains("the audit trail is append-only") == true, "\(sql)")
        }
        let entries = try store.auditEntries(matching: AuditQuery())
        #expect(entries.count == 1)
        #expect(entries.first?.actor == "amina")
        #expect(entries.first?.after == "{}")
    }

    @Test("a change that fails leaves no audit entry: the entry and the change are one transaction")
    func failingChangeLeavesNoEntry() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try store.write { transaction in
                _ = try transaction.add(NewUser(name: "amina", role: .admin, passwordHash: "$2b$04$x", created: Self.moment))
                try transaction.append(Self.entry("users.add", record: "amina"))
                throw Interrupted()
            }
        }
        #expect(try store.auditEntries(matching: AuditQuery()).isEmpty)
        #expect(try store.users().isEmpty)
        // A change the database itself refuses (a second user of the same name) rolls its entry back too.
        try store.write { _ = try $0.add(NewUser(name: "amina", role: .admin, passwordHash: "$2b$04$x", created: Self.moment)) }
        #expect(throws: StoreError.self) {
            try store.write { transaction in
                try transaction.append(Self.entry("users.add", record: "AMINA"))
                _ = try transaction.add(NewUser(name: "AMINA", role: .viewer, passwordHash: "$2b$04$y", created: Self.moment))
            }
        }
        #expect(try store.auditEntries(matching: AuditQuery()).isEmpty)
        #expect(try store.users().map(\.name) == ["amina"])
    }

    @Test("user names are unique regardless of case, and found regardless of case")
    func namesIgnoreCase() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        let added = try store.write {
            try $0.add(NewUser(name: "Amina", role: .analyst, passwordHash: "h", agreementScope: ["gaza-ceasefire-2025"], created: Self.moment))
        }
        #expect(try store.user(named: "AMINA") == added)
        #expect(try store.user(named: "amina")?.agreementScope == ["gaza-ceasefire-2025"])
        #expect(throws: StoreError.self) {
            try store.write { _ = try $0.add(NewUser(name: "aMiNa", role: .viewer, passwordHash: "h", created: Self.moment)) }
        }
    }

    @Test("audit entries are listed by actor, action, time and record, oldest first, the latest N with a limit")
    func auditFilters() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        try store.write { transaction in
            for (offset, action) in ["users.add", "users.disable", "tokens.create", "users.enable"].enumerated() {
                var entry = Self.entry(action, record: offset == 2 ? "7" : "amina")
                entry.at = Self.moment.addingTimeInterval(Double(offset) * 60)
                if offset == 3 { entry.actor = "cli:root" }
                try transaction.append(entry)
            }
        }
        #expect(try store.auditEntries(matching: AuditQuery(actor: "AMINA")).map(\.action) == ["users.add", "users.disable", "tokens.create"])
        #expect(try store.auditEntries(matching: AuditQuery(action: "users.enable")).map(\.actor) == ["cli:root"])
        #expect(try store.auditEntries(matching: AuditQuery(since: Self.moment.addingTimeInterval(60))).count == 3)
        #expect(try store.auditEntries(matching: AuditQuery(recordKind: "user", recordID: "7")).map(\.action) == ["tokens.create"])
        #expect(try store.auditEntries(matching: AuditQuery(limit: 2)).map(\.action) == ["tokens.create", "users.enable"])
        #expect(try store.auditEntries(matching: AuditQuery()).compactMap(\.id) == [1, 2, 3, 4])
    }

    @Test("recording a token's use writes only its last use: a revocation written after the token was read stays")
    func tokenUseKeepsRevocation() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        let token = try store.write { transaction in
            let user = try transaction.add(NewUser(name: "amina", role: .viewer, passwordHash: "h", created: Self.moment))
            return try transaction.add(
                StoredToken(id: 0, userID: user.id, label: "x", secretDigest: Data(repeating: 7, count: 32), created: Self.moment))
        }
        let readBeforeRevocation = try #require(try store.token(id: token.id))
        try store.write { transaction in
            var revoked = readBeforeRevocation
            revoked.revoked = Self.moment.addingTimeInterval(1)
            try transaction.update(revoked)
        }
        try store.write { try $0.recordUse(ofToken: readBeforeRevocation.id, at: Self.moment.addingTimeInterval(2)) }
        let stored = try #require(try store.token(secretDigest: Data(repeating: 7, count: 32)))
        #expect(stored.revoked == Self.moment.addingTimeInterval(1))
        #expect(stored.lastUsed == Self.moment.addingTimeInterval(2))
        #expect(!stored.isValid(at: Self.moment.addingTimeInterval(3)))
    }

    @Test("a stored user's description and mirror never show the password hash")
    func storedUserHidesHash() {
        let user = StoredUser(id: 1, name: "amina", role: .admin, passwordHash: "$2b$12$SECRETHASHVALUE", created: Self.moment)
        var dumped = ""
        dump(user, to: &dumped)
        for text in [user.description, String(reflecting: user), dumped, "\(user)"] {
            #expect(!text.contains("SECRETHASHVALUE"), "\(text)")
        }
        let token = StoredToken(id: 1, userID: 1, label: "x", secretDigest: Data([0xAB, 0xCD, 0xEF]), created: Self.moment)
        var tokenDump = ""
        dump(token, to: &tokenDump)
        #expect(!tokenDump.contains("3 bytes") && !token.description.contains("abcdef"))
    }
}
