import TruceStore

/// Who makes a change, as the audit trail names them: a signed-in user in their role, or the command line run by
/// an operating-system user.
public struct ChangeAuthor: Hashable, Sendable {
    /// The name in the audit trail: the user's name, or `cli:NAME`.
    public var name: String
    /// The user's role; `nil` for the command line.
    public var role: Role?
    /// The request that made the change, to find it in the server's logs.
    public var requestID: String?

    public init(name: String, role: Role?, requestID: String? = nil) {
        self.name = name
        self.role = role
        self.requestID = requestID
    }

    /// A signed-in user making a change through the request `requestID`.
    public init(_ principal: Principal, requestID: String? = nil) {
        self.init(name: principal.name, role: principal.role, requestID: requestID)
    }

    /// The command line, run by the operating system's user `osUser` (e.g. `cli:root`).
    public static func commandLine(osUser: String) -> ChangeAuthor {
        ChangeAuthor(name: "cli:\(osUser)", role: nil)
    }
}
