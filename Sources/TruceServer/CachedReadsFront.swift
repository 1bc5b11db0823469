import Dispatch
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOConcurrencyHelpers

/// Answers an anonymous read that the ``ResponseCache`` keeps before the request is routed, and hands every other
/// request to the router.
///
/// A public dashboard's readers ask the same few pages over and over, anonymously. The full path (routing and
/// the chain of middleware: request id, metrics, request log, problems, methods, limits, sign-in, the access
/// gate, ``CachedReads``) would give such a request the very bytes kept in the cache; this front gives them at
/// once, with what the chain adds on the way: the request's `X-Request-ID`, the request's line in the log (at
/// `info`), and its count and duration (until the answer is ready) in the metrics, under the route's template.
///
/// A request takes this way only when the chain could not answer it otherwise: a `GET` of a path whose answers are
/// kept, with no `Authorization`, no cookie and no body, on a server whose public access is not off, and whose
/// answer is kept at the store's current version under the anonymous reader's key (``CachedReads/key(_:_:)``),
/// which the chain made. Anything else, a miss included, goes through the router, where ``CachedReads`` keeps the
/// answer for the next request.
public struct CachedReadsFront<Next: HTTPResponder>: HTTPResponder where Next.Context == TruceRequestContext {
    public typealias Context = TruceRequestContext
    let next: Next
    let cache: ResponseCache?
    let anonymousReads: Bool
    let metrics = FrontMetrics()

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard let cache, anonymousReads, Self.isAnonymousRead(request),
            let version = try? cache.currentVersion(),
            let entry = cache.kept(CachedReads.key(request, principal: nil), at: version, minute: CachedReads.minute(of: request))
        else { return try await next.respond(to: request, context: context) }
        let start = DispatchTime.now().uptimeNanoseconds
        let id = RequestIdentity.id(of: request)
        if context.logger.logLevel <= .info {
            var logger = context.logger
            logger[metadataKey: "request_id"] = .string(id)
            logger.info(
                "Request",
                metadata: ["hb.request.path": .stringConvertible(request.uri), "hb.request.method": .string(request.method.rawValue)])
        }
        var headers = entry.headers
        headers[RequestIdentity.header] = id
        let route = metrics.route(entry.endpoint)
        route.requests.increment()
        route.duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        return Response(status: entry.status, headers: headers, body: ResponseBody(byteBuffer: entry.body))
    }

    /// A `GET` of a path whose answers are kept, carrying no credential, no cookie and no body.
    static func isAnonymousRead(_ request: Request) -> Bool {
        request.method == .get && (ResponseCache.isCacheable(request.uri.path) || ResponseCache.isCacheablePage(request.uri.path))
            && request.headers[.authorization] == nil
            && request.headers[.cookie] == nil && request.headers[.contentLength] == nil && request.headers[.transferEncoding] == nil
    }
}

/// The metrics Hummingbird's `MetricsMiddleware` records for a `GET` answered `200`, under the same names and
/// dimensions, made once per route template.
final class FrontMetrics: Sendable {
    struct Route: Sendable {
        let requests: Counter
        let duration: Timer
    }

    private let routes = NIOLockedValueBox<[String: Route]>([:])

    /// The metrics of `template` (e.g. `/api/v1/incidents/{id}`).
    func route(_ template: String) -> Route {
        routes.withLockedValue { routes in
            if let route = routes[template] { return route }
            let dimensions = [("http.route", template), ("http.request.method", "GET"), ("http.response.status_code", "200")]
            let route = Route(
                requests: Counter(label: "hb.requests", dimensions: dimensions),
                duration: Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds))
            routes[template] = route
            return route
        }
    }
}
