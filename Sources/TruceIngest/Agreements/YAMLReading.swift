import Foundation
import TruceCore
import Yams

/// Reads values out of a composed YAML tree while collecting every problem with its line and field path.
struct YAMLReading {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at node: Node?, field: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: node?.mark?.line, field: field, message: message))
    }

    mutating func warning(_ message: String, at node: Node?, field: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: node?.mark?.line, field: field, message: message))
    }

    /// Opens `node` as a mapping whose keys must all be among `allowed`; reports unknown and non-string keys.
    mutating func mapping(_ node: Node, field: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping of \(allowed.prefix(4).joined(separator: ", "))…", at: node, field: field)
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("keys must be plain strings", at: key, field: field)
                continue
            }
            if allowed.contains(name) {
                values[name] = value
            } else {
                let hint = closest(to: name, among: allowed)
                error(
                    "unknown key '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
                        + "; allowed: \(allowed.joined(separator: ", "))", at: key, field: join(field, name))
            }
        }
        return Fields(node: node, path: field, values: values)
    }

    /// Reads a non-empty scalar string; `nil` (with an error when `required`) if absent or not a scalar.
    mutating func string(_ fields: Fields, _ key: String, required: Bool = false) -> String? {
        let field = join(fields.path, key)
        guard let node = fields.values[key], !isNull(node) else {
            if required { error("is required", at: fields.node, field: field) }
            return nil
        }
        guard let scalar = node.scalar else {
            error("expected a single value, found a \(kindName(node))", at: node, field: field)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { error("must not be empty", at: node, field: field) }
            return nil
        }
        return text
    }

    /// Reads a value of a closed vocabulary, naming the allowed values when it is not one of them.
    mutating func value<Value: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, as type: Value.Type, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        guard let text = string(fields, key, required: required) else { return nil }
        return parse(text, as: type, at: fields.values[key], field: join(fields.path, key))
    }

    mutating func parse<Value: RawRepresentable & CaseIterable>(
        _ text: String, as type: Value.Type, at node: Node?, field: String
    ) -> Value? where Value.RawValue == String {
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        error("\"\(text)\" is not one of: \(allowed)", at: node, field: field)
        return nil
    }

    mutating func statedTime(_ fields: Fields, _ key: String, required: Bool = false) -> StatedTime? {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let time = StatedTime(parsing: text) else {
            error(
                "\"\(text)\" is not a date or date-time (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or with an offset)",
                at: fields.values[key], field: join(fields.path, key))
            return nil
        }
        return time
    }

    mutating func zone(_ fields: Fields, _ key: String, required: Bool = false) -> ZoneIdentifier? {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let zone = ZoneIdentifier(text) else {
            error(
                "\"\(text)\" is not a time zone (expected an IANA name such as Europe/Kyiv, or UTC+03:00)",
                at: fields.values[key], field: join(fields.path, key))
            return nil
        }
        return zone
    }

    /// Reads a sequence; a missing key gives an empty list, a scalar or mapping an error.
    mutating func sequence(_ fields: Fields, _ key: String, required: Bool = false) -> [(node: Node, field: String)] {
        let field = join(fields.path, key)
        guard let node = fields.values[key], !isNull(node) else {
            if required { error("is required", at: fields.node, field: field) }
            return []
        }
        guard case .sequence(let sequence) = node else {
            error("expected a list, found a \(kindName(node))", at: node, field: field)
            return []
        }
        if required && sequence.isEmpty { error("must list at least one entry", at: node, field: field) }
        return sequence.enumerated().map { ($0.element, "\(field)[\($0.offset)]") }
    }

    /// Reads a list of scalar strings.
    mutating func strings(_ fields: Fields, _ key: String) -> [(text: String, node: Node, field: String)] {
        sequence(fields, key).compactMap { item in
            guard let text = item.node.scalar?.string, !text.isEmpty else {
                error("expected a single value", at: item.node, field: item.field)
                return nil
            }
            return (text, item.node, item.field)
        }
    }

    mutating func source(_ fields: Fields, _ key: String) -> SourceReference? {
        guard let node = fields.values[key], !isNull(node) else { return nil }
        return source(node, field: join(fields.path, key))
    }

    mutating func source(_ node: Node, field: String) -> SourceReference? {
        guard let fields = mapping(node, field: field, allowed: ["url", "published", "publisher", "title", "quote"])
        else { return nil }
        let url = string(fields, "url", required: true)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            error("\"\(url)\" is not a web address (http:// or https://)", at: fields.values["url"], field: join(field, "url"))
        }
        let published = string(fields, "published")
        if let published, StatedTime(parsing: published)?.isDateOnly != true {
            error("\"\(published)\" is not a date (YYYY-MM-DD)", at: fields.values["published"], field: join(field, "published"))
        }
        let quote = string(fields, "quote")
        if let quote, quote.count > SourceReference.maximumQuoteLength {
            error(
                "quote is \(quote.count) characters; keep excerpts to \(SourceReference.maximumQuoteLength)",
                at: fields.values["quote"], field: join(field, "quote"))
        }
        guard let url else { return nil }
        return SourceReference(
            url: url, published: published, publisher: string(fields, "publisher"), title: string(fields, "title"),
            quote: quote)
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }
}

/// An opened mapping: its node, field path and values by key.
struct Fields {
    let node: Node
    let path: String
    let values: [String: Node]
}

func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

/// The candidate a mistyped `text` most likely meant, for "did you mean" hints: one that differs only in case,
/// else the nearest within `maximumDistance` edits (the first in `candidates` on a tie).
func closest(to text: String, among candidates: [String], maximumDistance: Int = 2) -> String? {
    if let sameLetters = candidates.first(where: { $0.lowercased() == text.lowercased() }) { return sameLetters }
    let scored = candidates.map { (candidate: $0, distance: editDistance($0.lowercased(), text.lowercased())) }
    return scored.filter { $0.distance <= maximumDistance }.min { $0.distance < $1.distance }?.candidate
}

/// Levenshtein distance, for "did you mean" hints on short keys.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
