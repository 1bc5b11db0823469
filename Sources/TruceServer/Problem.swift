import Foundation
import HTTPTypes
import Hummingbird
import TruceCore

/// A problem a request ran into, as RFC 9457 problem details: a stable `type` per kind, a title, the
/// status, and a detail in plain words that never holds a stack trace, SQL or a file path.
public struct Problem: Error, Hashable, Sendable {
    /// The kinds of problem, each with its stable `type` URI (`/problems/KIND`) and title.
    public enum Kind: String, CaseIterable, Sendable {
        case notFound = "not-found"
        case invalidParameter = "invalid-parameter"
        case badRequest = "bad-request"
        case unauthorized = "unauthorized"
        case forbidden = "forbidden"
        case csrf = "csrf"
        case unsupportedMediaType = "unsupported-media-type"
        case invalidContent = "invalid-content"
        case conflict = "conflict"
        case tooManyRequests = "too-many-requests"
        case methodNotAllowed = "method-not-allowed"
        case notAcceptable = "not-acceptable"
        case payloadTooLarge = "payload-too-large"
        case storeUnavailable = "store-unavailable"
        case `internal` = "internal"

        /// The problem's `type`, a URI reference relative to the server.
        public var type: String { "/problems/\(rawValue)" }

        public var title: String {
            switch self {
            case .notFound: return "Not found"
            case .invalidParameter: return "Invalid parameter"
            case .badRequest: return "Bad request"
            case .unauthorized: return "Unauthorized"
            case .forbidden: return "Forbidden"
            case .csrf: return "CSRF token missing or wrong"
            case .unsupportedMediaType: return "Unsupported media type"
            case .invalidContent: return "Invalid content"
            case .conflict: return "Conflict"
            case .tooManyRequests: return "Too many requests"
            case .methodNotAllowed: return "Method not allowed"
            case .notAcceptable: return "Not acceptable"
            case .payloadTooLarge: return "Payload too large"
            case .storeUnavailable: return "Store unavailable"
            case .internal: return "Internal error"
            }
        }

        public var status: HTTPResponse.Status {
            switch self {
            case .notFound: return .notFound
            case .invalidParameter, .badRequest: return .badRequest
            case .unauthorized: return .unauthorized
            case .forbidden, .csrf: return .forbidden
            case .unsupportedMediaType: return .unsupportedMediaType
            case .invalidContent: return .unprocessableContent
            case .conflict: return .conflict
            case .tooManyRequests: return .tooManyRequests
            case .methodNotAllowed: return .methodNotAllowed
            case .notAcceptable: return .notAcceptable
            case .payloadTooLarge: return .contentTooLarge
            case .storeUnavailable: return .serviceUnavailable
            case .internal: return .internalServerError
            }
        }
    }

    public var kind: Kind
    /// What went wrong with this request, for people.
    public var detail: String
    /// The query or path parameter at fault, for ``Kind/invalidParameter``.
    public var parameter: String?
    /// Seconds until the request may be tried again (`Retry-After`), for ``Kind/tooManyRequests``.
    public var retryAfter: Int?
    /// The methods the path takes (`Allow`), for ``Kind/methodNotAllowed``.
    public var allowedMethods: [String]
    /// Every problem found in a request's content, for ``Kind/invalidContent``: each with its line and field.
    public var errors: [Diagnostic]

    public init(
        _ kind: Kind, detail: String, parameter: String? = nil, retryAfter: Int? = nil, allowedMethods: [String] = ["GET"],
        errors: [Diagnostic] = []
    ) {
        self.kind = kind
        self.detail = detail
        self.parameter = parameter
        self.retryAfter = retryAfter
        self.allowedMethods = allowedMethods
        self.errors = errors
    }

    /// A parameter whose value cannot be used: names the parameter and what it takes, never echoes the value.
    public static func invalid(_ parameter: String, _ expected: String) -> Problem {
        Problem(.invalidParameter, detail: "\(parameter): \(expected)", parameter: parameter)
    }

    /// The problem details' media type.
    public static let mediaType = "application/problem+json"

    /// The response: `application/problem+json` with `type`, `title`, `status`, `detail`, `instance` (the
    /// request's path), `request_id` and, where there are, `parameter` and `errors` (each `{line, field, message}`).
    func response(instance: String, requestID: String) -> Response {
        var bytes: [UInt8] = []
        JSONBytes.appendRaw(#"{"type":"#, to: &bytes)
        JSONBytes.appendString(kind.type, to: &bytes)
        JSONBytes.appendRaw(#","title":"#, to: &bytes)
        JSONBytes.appendString(kind.title, to: &bytes)
        JSONBytes.appendRaw(#","status":"#, to: &bytes)
        JSONBytes.appendInteger(kind.status.code, to: &bytes)
        JSONBytes.appendRaw(#","detail":"#, to: &bytes)
        JSONBytes.appendString(detail, to: &bytes)
        JSONBytes.appendRaw(#","instance":"#, to: &bytes)
        JSONBytes.appendString(instance, to: &bytes)
        JSONBytes.appendRaw(#","request_id":"#, to: &bytes)
        JSONBytes.appendString(requestID, to: &bytes)
        if let parameter {
            JSONBytes.appendRaw(#","parameter":"#, to: &bytes)
            JSONBytes.appendString(parameter, to: &bytes)
        }
        if !errors.isEmpty {
            JSONBytes.appendRaw(#","errors":["#, to: &bytes)
            for (index, error) in errors.enumerated() {
                JSONBytes.appendRaw(index == 0 ? #"{"line":"# : #",{"line":"#, to: &bytes)
                if let line = error.line { JSONBytes.appendInteger(line, to: &bytes) } else { JSONBytes.appendRaw("null", to: &bytes) }
                JSONBytes.appendRaw(#","field":"#, to: &bytes)
                JSONBytes.appendString(error.field, to: &bytes)
                JSONBytes.appendRaw(#","message":"#, to: &bytes)
                JSONBytes.appendString(error.message, to: &bytes)
                JSONBytes.appendRaw("}", to: &bytes)
            }
            JSONBytes.appendRaw("]", to: &bytes)
        }
        JSONBytes.appendRaw("}", to: &bytes)
        var headers = HTTPFields()
        headers[.contentType] = Self.mediaType
        if kind == .methodNotAllowed { headers[.allow] = allowedMethods.joined(separator: ", ") }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: kind.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
