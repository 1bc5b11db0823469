import Hummingbird
import Logging
import NIOCore

/// Who a request comes from, once authenticated: an account and its role.
public struct Principal: Hashable, Sendable {
    /// The account's name.
    public var account: String
    /// The account's role, e.g. `viewer`.
    public var role: String

    public init(account: String, role: String) {
        self.account = account
        self.role = role
    }
}

/// What Truce's routes know of a request besides the request itself: its id (echoed in `X-Request-ID` and in
/// every log line) and who makes it.
public struct TruceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's id: the client's sane `X-Request-ID`, else one made up (``RequestIdentity``).
    public var requestID: String
    /// Who makes the request; `nil` for public access. An authentication middleware placed before the
    /// routes sets it.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = ""
        principal = nil
    }
}
