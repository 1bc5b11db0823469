import Foundation
import TruceCore

/// A user account as the store keeps it, with its bcrypt password hash.
///
/// Never shown as it is: its ``description`` and mirror leave the hash out, and it is not `Codable`, so it cannot
/// be printed as JSON by mistake. Use cases hand out a projection without the hash.
public struct StoredUser: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    /// The store's id for the user.
    public var id: Int64
    /// The name the user signs in with; unique regardless of case.
    public var name: String
    public var role: Role
    /// bcrypt's output (`$2b$…`): the salt, the cost and the hash.
    public var passwordHash: String
    /// A disabled user cannot sign in, and their tokens and sessions stop working at once.
    public var isDisabled: Bool
    /// The agreements the user may see and act on; empty means every agreement.
    public var agreementScope: [AgreementID]
    public var created: Date
    /// Ten random hex digits, unique, set when the user is added: what readers who may not review see of the user
    /// when they submit an observation.
    public var pseudonym: String

    public init(
        id: Int64, name: String, role: Role, passwordHash: String, isDisabled: Bool = false, agreementScope: [AgreementID] = [],
        created: Date, pseudonym: String = ""
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.isDisabled = isDisabled
        self.agreementScope = agreementScope
        self.created = created
        self.pseudonym = pseudonym
    }

    /// E.g. `user 3 "amina" (analyst, disabled)`: never the password hash.
    public var description: String {
        "user \(id) \"\(name)\" (\(role)\(isDisabled ? ", disabled" : "")\(agreementScope.isEmpty ? "" : ", scope \(agreementScope.joined(separator: " "))"))"
    }

    /// The fields `dump` and debuggers show: every one but the password hash.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "id": id, "name": name, "role": role, "isDisabled": isDisabled, "agreementScope": agreementScope, "created": created,
            ])
    }
}

/// A new account before the store gives it an id.
public struct NewUser: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var role: Role
    /// bcrypt's output for the user's password.
    public var passwordHash: String
    public var agreementScope: [AgreementID]
    public var created: Date

    public init(name: String, role: Role, passwordHash: String, agreementScope: [AgreementID] = [], created: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.agreementScope = agreementScope
        self.created = created
    }

    /// E.g. `new user "amina" (analyst)`: never the password hash.
    public var description: String { "new user \"\(name)\" (\(role))" }
}
