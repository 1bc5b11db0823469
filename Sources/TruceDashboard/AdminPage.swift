import Foundation
import TruceApp
import TruceCore
import TruceStore

/// What the admin page shows: the users, the API tokens, and what the admin's last change came to.
public struct AdminPageData: Sendable {
    public var users: [User]
    public var tokens: [TokenInfo]
    /// A token just created, with its secret: shown on this page once and never again.
    public var createdToken: CreatedToken?
    /// Why the last change was refused, when it was.
    public var refusal: String?
    /// What the last change did, when it was done.
    public var done: String?

    public init(users: [User], tokens: [TokenInfo], createdToken: CreatedToken? = nil, refusal: String? = nil, done: String? = nil) {
        self.users = users
        self.tokens = tokens
        self.createdToken = createdToken
        self.refusal = refusal
        self.done = done
    }
}

extension Dashboard {
    /// The admins' page: every user with their role, scope, pseudonym and state, and forms to add a user, change
    /// one, and create or revoke an API token.
    public func adminPage(_ data: AdminPageData, at now: Date, for request: PageRequest) throws -> String {
        let language = request.language
        func roles(selected: Role?) -> [Option] {
            Role.allCases.map { Option(value: $0.rawValue, label: label("role_user_\($0.rawValue)", language), selected: $0 == selected) }
        }
        let users = data.users.map { user in
            UserRow(
                name: user.name, pseudonym: user.pseudonym, role: label("role_user_\(user.role.rawValue)", language),
                roles: roles(selected: user.role),
                scope: user.agreementScope.isEmpty ? label("admin_scope_all", language) : user.agreementScope.joined(separator: ", "),
                scopeValue: user.agreementScope.joined(separator: ", "), disabled: user.isDisabled,
                state: label(user.isDisabled ? "admin_disabled" : "admin_active", language),
                action: Dashboard.href("/admin/users/\(user.name)", []), created: TimeFormatting.utc(user.created))
        }
        let tokens = data.tokens.map { token in
            TokenRow(
                id: String(token.id), user: token.user, label: token.label, state: token.state(at: now), created: TimeFormatting.utc(token.created),
                expires: token.expires.map(TimeFormatting.utc) ?? "–", lastUsed: token.lastUsed.map(TimeFormatting.utc) ?? "–",
                revocable: token.revoked == nil)
        }
        let content = AdminContent(
            users: users, tokens: tokens, noTokens: tokens.isEmpty, roles: roles(selected: .monitor),
            userNames: data.users.filter { !$0.isDisabled }.map(\.name), secret: data.createdToken?.secret,
            secretUser: data.createdToken?.token.user, refusal: data.refusal, done: data.done)
        return try render("admin", title: label("admin_title", language), content: content, for: request)
    }

    struct UserRow {
        var name: String
        var pseudonym: String
        var role: String
        var roles: [Option]
        var scope: String
        var scopeValue: String
        var disabled: Bool
        var state: String
        var action: String
        var created: String
    }

    struct TokenRow {
        var id: String
        var user: String
        var label: String
        var state: String
        var created: String
        var expires: String
        var lastUsed: String
        var revocable: Bool
    }

    struct AdminContent {
        var users: [UserRow]
        var tokens: [TokenRow]
        var noTokens: Bool
        var roles: [Option]
        var userNames: [String]
        var secret: String?
        var secretUser: String?
        var refusal: String?
        var done: String?
    }
}
