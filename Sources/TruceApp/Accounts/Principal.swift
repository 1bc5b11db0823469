import TruceCore
import TruceStore

/// Who a request acts as once its token or session is resolved: a user, their role and the agreements they may
/// see. Holds no secret.
public struct Principal: Hashable, Codable, Sendable {
    public var userID: Int64
    public var name: String
    public var role: Role
    /// The agreements the user may see and act on; empty means every agreement.
    public var agreementScope: [AgreementID]
    /// How the request proved who it is.
    public var credential: Credential

    /// How a request proved who it is.
    public enum Credential: Hashable, Codable, Sendable {
        /// An API token, by its id.
        case token(id: Int64)
        /// A browser session.
        case session
    }

    public init(userID: Int64, name: String, role: Role, agreementScope: [AgreementID], credential: Credential) {
        self.userID = userID
        self.name = name
        self.role = role
        self.agreementScope = agreementScope
        self.credential = credential
    }

    init(_ user: StoredUser, credential: Credential) {
        self.init(userID: user.id, name: user.name, role: user.role, agreementScope: user.agreementScope, credential: credential)
    }

    /// Whether the agreement with `id` is within the user's scope.
    public func mayReach(agreement id: AgreementID) -> Bool {
        agreementScope.isEmpty || agreementScope.contains(id)
    }
}
