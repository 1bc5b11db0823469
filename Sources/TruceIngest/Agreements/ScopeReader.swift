import Foundation
import TruceCore
import Yams

/// Reads an agreement's `scope:` section.
enum ScopeReader {
    static func read(_ fields: Fields, reading: inout YAMLReading) -> Scope {
        guard let node = fields.values["scope"] else { return Scope() }
        let keys = ["geography", "targets", "actions", "attempts", "exceptions"]
        guard let scope = reading.mapping(node, field: "scope", allowed: keys) else { return Scope() }
        var include: [GeoArea] = []
        var exclude: [GeoArea] = []
        if let geographyNode = scope.values["geography"],
            let geography = reading.mapping(geographyNode, field: "scope.geography", allowed: ["include", "exclude"])
        {
            include = reading.sequence(geography, "include").compactMap { GeographyReader.readArea($0.node, field: $0.field, reading: &reading) }
            exclude = reading.sequence(geography, "exclude").compactMap { GeographyReader.readArea($0.node, field: $0.field, reading: &reading) }
        }
        let targets = reading.sequence(scope, "targets").compactMap { readTarget($0.node, field: $0.field, reading: &reading) }
        let actions = reading.strings(scope, "actions").compactMap { item -> ActionType? in
            let action = reading.parse(item.text, as: ActionType.self, at: item.node, field: item.field)
            guard action == .noHostileAct else { return action }
            reading.error(
                "\"none\" is not a use of force: records of no hostile act are out of scope of every agreement", at: item.node, field: item.field)
            return nil
        }
        let exceptions = reading.sequence(scope, "exceptions").compactMap { item -> ScopeException? in
            guard let entry = reading.mapping(item.node, field: item.field, allowed: ["text", "source"]),
                let text = reading.string(entry, "text", required: true)
            else { return nil }
            return ScopeException(text: text, source: reading.source(entry, "source"))
        }
        let attempts = reading.value(scope, "attempts", as: AttemptRule.self) ?? .violate
        return Scope(include: include, exclude: exclude, targets: targets, actions: actions, exceptions: exceptions, attempts: attempts)
    }

    /// A target entry: `category`, and either `subtypes` (the only ones covered) or `including` (the subtypes the
    /// text names within a whole category), never both.
    private static func readTarget(_ node: Node, field: String, reading: inout YAMLReading) -> TargetScope? {
        guard let entry = reading.mapping(node, field: field, allowed: ["category", "subtypes", "including", "source"]) else { return nil }
        let category = reading.value(entry, "category", as: TargetCategory.self, required: true)
        let subtypes = readSubtypes(entry, "subtypes", category: category, reading: &reading)
        let including = readSubtypes(entry, "including", category: category, reading: &reading)
        if !subtypes.isEmpty, !including.isEmpty {
            reading.error(
                "give either subtypes (the only ones covered) or including (named within the whole category), not both",
                at: entry.values["including"], field: "\(field).including")
        }
        guard let category else { return nil }
        return TargetScope(category: category, subtypes: subtypes, including: including, source: reading.source(entry, "source"))
    }

    private static func readSubtypes(_ entry: Fields, _ key: String, category: TargetCategory?, reading: inout YAMLReading) -> [String] {
        var subtypes: [String] = []
        for item in reading.strings(entry, key) {
            if let category, !category.accepts(subtype: item.text) {
                let known = category.knownSubtypes.joined(separator: ", ")
                reading.error("\"\(item.text)\" is not a subtype of \(category.rawValue) (known: \(known))", at: item.node, field: item.field)
            } else {
                subtypes.append(item.text)
            }
        }
        return subtypes
    }
}
