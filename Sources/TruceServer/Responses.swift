import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TruceCore

/// Responses built from bytes already written, with their media type.
enum Responses {
    static let json = "application/json"
    static let geoJSON = "application/geo+json"
    static let csv = "text/csv; charset=utf-8"
    static let yaml = "application/yaml"
    static let html = "text/html; charset=utf-8"
    static let markdown = "text/markdown; charset=utf-8"
    static let jsonLines = "application/jsonl"
    static let prometheus = "text/plain; version=0.0.4; charset=utf-8"
    /// RFC 8288's `Link` header, which gives the next page.
    static let linkHeader = HTTPField.Name("Link")!

    /// A response of `bytes` as `contentType` (200 unless `status` says otherwise).
    static func bytes(
        _ bytes: [UInt8], as contentType: String, status: HTTPResponse.Status = .ok, headers more: HTTPFields = [:]
    ) -> Response {
        var headers = more
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A 200 response of `buffer` as `contentType`.
    static func buffer(_ buffer: ByteBuffer, as contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// A 200 response of `text` as `contentType`.
    static func text(_ text: String, as contentType: String) -> Response {
        bytes(Array(text.utf8), as: contentType)
    }

    /// A 200 JSON response of `value` encoded as Truce encodes its values (sorted keys, ISO 8601 instants).
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        bytes(Array(try TruceJSON.encoder().encode(value)), as: json, status: status, headers: headers)
    }
}

/// The representations a resource is offered in, chosen by a `format` parameter, else by `Accept`.
struct Representation<Format: RawRepresentable & CaseIterable & Equatable & Sendable>: Sendable where Format.RawValue == String {
    /// Each format with the media types that ask for it in `Accept`.
    let mediaTypes: [(format: Format, types: [String])]
    let fallback: Format

    /// The format `request` asks for: its `format` parameter when given (any other value is a problem naming
    /// `format`), else the first format one of whose media types `Accept` names, else the fallback.
    func chosen(for request: Request, parameters: QueryParameters) throws -> Format {
        if let format = try parameters.choice("format", Format.self) { return format }
        guard let accept = request.headers[.accept]?.lowercased() else { return fallback }
        let asked = accept.split(separator: ",").map { ($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces) }
        for type in asked {
            if let match = mediaTypes.first(where: { $0.types.contains(type) }) { return match.format }
        }
        return fallback
    }
}
