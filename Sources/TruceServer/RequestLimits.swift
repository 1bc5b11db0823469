import HTTPTypes
import Hummingbird

/// Refuses a request whose declared body is larger than the configuration allows, before anything reads it.
struct RequestLimits: RouterMiddleware {
    typealias Context = TruceRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw Problem(.payloadTooLarge, detail: "The request body is larger than \(maxBodyBytes) bytes.")
        }
        return try await next(request, context)
    }
}

/// Lets a request through to the API when public access is on or when it has a principal (set by an
/// authentication middleware placed before this one); else answers 401. Health, metrics and the contract stay
/// open.
struct AccessGate: RouterMiddleware {
    typealias Context = TruceRequestContext
    let publicAccess: Bool

    /// The paths readable without signing in whatever the configuration.
    static let alwaysOpen: Set<String> = ["/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/docs"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !publicAccess, context.principal == nil, !Self.alwaysOpen.contains(request.uri.path) {
            throw Problem(.unauthorized, detail: "This server does not allow public access; sign in first.")
        }
        return try await next(request, context)
    }
}

/// Answers 405 (with `Allow: GET`) to any method but GET on a path the document describes, where the router
/// would only say it found no route.
struct MethodCheck: RouterMiddleware {
    typealias Context = TruceRequestContext
    /// The document's paths, split into segments; a `{name}` segment matches any one segment.
    let templates: [[Substring]]

    init(paths: some Sequence<String>) {
        templates = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, matches(request.uri.path) else { return try await next(request, context) }
        throw Problem(.methodNotAllowed, detail: "This path is read with GET.")
    }

    private func matches(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return templates.contains { template in
            template.count == segments.count
                && zip(template, segments).allSatisfy { pattern, segment in
                    (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty) || pattern == segment
                }
        }
    }
}
