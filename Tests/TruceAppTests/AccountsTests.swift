import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("Accounts: users, passwords and the audit of every change")
struct AccountsTests {
    @Test("a password is kept as a bcrypt hash that verifies it and no other")
    func bcryptVerifies() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let stored = try #require(try fixture.store.user(named: "amina"))
        #expect(stored.passwordHash.hasPrefix("$2b$04$"))
        #expect(!stored.passwordHash.contains(AccountFixture.password))
        #expect(fixture.policy.verify(AccountFixture.password, hash: stored.passwordHash))
        #expect(!fixture.policy.verify(AccountFixture.password + "!", hash: stored.passwordHash))
        let again = fixture.policy.hash(AccountFixture.password)
        #expect(again != stored.passwordHash, "each hash has its own salt")
    }

    @Test("the password policy refuses short, over-long and multi-line passwords, and the user's own name")
    func passwordPolicy() throws {
        let fixture = try AccountFixture()
        for (password, reason) in [
            ("short", "shorter than 12"), (String(repeating: "é", count: 40), "longer than 72 bytes"), ("twelve chars\nmore", "line break"),
            ("amina.kovacs", "the user's name"),
        ] {
            let error = #expect(throws: AccountError.self) {
                try fixture.accounts.add(NewAccount(name: "amina.kovacs", role: .viewer, password: password), by: AccountFixture.author)
            }
            #expect(error?.kind == .weakPassword)
            #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("password") == true)
        }
        #expect(try fixture.accounts.list().isEmpty)
    }

    @Test("names are checked and unique regardless of case")
    func names() throws {
        let fixture = try AccountFixture()
        try fixture.add("Amina", .admin)
        let taken = #expect(throws: AccountError.self) { try fixture.add("amina", .viewer) }
        #expect(taken?.kind == .nameTaken)
        for bad in ["", "-dash", "with space", "cli:root", "naïve", String(repeating: "a", count: 65)] {
            let error = #expect(throws: AccountError.self) { try fixture.add(bad, .viewer) }
            #expect(error?.kind == .invalidName, "\(bad)")
        }
        #expect(try fixture.accounts.list().map(\.name) == ["Amina"])
    }

    @Test("disable, enable, set role, set scope and change password are each audited with the user before and after")
    func changesAreAudited() throws {
        let fixture = try AccountFixture()
        let admin = ChangeAuthor(name: "root-admin", role: .admin, requestID: "req-7")
        try fixture.accounts.add(NewAccount(name: "amina", role: .monitor, password: AccountFixture.password), by: admin)
        try fixture.accounts.disable("amina", by: admin)
        try fixture.accounts.enable("AMINA", by: admin)
        try fixture.accounts.setRole("amina", to: .analyst, by: admin)
        try fixture.accounts.setScope("amina", to: ["gaza-ceasefire-2025"], by: admin)
        try fixture.accounts.changePassword("amina", to: "another long password", by: admin)
        let entries = try AuditTrail(store: fixture.store).list()
        #expect(
            entries.map(\.action) == ["users.add", "users.disable", "users.enable", "users.set-role", "users.set-scope", "users.change-password"])
        #expect(entries.allSatisfy { $0.actor == "root-admin" && $0.role == .admin && $0.requestID == "req-7" && $0.recordKind == "user" })
        #expect(entries[0].before == nil)
        #expect(entries[1].before?.contains("\"isDisabled\":false") == true)
        #expect(entries[1].after?.contains("\"isDisabled\":true") == true)
        #expect(entries[3].after?.contains("\"role\":\"analyst\"") == true)
        #expect(entries[4].after?.contains("gaza-ceasefire-2025") == true)
        let user = try fixture.accounts.user(named: "amina")
        #expect(user.role == .analyst && !user.isDisabled && user.agreementScope == ["gaza-ceasefire-2025"])
        let unknown = #expect(throws: AccountError.self) { try fixture.accounts.disable("nobody", by: admin) }
        #expect(unknown?.kind == .unknownUser)
        #expect(try AuditTrail(store: fixture.store).list().count == 6, "a refused change writes no entry")
    }

    @Test("hashes never appear in a public projection's description, mirror or JSON, nor in the audit trail")
    func projectionsHideHashes() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .admin)
        let created = try fixture.tokens.create(for: "amina", label: "nightly", expiresInDays: 30, by: AccountFixture.author)
        let hash = try #require(try fixture.store.user(named: "amina")).passwordHash
        let digest = try #require(try fixture.store.token(id: created.token.id)).secretDigest
        let digestForms = [digest.base64EncodedString(), digest.map { String(format: "%02x", $0) }.joined()]
        let users = try fixture.accounts.list()
        let tokens = try fixture.tokens.list()
        var texts = [
            try TruceJSON.string(users), try TruceJSON.string(tokens), "\(users)", "\(tokens)", created.description, String(reflecting: created),
            try TruceJSON.string(try AuditTrail(store: fixture.store).list()),
        ]
        var dumped = ""
        dump(created, to: &dumped)
        dump(users, to: &dumped)
        texts.append(dumped)
        for text in texts {
            #expect(!text.contains(hash))
            #expect(!text.contains(String(hash.dropFirst(7))))
            for form in digestForms { #expect(!text.contains(form)) }
            #expect(!text.contains(created.secret))
        }
    }
}
