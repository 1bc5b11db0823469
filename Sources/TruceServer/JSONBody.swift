import Foundation
import Hummingbird
import TruceCore

/// A JSON request body read as a value: at most ``maxBytes`` read, any other shape a 400 problem that says which
/// field is wrong without echoing what was sent.
enum JSONBody {
    /// The largest JSON body the account routes read, in bytes.
    static let maxBytes = 16 * 1_024

    /// The body of `request` decoded as `Value`.
    /// - Throws: ``Problem`` (413) for a body over `limit` bytes, (400) for one that is not JSON of this shape.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int = maxBytes) async throws -> Value {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw Problem(.payloadTooLarge, detail: "The request body is larger than \(limit) bytes.")
        }
        let data = Data(buffer.readableBytesView)
        if let null = Self.firstNullField(in: data) { throw Problem.invalid(null, "is null; leave it out instead") }
        do {
            return try TruceJSON.decoder().decode(Value.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem.invalid(key.stringValue, "is required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem.invalid(field.isEmpty ? "body" : field, "has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem.invalid(field.isEmpty ? "body" : field, field.isEmpty ? "is not a JSON object" : "cannot be read")
        } catch {
            throw Problem.invalid("body", "is not a JSON object of the expected fields")
        }
    }

    /// The first top-level field of a JSON object whose value is `null`, which the document allows nowhere (a
    /// field the request does not set is left out); `nil` when there is none or `data` is not an object.
    private static func firstNullField(in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object.filter { $0.value is NSNull }.keys.sorted().first
    }

    /// Throws unless `text` is at most `maxCharacters` long and holds no control character.
    static func check(_ text: String, field: String, maxCharacters: Int) throws {
        guard text.count <= maxCharacters else { throw Problem.invalid(field, "is longer than \(maxCharacters) characters") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Problem.invalid(field, "holds a control character")
        }
    }
}
