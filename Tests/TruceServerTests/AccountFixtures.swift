import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceServer
import TruceStore

/// Users of a test server: one per role (the monitor limited to the energy moratorium), each with an API token,
/// and a viewer named `target` for the changes the tests make.
struct TestAccounts {
    /// Every test user's password.
    static let password = "correct horse battery"
    /// The one agreement the monitor may see.
    static let monitorScope = "energy-moratorium-2025"
    /// The bcrypt cost of test servers: the lowest.
    static let bcryptCost: UInt8 = 4

    /// Each role's user's API token secret.
    var tokens: [Role: String]
    /// The id of a token of the user `target`.
    var targetToken: Int64

    /// Adds the users and their tokens to `store`, as the command line would.
    static func add(to store: SQLiteStore) throws -> TestAccounts {
        let accounts = Accounts(store: store, policy: PasswordPolicy(bcryptCost: bcryptCost))
        let tokens = Tokens(store: store)
        let author = ChangeAuthor.commandLine(osUser: "test")
        var secrets: [Role: String] = [:]
        for role in Role.allCases {
            let scope = role == .monitor ? [monitorScope] : []
            try accounts.add(NewAccount(name: role.rawValue, role: role, password: password, agreementScope: scope), by: author)
            secrets[role] = try tokens.create(for: role.rawValue, label: "tests", expiresInDays: 30, by: author).secret
        }
        try accounts.add(NewAccount(name: "target", role: .viewer, password: password), by: author)
        let target = try tokens.create(for: "target", label: "target's", expiresInDays: nil, by: author)
        return TestAccounts(tokens: secrets, targetToken: target.token.id)
    }

    /// The `Authorization` header of `role`'s token.
    func bearer(_ role: Role) -> HTTPFields {
        [.authorization: "Bearer \(tokens[role] ?? "")"]
    }
}

/// Configurations of test servers with accounts: bcrypt at its lowest cost.
extension ServerFixtures {
    static func accountsConfiguration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        configuration { configuration in
            configuration.bcryptCost = TestAccounts.bcryptCost
            change(&configuration)
        }
    }
}

/// A browser session of a test client: its cookie and CSRF token.
struct TestSession {
    var sessionID: String
    var csrfToken: String

    /// The headers of a request made in this session, with the CSRF token unless `csrf` is false.
    func headers(csrf: Bool = true) -> HTTPFields {
        var headers: HTTPFields = [.cookie: "truce_session=\(sessionID)"]
        if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrfToken }
        return headers
    }

    /// Signs in as `name` and reads the session from the response.
    static func signIn(
        _ client: some TestClientProtocol, name: String, password: String = TestAccounts.password, headers: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestSession {
        let response = try await client.send(.post, "/api/v1/session", json: #"{"name":"\#(name)","password":"\#(password)"}"#, headers: headers)
        #expect(response.status == .created, "\(response.text)", sourceLocation: sourceLocation)
        let cookie = try #require(response.headers[.setCookie], sourceLocation: sourceLocation)
        let sessionID = try #require(
            cookie.split(separator: ";").first.map { String($0.dropFirst("truce_session=".count)) }, sourceLocation: sourceLocation)
        let csrf = try #require(try response.object()["csrf_token"] as? String, sourceLocation: sourceLocation)
        return TestSession(sessionID: sessionID, csrfToken: csrf)
    }
}

extension TestClientProtocol {
    /// Sends `json` (when given) with `method` to `uri`.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { $0 }
    }
}

/// A test client whose every request carries an API token (and whatever headers the request adds).
struct SignedInClient: TestClientProtocol {
    let base: any TestClientProtocol
    let authorization: String

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var signed = headers
        if signed[.authorization] == nil { signed[.authorization] = authorization }
        return try await base.executeRequest(uri: uri, method: method, headers: signed, body: body)
    }

    var port: Int? { base.port }
}

extension ServerFixtures {
    /// The `Authorization` value of a new token of a `role` user of `store` (named after the role, added unless
    /// there is one already).
    static func authorization(as role: Role, in store: SQLiteStore) throws -> String {
        let author = ChangeAuthor.commandLine(osUser: "test")
        let accounts = Accounts(store: store, policy: PasswordPolicy(bcryptCost: TestAccounts.bcryptCost))
        if (try? accounts.user(named: role.rawValue)) == nil {
            _ = try accounts.add(NewAccount(name: role.rawValue, role: role, password: TestAccounts.password), by: author)
        }
        return "Bearer " + (try Tokens(store: store).create(for: role.rawValue, label: "tests", expiresInDays: 1, by: author).secret)
    }

    /// The audit entries of the writes made through the API (not those of the test users' setup), oldest first.
    static func apiAuditEntries(in store: SQLiteStore) throws -> [AuditEntry] {
        try AuditTrail(store: store).list().filter { $0.action.contains(" /api/v1/") }
    }

    /// Runs `test` against `app` with a client signed in as a `role` user of `store` (see
    /// ``authorization(as:in:)``).
    static func test<Value: Sendable>(
        _ app: some ApplicationProtocol, _ setup: TestingSetup = .router, as role: Role, in store: SQLiteStore,
        _ test: @escaping @Sendable (SignedInClient) async throws -> Value
    ) async throws -> Value {
        let authorization = try authorization(as: role, in: store)
        return try await app.test(setup) { client in try await test(SignedInClient(base: client, authorization: authorization)) }
    }
}
