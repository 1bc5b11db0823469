import TruceApp
import TruceCore
import TruceStore

/// What a route asks of the request's principal before it reads or writes.
///
/// ```swift
/// try context.require(.editAgreements, agreement: id)
/// let author = try context.author()
/// ```
extension TruceRequestContext {
    /// Throws unless the request may do `permission`, on the agreement `agreement` when one is named.
    /// - Throws: ``TruceApp/AccessDenied``, which the server answers with 401 (no one signed in), 403 (the role
    ///   lacks the permission) or 404 (the agreement is outside the user's scope, so its existence stays hidden).
    public func require(_ permission: Permission, agreement: AgreementID? = nil) throws {
        try authorization.require(permission, by: principal, agreement: agreement)
    }

    /// Whether the request may do `permission`, on `agreement` when one is named.
    public func allows(_ permission: Permission, agreement: AgreementID? = nil) -> Bool {
        authorization.allows(permission, by: principal, agreement: agreement)
    }

    /// Who the audit trail names for a change this request makes: the signed-in user, their role and the
    /// request's id.
    /// - Throws: ``TruceApp/AccessDenied`` (401) for an anonymous request, which changes nothing.
    public func author(for permission: Permission) throws -> ChangeAuthor {
        guard let principal else { throw AccessDenied(permission, reason: .signInRequired) }
        return ChangeAuthor(principal, requestID: requestID)
    }
}

extension TruceRequestContext {
    /// The agreement a read of `permission` is limited to: the one asked for, once the request may read it (404
    /// when it is outside the user's scope); else the user's one agreement when their scope names exactly one;
    /// else `nil`, every agreement.
    /// - Throws: ``TruceApp/AccessDenied`` as ``require(_:agreement:)``; ``Problem`` (400, `agreement`) when the
    ///   user's scope names several agreements and the request names none of them.
    public func agreementFilter(_ asked: AgreementID?, for permission: Permission) throws -> AgreementID? {
        try require(permission, agreement: asked)
        if asked != nil { return asked }
        guard let scope = principal?.agreementScope, !scope.isEmpty else { return nil }
        guard scope.count == 1 else {
            throw Problem.invalid("agreement", "is required: this account sees only the agreements " + scope.sorted().joined(separator: ", "))
        }
        return scope[0]
    }

    /// The lowest evidence level of the verdicts the request may read: the public setting's level for an
    /// anonymous request when public access is limited to one, else `nil` (every level).
    public var minimumEvidence: EvidenceLevel? {
        guard principal == nil, case .agreementsAndVerdicts(let minimum) = authorization.publicAccess else { return nil }
        return minimum
    }
}
