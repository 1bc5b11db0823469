import Foundation
import Testing
import TruceApp
import TruceStore

@Suite("Authentication: logins, sessions, CSRF and the login throttle")
struct AuthenticationTests {
    @Test("the session id changes at login: an id held before login is ended, and each login gets a new one")
    func sessionFixation() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication()
        let planted = try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1")
        let again = try authentication.logIn(name: "AMINA", password: AccountFixture.password, address: "192.0.2.1", replacing: planted.sessionID)
        #expect(again.sessionID != planted.sessionID)
        #expect(again.csrfToken != planted.csrfToken)
        #expect(try authentication.principal(sessionID: planted.sessionID) == nil, "the session held before login no longer works")
        #expect(try authentication.principal(sessionID: again.sessionID)?.name == "amina")
        let bytes = try fixture.databaseBytes()
        #expect(bytes.range(of: Data(again.sessionID.utf8)) == nil && bytes.range(of: Data(again.csrfToken.utf8)) == nil)
        #expect(!again.description.contains(again.sessionID) && !again.description.contains(again.csrfToken))
        try authentication.logOut(sessionID: again.sessionID)
        #expect(try authentication.principal(sessionID: again.sessionID) == nil)
    }

    @Test("a CSRF token missing, wrong, or of another session is rejected")
    func csrf() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        try fixture.add("boris", .viewer)
        let authentication = fixture.authentication()
        let amina = try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1")
        let boris = try authentication.logIn(name: "boris", password: AccountFixture.password, address: "192.0.2.2")
        try authentication.verifyCSRF(amina.csrfToken, sessionID: amina.sessionID)
        #expect(throws: CSRFRejected(missing: true)) { try authentication.verifyCSRF(nil, sessionID: amina.sessionID) }
        #expect(throws: CSRFRejected(missing: true)) { try authentication.verifyCSRF("", sessionID: amina.sessionID) }
        #expect(throws: CSRFRejected(missing: false)) { try authentication.verifyCSRF(amina.csrfToken + "x", sessionID: amina.sessionID) }
        #expect(throws: CSRFRejected(missing: false)) { try authentication.verifyCSRF(boris.csrfToken, sessionID: amina.sessionID) }
        #expect(throws: CSRFRejected(missing: false)) { try authentication.verifyCSRF(amina.csrfToken, sessionID: "no-such-session") }
    }

    @Test("a disabled user's sessions and tokens stop resolving at once, and they cannot log in")
    func disabledUser() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication()
        let session = try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1")
        let token = try fixture.tokens.create(for: "amina", expiresInDays: 30, by: AccountFixture.author)
        #expect(try authentication.principal(sessionID: session.sessionID) != nil)
        #expect(try authentication.principal(bearerToken: token.secret) != nil)
        try fixture.accounts.disable("amina", by: AccountFixture.author)
        #expect(try authentication.principal(sessionID: session.sessionID) == nil)
        #expect(try authentication.principal(bearerToken: token.secret) == nil)
        #expect(throws: CSRFRejected(missing: false)) { try authentication.verifyCSRF(session.csrfToken, sessionID: session.sessionID) }
        #expect(throws: LoginRefused.self) { try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1") }
        try fixture.accounts.enable("amina", by: AccountFixture.author)
        #expect(try authentication.principal(sessionID: session.sessionID) == nil, "sessions ended by disabling do not come back")
        #expect(try authentication.principal(bearerToken: token.secret)?.name == "amina", "tokens work again")
    }

    @Test("a session expires after its lifetime, and a changed password ends the user's sessions")
    func sessionLifetime() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication(sessionLifetime: 600)
        let first = try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1")
        fixture.clock.advance(599)
        #expect(try authentication.principal(sessionID: first.sessionID) != nil)
        fixture.clock.advance(1)
        #expect(try authentication.principal(sessionID: first.sessionID) == nil)
        let second = try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1")
        try fixture.accounts.changePassword("amina", to: "a brand new passphrase", by: AccountFixture.author)
        #expect(try authentication.principal(sessionID: second.sessionID) == nil)
        #expect(throws: LoginRefused.self) { try authentication.logIn(name: "amina", password: AccountFixture.password, address: "192.0.2.1") }
        #expect(try authentication.logIn(name: "amina", password: "a brand new passphrase", address: "192.0.2.1").principal.role == .analyst)
    }

    @Test("the throttle refuses an account after its failures in the window, with the seconds until the oldest leaves it")
    func throttlePerAccount() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication(limits: LoginThrottle.Limits(perAccount: 3, perAddress: 100, window: 900))
        for attempt in 0..<3 {
            #expect(throws: LoginRefused.self) {
                try authentication.logIn(name: "amina", password: "wrong password!", address: "198.51.100.\(attempt)")
            }
            fixture.clock.advance(10)
        }
        let throttled = #expect(throws: LoginThrottled.self) {
            try authentication.logIn(name: "Amina", password: AccountFixture.password, address: "198.51.100.9")
        }
        #expect(throttled?.limit == .account)
        #expect(throttled?.retryAfter == 870, "the first failure, 30 s ago, leaves the 900 s window in 870 s")
        fixture.clock.advance(869)
        #expect(throws: LoginThrottled.self) { try authentication.logIn(name: "amina", password: AccountFixture.password, address: "198.51.100.9") }
        fixture.clock.advance(1)
        #expect(try authentication.logIn(name: "amina", password: AccountFixture.password, address: "198.51.100.9").principal.name == "amina")
        #expect(
            try fixture.store.loginAttempts(account: "amina", address: nil, after: .distantPast).isEmpty, "a login forgets the account's failures")
    }

    @Test("the throttle refuses an address after its failures in the window, whichever accounts it tried")
    func throttlePerAddress() throws {
        let fixture = try AccountFixture()
        try fixture.add("amina", .analyst)
        let authentication = fixture.authentication(limits: LoginThrottle.Limits(perAccount: 100, perAddress: 4, window: 60))
        for name in ["a1", "a2", "a3", "a4"] {
            #expect(throws: LoginRefused.self) { try authentication.logIn(name: name, password: "wrong password!", address: "203.0.113.5") }
        }
        let throttled = #expect(throws: LoginThrottled.self) {
            try authentication.logIn(name: "amina", password: AccountFixture.password, address: "203.0.113.5")
        }
        #expect(throttled?.limit == .address && throttled?.retryAfter == 60)
        #expect(throttled?.description.contains("60 s") == true)
        #expect(try authentication.logIn(name: "amina", password: AccountFixture.password, address: "203.0.113.6").principal.name == "amina")
        fixture.clock.advance(60)
        #expect(try authentication.logIn(name: "amina", password: AccountFixture.password, address: "203.0.113.5").principal.name == "amina")
    }
}
