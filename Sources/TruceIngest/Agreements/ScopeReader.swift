import Foundation
import TruceCore
import Yams

/// Reads an agreement's `scope:` section.
enum ScopeReader {
    static func read(_ fields: Fields, reading: inout YAMLReading) -> Scope {
        guard let node = fields.values["scope"] else { return Scope() }
        let keys = ["geography", "targets", "actions", "exceptions"]
        guard let scope = reading.mapping(node, field: "scope", allowed: keys) else { return Scope() }
        var include: [GeoArea] = []
        var exclude: [GeoArea] = []
        if let geographyNode = scope.values["geography"],
            let geography = reading.mapping(geographyNode, field: "scope.geography", allowed: ["include", "exclude"])
        {
            include = reading.sequence(geography, "include").compactMap { readArea($0.node, field: $0.field, reading: &reading) }
            exclude = reading.sequence(geography, "exclude").compactMap { readArea($0.node, field: $0.field, reading: &reading) }
        }
        let targets = reading.sequence(scope, "targets").compactMap { readTarget($0.node, field: $0.field, reading: &reading) }
        let actions = reading.strings(scope, "actions").compactMap {
            reading.parse($0.text, as: ActionType.self, at: $0.node, field: $0.field)
        }
        let exceptions = reading.sequence(scope, "exceptions").compactMap { item -> ScopeException? in
            guard let entry = reading.mapping(item.node, field: item.field, allowed: ["text", "source"]),
                let text = reading.string(entry, "text", required: true)
            else { return nil }
            return ScopeException(text: text, source: reading.source(entry, "source"))
        }
        return Scope(include: include, exclude: exclude, targets: targets, actions: actions, exceptions: exceptions)
    }

    private static func readTarget(_ node: Node, field: String, reading: inout YAMLReading) -> TargetScope? {
        guard let entry = reading.mapping(node, field: field, allowed: ["category", "subtypes", "source"]) else { return nil }
        let category = reading.value(entry, "category", as: TargetCategory.self, required: true)
        var subtypes: [String] = []
        for item in reading.strings(entry, "subtypes") {
            if let category, !category.accepts(subtype: item.text) {
                let known = category.knownSubtypes.joined(separator: ", ")
                reading.error("\"\(item.text)\" is not a subtype of \(category.rawValue) (known: \(known))", at: item.node, field: item.field)
            } else {
                subtypes.append(item.text)
            }
        }
        guard let category else { return nil }
        return TargetScope(category: category, subtypes: subtypes, source: reading.source(entry, "source"))
    }

    private static func readArea(_ node: Node, field: String, reading: inout YAMLReading) -> GeoArea? {
        let kinds = GeoArea.Kind.allCases.map(\.rawValue)
        guard let entry = reading.mapping(node, field: field, allowed: kinds + ["name"]) else { return nil }
        let present = kinds.filter { entry.values[$0] != nil }
        guard present.count == 1, let kind = GeoArea.Kind(rawValue: present[0]) else {
            reading.error("give exactly one of \(kinds.joined(separator: ", "))", at: node, field: field)
            return nil
        }
        let name = reading.string(entry, "name")
        let valueField = join(field, kind.rawValue)
        if kind == .polygon {
            return readPolygon(entry.values["polygon"]!, field: valueField, name: name, reading: &reading)
        }
        guard let code = reading.string(entry, kind.rawValue, required: true) else { return nil }
        let valid: Bool
        switch kind {
        case .country: valid = code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }
        case .region:
            let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            valid = parts.count == 2 && parts[0].count == 2 && parts[0].allSatisfy { $0.isASCII && $0.isUppercase }
                && (1...3).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        case .sea: valid = code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
        case .polygon: valid = true
        }
        if !valid {
            let expected = [
                GeoArea.Kind.country: "an ISO 3166-1 alpha-2 code such as UA", .region: "an ISO 3166-2 code such as UA-43",
                .sea: "a snake_case identifier such as black_sea",
            ][kind]!
            reading.error("\"\(code)\" is not \(expected)", at: entry.values[kind.rawValue], field: valueField)
            return nil
        }
        return GeoArea(kind: kind, code: code, name: name)
    }

    private static func readPolygon(_ node: Node, field: String, name: String?, reading: inout YAMLReading) -> GeoArea? {
        guard case .sequence(let points) = node, points.count >= 4 else {
            reading.error("a polygon is a list of at least 4 [longitude, latitude] pairs, the last equal to the first", at: node, field: field)
            return nil
        }
        var ring: [Coordinate] = []
        for (index, point) in points.enumerated() {
            let values = point.sequence.map { $0.compactMap { $0.scalar.flatMap { Double($0.string) } } } ?? []
            let coordinate = values.count == 2 ? Coordinate(latitude: values[1], longitude: values[0]) : nil
            guard let coordinate, coordinate.isValid else {
                reading.error("expected [longitude, latitude] within ±180, ±90", at: point, field: "\(field)[\(index)]")
                return nil
            }
            ring.append(coordinate)
        }
        if ring.first != ring.last {
            reading.error("the polygon's last point must equal its first", at: node, field: field)
            return nil
        }
        return GeoArea(kind: .polygon, code: "", name: name, ring: ring)
    }
}
