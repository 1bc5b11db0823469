import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// Users (admins only), API tokens (an admin's for anyone, everyone else's for themselves) and the audit trail
/// (admins only). Every change is written with its audit entry, naming the request, in one transaction.
struct AccountRoutes {
    let store: StoreAccess
    let policy: PasswordPolicy
    let configuration: ServerConfiguration

    /// The most agreements a user's scope may name.
    static let maxScopeSize = 200
    /// The longest agreement id a scope may name.
    static let maxAgreementIDLength = 128

    /// What adding a user takes.
    struct NewUserBody: Decodable {
        var name: String
        var role: Role
        var password: String
        var scope: [AgreementID]?
    }

    /// What changing a user takes: any of these.
    struct UserChangeBody: Decodable {
        var role: Role?
        var disabled: Bool?
        var scope: [AgreementID]?
        var password: String?
    }

    /// What creating a token takes.
    struct NewTokenBody: Decodable {
        /// The user the token acts as; the requester when absent.
        var user: String?
        var label: String?
        var expiresInDays: Int?

        enum CodingKeys: String, CodingKey {
            case user, label
            case expiresInDays = "expires_in_days"
        }
    }

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/users") { _, context in
            try context.require(.manageUsers)
            let users = try await store.run { try Accounts(store: $0).list() }
            return try Responses.encoded(Items(items: users.map(UserBody.init)))
        }
        router.post("/api/v1/users") { request, context in
            try context.require(.manageUsers)
            let author = try context.author(for: .manageUsers)
            let body = try await JSONBody.decode(NewUserBody.self, from: request)
            try JSONBody.check(body.name, field: "name", maxCharacters: Accounts.maximumNameLength)
            try Self.checkPassword(body.password)
            let scope = try Self.checked(scope: body.scope ?? [])
            let policy = policy
            let user = try await store.run { store in
                try Accounts(store: store, policy: policy).add(
                    NewAccount(name: body.name, role: body.role, password: body.password, agreementScope: scope), by: author)
            }
            return try Self.created(UserBody(user))
        }
        router.patch("/api/v1/users/{name}") { request, context in
            try context.require(.manageUsers)
            let author = try context.author(for: .manageUsers)
            let name = try context.pathParameter("name")
            let body = try await JSONBody.decode(UserChangeBody.self, from: request)
            guard body.role != nil || body.disabled != nil || body.scope != nil || body.password != nil else {
                throw Problem.invalid("body", "names nothing to change: give role, disabled, scope or password")
            }
            if let password = body.password { try Self.checkPassword(password) }
            let scope = try body.scope.map { try Self.checked(scope: $0) }
            let policy = policy
            let user = try await store.run { store in
                let accounts = Accounts(store: store, policy: policy)
                var user = try accounts.user(named: name)
                if let role = body.role, role != user.role { user = try accounts.setRole(name, to: role, by: author) }
                if let scope, scope != user.agreementScope { user = try accounts.setScope(name, to: scope, by: author) }
                if let password = body.password { user = try accounts.changePassword(name, to: password, by: author) }
                if let disabled = body.disabled, disabled != user.isDisabled {
                    user = try (disabled ? accounts.disable(name, by: author) : accounts.enable(name, by: author))
                }
                return user
            }
            return try Responses.encoded(UserBody(user))
        }
        TokenRoutes(store: store).add(to: router)
        router.get("/api/v1/audit") { request, context in
            try context.require(.readAudit)
            let parameters = try QueryParameters(request)
            let query = AuditQuery(
                actor: try parameters.text("user", maxBytes: 128), action: try parameters.text("action", maxBytes: 128),
                since: try parameters.day("since").map { Self.startOfDay($0) }, recordKind: try parameters.text("kind", maxBytes: 64),
                recordID: try parameters.text("record", maxBytes: 256), limit: try parameters.limit(configuration))
            let entries = try await store.run { try AuditTrail(store: $0).list(query) }
            return try Responses.encoded(Items(items: entries.map(AuditEntryBody.init)))
        }
    }

    /// The instant a stated day starts, in UTC.
    static func startOfDay(_ day: StatedTime) -> Date { day.instant(in: .utc) }

    static func checkPassword(_ password: String) throws {
        guard password.utf8.count <= PasswordPolicy.maximumBytes else {
            throw Problem.invalid("password", "is longer than \(PasswordPolicy.maximumBytes) bytes")
        }
    }

    static func checked(scope: [AgreementID]) throws -> [AgreementID] {
        guard scope.count <= maxScopeSize else { throw Problem.invalid("scope", "names more than \(maxScopeSize) agreements") }
        for id in scope { try JSONBody.check(id, field: "scope", maxCharacters: maxAgreementIDLength) }
        return scope
    }

    /// A 201 JSON response of `value`.
    static func created(_ value: some Encodable) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = Responses.json
        let bytes = try TruceJSON.encoder().encode(value)
        return Response(status: .created, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
