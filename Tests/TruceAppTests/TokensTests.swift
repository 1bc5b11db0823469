import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("API tokens: shown once, stored as a digest, revoked and expiring")
struct TokensTests {
    @Test("a token's secret is shown once: the database holds only its SHA-256 digest, and no listing shows either")
    func secretShownOnce() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let created = try fixture.tokens.create(for: "amina", label: "nightly import", expiresInDays: 30, by: AccountFixture.author)
        #expect(created.secret.hasPrefix(Secrets.tokenPrefix))
        #expect(created.secret.count == Secrets.tokenPrefix.count + 43)
        let bytes = try fixture.databaseBytes()
        #expect(bytes.range(of: Data(created.secret.utf8)) == nil, "the secret is not in the database")
        #expect(bytes.range(of: Data(created.secret.dropFirst(Secrets.tokenPrefix.count).utf8)) == nil)
        #expect(bytes.range(of: Secrets.digest(created.secret)) != nil, "its digest is")
        let listed = try fixture.tokens.list(user: "AMINA")
        #expect(listed == [created.token])
        #expect(!(try TruceJSON.string(listed)).contains(created.secret))
        #expect(try fixture.authentication().principal(bearerToken: created.secret)?.name == "amina")
        #expect(try fixture.tokens.list().first?.lastUsed == fixture.clock.now, "its use is recorded")
    }

    @Test("two tokens never share a secret")
    func secretsDiffer() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let secrets = try (0..<20).map { _ in try fixture.tokens.create(for: "amina", expiresInDays: 1, by: AccountFixture.author).secret }
        #expect(Set(secrets).count == 20)
    }

    @Test("a revoked token and an expired token resolve to nothing at once")
    func revokedAndExpired() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication()
        let revoked = try fixture.tokens.create(for: "amina", expiresInDays: 30, by: AccountFixture.author)
        let expiring = try fixture.tokens.create(for: "amina", expiresInDays: 1, by: AccountFixture.author)
        let lasting = try fixture.tokens.create(for: "amina", expiresInDays: nil, by: AccountFixture.author)
        #expect(try authentication.principal(bearerToken: revoked.secret) != nil)
        try fixture.tokens.revoke(id: revoked.token.id, by: AccountFixture.author)
        #expect(try authentication.principal(bearerToken: revoked.secret) == nil)
        fixture.clock.advance(86_400 - 1)
        #expect(try authentication.principal(bearerToken: expiring.secret) != nil)
        fixture.clock.advance(1)
        #expect(try authentication.principal(bearerToken: expiring.secret) == nil)
        fixture.clock.advance(86_400 * 3_000)
        #expect(try authentication.principal(bearerToken: lasting.secret)?.credential == .token(id: lasting.token.id))
        #expect(try authentication.principal(bearerToken: "truce_not-a-token") == nil)
        let states = try fixture.tokens.list().map { $0.state(at: fixture.clock.now) }
        #expect(states == ["revoked", "expired", "active"])
        let audit = try AuditTrail(store: fixture.store).list(AuditQuery(recordKind: "token"))
        #expect(audit.map(\.action) == ["tokens.create", "tokens.create", "tokens.create", "tokens.revoke"])
    }

    @Test("a token's lifetime is 1 to 3650 days, for a known, enabled user")
    func creationChecks() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        for days in [0, -1, 3_651] {
            let error = #expect(throws: AccountError.self) { try fixture.tokens.create(for: "amina", expiresInDays: days, by: AccountFixture.author) }
            #expect(error?.field == "expires-in")
        }
        let unknown = #expect(throws: AccountError.self) { try fixture.tokens.create(for: "nobody", expiresInDays: 1, by: AccountFixture.author) }
        #expect(unknown?.kind == .unknownUser)
        try fixture.accounts.disable("amina", by: AccountFixture.author)
        #expect(throws: AccountError.self) { try fixture.tokens.create(for: "amina", expiresInDays: 1, by: AccountFixture.author) }
        let missing = #expect(throws: AccountError.self) { try fixture.tokens.revoke(id: 99, by: AccountFixture.author) }
        #expect(missing?.kind == .unknownToken)
        #expect(try fixture.tokens.list().isEmpty)
    }
}
