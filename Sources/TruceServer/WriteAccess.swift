import TruceApp
import TruceCore
import TruceStore

/// The one place the write routes ask whether a request may change the record, and who it is for the audit
/// trail.
enum WriteAccess {
    /// The author of the request's changes, once it may do `permission` (on `agreement` when one is named).
    /// - Throws: ``Problem`` 401 when no one is signed in, 403 when the role may not.
    static func require(_ permission: Permission, _ context: TruceRequestContext, agreement: AgreementID? = nil) throws -> ChangeAuthor {
        guard let principal = context.principal else {
            throw Problem(.unauthorized, detail: "Sign in to \(permission.summary).")
        }
        guard let role = Role(rawValue: principal.role), Authorization.permissions(of: role).contains(permission) else {
            throw Problem(.forbidden, detail: "The role \(principal.role) may not \(permission.summary).")
        }
        return ChangeAuthor(name: principal.account, role: role, requestID: context.requestID)
    }
}
