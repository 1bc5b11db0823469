import Foundation
import TruceCore
import Yams

/// Reads one place of an agreement's `scope.geography`: a country, a region or a sea Truce knows, or a polygon.
/// An unknown region or sea is an error with a "did you mean" hint, so that a typo never silently scopes nothing.
enum GeographyReader {
    static func readArea(_ node: Node, field: String, reading: inout YAMLReading) -> GeoArea? {
        let kinds = GeoArea.Kind.allCases.map(\.rawValue)
        guard let entry = reading.mapping(node, field: field, allowed: kinds + ["name"]) else { return nil }
        let present = kinds.filter { entry.values[$0] != nil }
        guard present.count == 1, let kind = GeoArea.Kind(rawValue: present[0]) else {
            reading.error("give exactly one of \(kinds.joined(separator: ", "))", at: node, field: field)
            return nil
        }
        let name = reading.string(entry, "name")
        let valueField = join(field, kind.rawValue)
        let valueNode = entry.values[kind.rawValue]
        switch kind {
        case .polygon:
            return readPolygon(entry.values["polygon"]!, field: valueField, name: name, reading: &reading)
        case .country:
            guard let code = reading.string(entry, kind.rawValue, required: true) else { return nil }
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                reading.error("\"\(code)\" is not an ISO 3166-1 alpha-2 code such as UA", at: valueNode, field: valueField)
                return nil
            }
            return GeoArea(kind: .country, code: code, name: name)
        case .region:
            guard let code = reading.string(entry, kind.rawValue, required: true) else { return nil }
            guard Regions.isKnown(code) else {
                reading.error(unknownRegion(code, name: name), at: valueNode, field: valueField)
                return nil
            }
            if let name, let named = Regions.code(forName: name), named != code {
                reading.warning(
                    "name \"\(name)\" is \(named) (\(Regions.englishName(of: named) ?? named)), not \(code)",
                    at: entry.values["name"], field: join(field, "name"))
            }
            return GeoArea(kind: .region, code: code, name: name)
        case .sea:
            guard let code = reading.string(entry, kind.rawValue, required: true) else { return nil }
            guard Seas.isKnown(code) else {
                reading.error(unknownSea(code, name: name), at: valueNode, field: valueField)
                return nil
            }
            return GeoArea(kind: .sea, code: code, name: name)
        }
    }

    /// "… is not a region Truce knows (did you mean UA-63, Kharkiv?)", the hint taken from the value read as a
    /// name, then from the area's `name`, then from the nearest code.
    private static func unknownRegion(_ code: String, name: String?) -> String {
        let wellFormed = code.range(of: #"^[A-Z]{2}-[A-Z0-9]{1,3}$"#, options: .regularExpression) != nil
        let problem =
            wellFormed
            ? "\"\(code)\" is not a region Truce knows"
            : "\"\(code)\" is not an ISO 3166-2 code such as UA-43"
        let hint =
            Regions.code(forName: code) ?? name.flatMap(Regions.code(forName:))
            ?? closest(to: code, among: Regions.codes, maximumDistance: 1)
        let countries = Set(Regions.codes.compactMap { $0.split(separator: "-").first.map(String.init) }).sorted()
        return problem + (hint.map { " (did you mean \($0), \(Regions.englishName(of: $0) ?? $0)?)" } ?? "")
            + "; Truce knows the regions of \(countries.joined(separator: ", ")): use a country or a polygon elsewhere"
    }

    /// "… is not a sea Truce knows (did you mean black_sea?); known: …".
    private static func unknownSea(_ code: String, name: String?) -> String {
        let hint =
            Seas.identifier(forName: code) ?? name.flatMap(Seas.identifier(forName:))
            ?? closest(to: code, among: Seas.identifiers, maximumDistance: 3)
        return "\"\(code)\" is not a sea Truce knows" + (hint.map { " (did you mean \($0)?)" } ?? "")
            + "; known: \(Seas.identifiers.joined(separator: ", ")), or give a polygon"
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
