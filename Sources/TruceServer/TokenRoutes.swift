import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// API tokens over HTTP: an admin lists, creates and revokes anyone's; everyone else only their own. A token's
/// secret is in the 201 that creates it and nowhere else; someone else's token is answered as if it did not exist.
struct TokenRoutes {
    let store: StoreAccess

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/tokens") { request, context in
            let principal = try Self.signedIn(context)
            let asked = try QueryParameters(request).text("user", maxBytes: Accounts.maximumNameLength)
            let user = try Self.owner(asked, for: principal)
            let tokens = try await store.run { try Tokens(store: $0).list(user: user) }
            let now = Date()
            return try Responses.encoded(Items(items: tokens.map { TokenBody($0, at: now) }))
        }
        router.post("/api/v1/tokens") { request, context in
            let principal = try Self.signedIn(context)
            let body = try await JSONBody.decode(AccountRoutes.NewTokenBody.self, from: request)
            if let user = body.user { try JSONBody.check(user, field: "user", maxCharacters: Accounts.maximumNameLength) }
            let label = body.label ?? ""
            try JSONBody.check(label, field: "label", maxCharacters: Tokens.maximumLabelLength)
            if let days = body.expiresInDays, !(1...Tokens.maximumLifetimeDays).contains(days) {
                throw Problem.invalid("expires_in_days", "takes a whole number of days from 1 to \(Tokens.maximumLifetimeDays)")
            }
            let user = try Self.owner(body.user, for: principal) ?? principal.name
            let author = ChangeAuthor(principal, requestID: context.requestID)
            let created = try await store.run { store in
                try Tokens(store: store).create(for: user, label: label, expiresInDays: body.expiresInDays, by: author)
            }
            return try AccountRoutes.created(CreatedTokenBody(secret: created.secret, token: TokenBody(created.token)))
        }
        router.delete("/api/v1/tokens/{id}") { _, context in
            let principal = try Self.signedIn(context)
            let text = try context.pathParameter("id")
            guard let id = Int64(text), id > 0 else { throw Problem.invalid("id", "takes a token id, a whole number above 0") }
            let author = ChangeAuthor(principal, requestID: context.requestID)
            let isAdmin = context.allows(.manageUsers)
            try await store.run { store in
                let tokens = Tokens(store: store)
                guard let token = try store.token(id: id), isAdmin || token.userID == principal.userID else {
                    throw AccountError(.unknownToken, subject: text, reason: "no such token")
                }
                try tokens.revoke(id: id, by: author)
            }
            return Response(status: .noContent)
        }
    }

    /// The request's principal.
    /// - Throws: ``Problem`` (401) for an anonymous request: tokens belong to users.
    static func signedIn(_ context: TruceRequestContext) throws -> Principal {
        guard let principal = context.principal else { throw Problem(.unauthorized, detail: "Sign in to use API tokens.") }
        return principal
    }

    /// The user whose tokens the request may act on: anyone's for an admin (every user's when `asked` is `nil`
    /// on a list), else only the requester's own.
    /// - Throws: ``TruceApp/AccessDenied`` (403) when someone else's are asked for by a user who is not an admin.
    static func owner(_ asked: String?, for principal: Principal) throws -> String? {
        if Authorization.permissions(of: principal.role).contains(.manageUsers) { return asked }
        if let asked, asked.lowercased() != principal.name.lowercased() { throw AccessDenied(.manageUsers, reason: .roleLacks(principal.role)) }
        return principal.name
    }
}
