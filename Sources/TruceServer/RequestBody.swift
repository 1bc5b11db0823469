import Foundation
import Hummingbird
import NIOCore

/// A request body read whole, for the small bodies of the write routes (an agreement, a status event): its
/// media type checked first, its size bounded.
enum RequestBody {
    /// The YAML media types (JSON is YAML too).
    static let yamlTypes: Set<String> = ["application/yaml", "application/x-yaml", "text/yaml"]

    /// The body as UTF-8 text, once its `Content-Type` is one of `types`.
    /// - Throws: ``Problem`` 415 for another media type, 413 beyond `maxBytes`, 400 when the body is not UTF-8.
    static func text(of request: Request, types: Set<String>, maxBytes: Int) async throws -> String {
        try requireMediaType(of: request, in: types)
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(.payloadTooLarge, detail: "The request body is larger than \(maxBytes) bytes.")
        }
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw Problem(.badRequest, detail: "The request body is not UTF-8 text.")
        }
        return text
    }

    /// Throws unless the request's `Content-Type` (its parameters aside) is one of `types`.
    /// - Throws: ``Problem`` 415 naming the types taken.
    static func requireMediaType(of request: Request, in types: Set<String>) throws {
        let given = request.headers[.contentType].map { ($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
        guard let given, types.contains(given) else {
            throw Problem(.unsupportedMediaType, detail: "The body must be one of: \(types.sorted().joined(separator: ", ")).")
        }
    }
}
