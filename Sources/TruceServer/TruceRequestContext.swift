import Hummingbird
import Logging
import NIOCore
import TruceApp

/// What Truce's routes know of a request besides the request itself: its id (echoed in `X-Request-ID` and in
/// every log line), who makes it, and the policy it is judged by.
public struct TruceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's id: the client's sane `X-Request-ID`, else one made up (``RequestIdentity``).
    public var requestID: String
    /// Who makes the request, from its bearer token or session cookie; `nil` for an anonymous request.
    /// ``SignInMiddleware`` sets it.
    public var principal: Principal?
    /// The roles' permissions and the public access the request is judged by. ``SignInMiddleware`` sets it
    /// from the configuration; until then nothing is public.
    public var authorization: Authorization
    /// The client's IP address (`unknown` when the connection has none), which the login throttle counts by.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
    /// The connection's peer, written out as text only when asked (``clientAddress``).
    private let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        requestID = ""
        principal = nil
        authorization = Authorization(publicAccess: .off)
    }
}
