import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Reading test responses.
extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any], sourceLocation: sourceLocation)
    }

    /// The `items` of a list body.
    func items(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try #require(try object(sourceLocation: sourceLocation)["items"] as? [[String: Any]], sourceLocation: sourceLocation)
    }

    var contentType: String? { headers[.contentType] }
}

extension TestClientProtocol {
    /// GETs `uri` with `headers`.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil) { $0 }
    }
}
