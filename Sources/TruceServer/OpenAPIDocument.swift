import Foundation
import Yams

/// The OpenAPI 3.1 document shipped with the server (`openapi.yaml`): the contract every route follows. It is
/// read once at start, its page-size bound set to the server's, and served as JSON and as a reference page.
public struct OpenAPIDocument: Sendable {
    /// The document as JSON, keys sorted.
    public let json: [UInt8]
    /// The document's operations, e.g. `GET /api/v1/incidents/{id}`.
    public let operations: Set<String>
    /// The document's paths, e.g. `/api/v1/incidents/{id}`.
    public let paths: Set<String>
    /// The reference page rendered from the document.
    public let referencePage: String

    /// Why the shipped document cannot be used.
    public struct Unreadable: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The HTTP methods OpenAPI names in a path item.
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Reads the shipped document, with `maxPageSize` as the bound of every `limit`.
    /// - Throws: ``Unreadable`` when the resource is missing or is not an OpenAPI document.
    public init(maxPageSize: Int) throws {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw Unreadable(description: "openapi.yaml is missing from the server's resources") }
        try self.init(yaml: text, maxPageSize: maxPageSize)
    }

    init(yaml: String, maxPageSize: Int) throws {
        guard var document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw Unreadable(description: "openapi.yaml is not an OpenAPI document")
        }
        if var components = document["components"] as? [String: Any], var parameters = components["parameters"] as? [String: Any],
            var limit = parameters["Limit"] as? [String: Any], var schema = limit["schema"] as? [String: Any]
        {
            schema["maximum"] = maxPageSize
            limit["schema"] = schema
            parameters["Limit"] = limit
            components["parameters"] = parameters
            document["components"] = components
        }
        var operations = Set<String>()
        for (path, item) in paths {
            for method in Self.methods where (item as? [String: Any])?[method] != nil { operations.insert("\(method.uppercased()) \(path)") }
        }
        self.operations = operations
        self.paths = Set(paths.keys)
        json = Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
        referencePage = ReferencePage.render(document)
    }
}
