import TruceReport

/// The API reference as one plain HTML page, rendered from the OpenAPI document: each operation with its
/// parameters (type, allowed values, bounds) and responses. No script and nothing fetched from elsewhere.
enum ReferencePage {
    static func render(_ document: [String: Any]) -> String {
        let info = document["info"] as? [String: Any] ?? [:]
        let title = info["title"] as? String ?? "API"
        let components = document["components"] as? [String: Any] ?? [:]
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            h2{border-top:1px solid #ccc;padding-top:1rem;font-family:monospace}
            .method{display:inline-block;min-width:4rem;color:#fff;background:#2a6;border-radius:3px;padding:0 .4rem;margin-right:.5rem}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
            code{background:#f3f3f3;padding:0 .2rem}
            </style></head><body>
            <h1>\(escape(title)) <small>\(escape(info["version"] as? String ?? ""))</small></h1>
            <p>\(escape(info["description"] as? String ?? ""))</p>
            <p>The document itself: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>

            """
        let paths = document["paths"] as? [String: Any] ?? [:]
        for path in paths.keys.sorted() {
            guard let item = paths[path] as? [String: Any] else { continue }
            for method in OpenAPIDocument.methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                html += "<h2 id=\"\(escape(operation["operationId"] as? String ?? path))\"><span class=\"method\">\(method.uppercased())</span>"
                html += "\(escape(path))</h2>\n<p>\(escape(operation["summary"] as? String ?? ""))</p>\n"
                if let description = operation["description"] as? String { html += "<p>\(escape(description))</p>\n" }
                let parameters = (operation["parameters"] as? [Any] ?? []).compactMap { resolve($0, in: components) }
                if !parameters.isEmpty {
                    html += "<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Values</th><th>Description</th></tr>\n"
                    for parameter in parameters {
                        let schema = resolve(parameter["schema"] ?? [:], in: components) ?? [:]
                        let required = parameter["required"] as? Bool == true ? " (required)" : ""
                        html += "<tr><td><code>\(escape(parameter["name"] as? String ?? ""))</code>\(required)</td>"
                        html += "<td>\(escape(parameter["in"] as? String ?? ""))</td><td>\(escape(typeName(schema)))</td>"
                        html += "<td>\(escape(values(schema)))</td><td>\(escape(parameter["description"] as? String ?? ""))</td></tr>\n"
                    }
                    html += "</table>\n"
                }
                let responses = operation["responses"] as? [String: Any] ?? [:]
                html += "<ul>\n"
                for status in responses.keys.sorted() {
                    let response = resolve(responses[status] ?? [:], in: components) ?? [:]
                    let types = (response["content"] as? [String: Any] ?? [:]).keys.sorted().joined(separator: ", ")
                    html += "<li><b>\(escape(status))</b> \(escape(response["description"] as? String ?? ""))"
                    html += types.isEmpty ? "</li>\n" : " — <code>\(escape(types))</code></li>\n"
                }
                html += "</ul>\n"
            }
        }
        return html + "</body></html>\n"
    }

    /// `value` as an object, following a local `$ref` (`#/components/KIND/NAME`).
    private static func resolve(_ value: Any, in components: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/components/") else { return object }
        let parts = reference.dropFirst("#/components/".count).split(separator: "/").map(String.init)
        guard parts.count == 2, let group = components[parts[0]] as? [String: Any] else { return nil }
        return resolve(group[parts[1]] ?? [:], in: components)
    }

    private static func typeName(_ schema: [String: Any]) -> String {
        let type = (schema["type"] as? String) ?? (schema["type"] as? [String])?.joined(separator: " or ") ?? "any"
        return (schema["format"] as? String).map { "\(type) (\($0))" } ?? type
    }

    private static func values(_ schema: [String: Any]) -> String {
        var parts: [String] = []
        if let options = schema["enum"] as? [Any] { parts.append(options.map { "\($0)" }.joined(separator: ", ")) }
        if let minimum = schema["minimum"] { parts.append("≥ \(minimum)") }
        if let maximum = schema["maximum"] { parts.append("≤ \(maximum)") }
        if let pattern = schema["pattern"] as? String { parts.append("matches \(pattern)") }
        if let fallback = schema["default"] { parts.append("default \(fallback)") }
        return parts.joined(separator: "; ")
    }

    private static func escape(_ text: String) -> String { HTMLText.escaped(text) }
}
