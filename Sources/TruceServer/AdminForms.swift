import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceDashboard
import TruceStore

/// The admins' page (`/admin`) and its forms: adding a user, changing one's role, scope or state, and creating or
/// revoking an API token. Each form carries the session's CSRF token and goes through the same use cases as the
/// API (``TruceApp/Accounts``, ``TruceApp/Tokens``), with their audit entries. A change is answered with the page
/// itself, saying what was done or why it was refused; a new token's secret is shown on that page once.
struct AdminForms {
    let store: StoreAccess
    let authentication: Authentication
    let dashboard: Result<Dashboard, any Error>

    static let path = "/admin"

    func add(to router: Router<TruceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            if let signIn = SubmissionForm.signInFirst(request, context, path: Self.path) { return signIn }
            try context.require(.manageUsers)
            return try await page(request, context, outcome: Outcome())
        }
        router.post("/admin/users") { request, context in
            let (fields, author) = try await checked(request, context)
            let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let policy = authentication.policy
            let outcome = await Self.outcome(done: "admin_user_added") {
                guard let role = Role(rawValue: fields["role"] ?? "") else {
                    throw Problem.invalid("role", "takes one of admin, analyst, monitor, viewer")
                }
                let password = fields["password"] ?? ""
                try AccountRoutes.checkPassword(password)
                let scope = try AccountRoutes.checked(scope: Self.scope(fields["scope"]))
                try await store.run { store in
                    _ = try Accounts(store: store, policy: policy).add(
                        NewAccount(name: name, role: role, password: password, agreementScope: scope), by: author)
                }
            }
            return try await page(request, context, outcome: outcome, language: fields["lang"])
        }
        router.post("/admin/users/{name}") { request, context in
            let name = try context.pathParameter("name")
            let (fields, author) = try await checked(request, context)
            let policy = authentication.policy
            let outcome = await Self.outcome(done: "admin_user_changed") {
                let role = try fields["role"].map { raw in
                    guard let role = Role(rawValue: raw) else { throw Problem.invalid("role", "takes one of admin, analyst, monitor, viewer") }
                    return role
                }
                let scope = try fields["scope"].map { try AccountRoutes.checked(scope: Self.scope($0)) }
                let disabled = try fields["disabled"].map { value in
                    guard value == "yes" || value == "no" else { throw Problem.invalid("disabled", "takes yes or no") }
                    return value == "yes"
                }
                try await store.run { store in
                    let accounts = Accounts(store: store, policy: policy)
                    var user = try accounts.user(named: name)
                    if let role, role != user.role { user = try accounts.setRole(name, to: role, by: author) }
                    if let scope, scope != user.agreementScope { user = try accounts.setScope(name, to: scope, by: author) }
                    if let disabled, disabled != user.isDisabled {
                        user = try (disabled ? accounts.disable(name, by: author) : accounts.enable(name, by: author))
                    }
                }
            }
            return try await page(request, context, outcome: outcome, language: fields["lang"])
        }
        router.post("/admin/tokens") { request, context in
            let (fields, author) = try await checked(request, context)
            var created: CreatedToken?
            let outcome = await Self.outcome(done: nil) {
                let user = fields["user"] ?? ""
                let label = String((fields["label"] ?? "").prefix(Tokens.maximumLabelLength))
                let days = try fields["days"].flatMap { $0.isEmpty ? nil : $0 }.map { text in
                    guard let days = Int(text), (1...Tokens.maximumLifetimeDays).contains(days) else {
                        throw Problem.invalid("days", "takes a whole number of days from 1 to \(Tokens.maximumLifetimeDays)")
                    }
                    return days
                }
                created = try await store.run { store in try Tokens(store: store).create(for: user, label: label, expiresInDays: days, by: author) }
            }
            return try await page(request, context, outcome: Outcome(refusal: outcome.refusal, created: created), language: fields["lang"])
        }
        router.post("/admin/tokens/{id}/revoke") { request, context in
            let text = try context.pathParameter("id")
            let (fields, author) = try await checked(request, context)
            let outcome = await Self.outcome(done: "admin_token_revoked") {
                guard let id = Int64(text), id > 0 else { throw Problem.invalid("id", "takes a token id, a whole number above 0") }
                try await store.run { store in _ = try Tokens(store: store).revoke(id: id, by: author) }
            }
            return try await page(request, context, outcome: outcome, language: fields["lang"])
        }
    }

    /// What a change came to: the label key of what was done, or why it was refused, or a token created.
    struct Outcome {
        var done: String?
        var refusal: String?
        var created: CreatedToken?
    }

    /// Runs `change`, turning a refusal (a bad field, an account rule) into words for the page.
    static func outcome(done: String?, _ change: () async throws -> Void) async -> Outcome {
        do {
            try await change()
            return Outcome(done: done)
        } catch let problem as Problem {
            return Outcome(refusal: problem.errors.first.map { "\($0.field): \($0.message)" } ?? problem.detail)
        } catch {
            return Outcome(refusal: "\(error)")
        }
    }

    /// The form's fields, once its CSRF token is the session's and the requester may manage users.
    private func checked(_ request: Request, _ context: TruceRequestContext) async throws -> ([String: String], ChangeAuthor) {
        let fields = try await DashboardForms.fields(of: request)
        try await DashboardForms.checkFormToken(fields["csrf"], of: request, context: context, authentication: authentication, store: store)
        try context.require(.manageUsers)
        return (fields, try context.author(for: .manageUsers))
    }

    /// Agreement ids separated by commas or spaces.
    static func scope(_ text: String?) -> [AgreementID] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { AgreementID(String($0)) }
    }

    private func page(_ request: Request, _ context: TruceRequestContext, outcome: Outcome, language: String? = nil) async throws -> Response {
        var page = try DashboardRoutes.pageRequest(request, try QueryParameters(form: request), context, path: Self.path)
        if let language, let chosen = Language(rawValue: language) { page.language = chosen }
        let (users, tokens) = try await store.run { store in (try Accounts(store: store).list(), try Tokens(store: store).list()) }
        let board = try dashboard.get()
        let data = AdminPageData(
            users: users, tokens: tokens, createdToken: outcome.created, refusal: outcome.refusal,
            done: outcome.done.map { board.catalogue.text($0, in: page.language) })
        let html = try board.adminPage(data, at: Date(), for: page)
        let status: HTTPResponse.Status = outcome.refusal == nil ? .ok : .unprocessableContent
        return Responses.bytes(Array(html.utf8), as: Responses.html, status: status, headers: [.cacheControl: "no-store"])
    }
}
