import HTTPTypes
import Hummingbird
import TruceApp

/// Refuses a request whose declared body is larger than the configuration allows, before anything reads it:
/// an upload (``uploadPath``) up to `maxUploadBytes`, any other request up to `maxBodyBytes`.
struct RequestLimits: RouterMiddleware {
    typealias Context = TruceRequestContext
    let maxBodyBytes: Int
    let maxUploadBytes: Int

    /// The path files are uploaded to.
    static let uploadPath = "/api/v1/imports"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = request.method == .post && request.uri.path == Self.uploadPath ? maxUploadBytes : maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem(.payloadTooLarge, detail: "The request body is larger than \(limit) bytes.")
        }
        return try await next(request, context)
    }
}

/// Lets a request through to the API when public access is not off or when it has a principal (set by
/// ``SignInMiddleware``, placed before this one); else answers 401. Health, metrics, the contract and signing in
/// stay open.
struct AccessGate: RouterMiddleware {
    typealias Context = TruceRequestContext

    /// The paths around the API, which answer the same whoever asks: no credential is even looked at.
    static let servicePaths: Set<String> = ["/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/docs"]
    /// The paths readable without signing in whatever the configuration.
    static let alwaysOpen: Set<String> = servicePaths.union([SessionRoutes.path, DashboardForms.signInPath])

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.authorization.publicAccess == .off, context.principal == nil, !Self.alwaysOpen.contains(request.uri.path) {
            throw Problem(.unauthorized, detail: "This server does not allow public access; sign in first.")
        }
        return try await next(request, context)
    }
}

/// Answers 405 (with `Allow` naming the methods the document gives the path) to a method the document does not
/// give a path it describes, where the router would only say it found no route.
struct MethodCheck: RouterMiddleware {
    typealias Context = TruceRequestContext
    /// The document's paths, split into segments (a `{name}` segment matches any one segment), each with its methods.
    let templates: [(segments: [Substring], methods: Set<String>)]
    /// The methods of the document's paths that have no `{name}` segment, looked up whole before anything is split.
    let exact: [String: Set<String>]

    /// - Parameter operations: the document's operations, e.g. `GET /api/v1/incidents/{id}`.
    init(operations: some Sequence<String>) {
        var methods: [String: Set<String>] = [:]
        for operation in operations {
            let parts = operation.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            methods[String(parts[1]), default: []].insert(String(parts[0]))
        }
        templates = methods.map { path, methods in (path.split(separator: "/", omittingEmptySubsequences: false), methods) }
        exact = methods.filter { !$0.key.contains("{") }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let method = request.method.rawValue
        if let methods = exact[request.uri.path], methods.contains(method) || (method == "HEAD" && methods.contains("GET")) {
            return try await next(request, context)
        }
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        var described = false
        for template in templates where Self.matches(template.segments, segments) {
            // HEAD is answered wherever GET is.
            if template.methods.contains(method) || (method == "HEAD" && template.methods.contains("GET")) {
                return try await next(request, context)
            }
            described = true
        }
        guard described else { return try await next(request, context) }
        let allowed = Set(templates.filter { Self.matches($0.segments, segments) }.flatMap(\.methods)).sorted()
        throw Problem(
            .methodNotAllowed, detail: "This path takes " + allowed.joined(separator: ", ") + ".", allowedMethods: allowed)
    }

    private static func matches(_ template: [Substring], _ segments: [Substring]) -> Bool {
        template.count == segments.count
            && zip(template, segments).allSatisfy { pattern, segment in
                (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty) || pattern == segment
            }
    }
}
