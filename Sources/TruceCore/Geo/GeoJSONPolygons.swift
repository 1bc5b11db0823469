import Foundation

/// The Polygon and MultiPolygon features of a GeoJSON file (a FeatureCollection or one Feature), with their
/// text properties. Other geometries are skipped.
public struct GeoJSONPolygons: Sendable {
    public struct Feature: Sendable {
        /// The feature's properties whose values are text, e.g. `id` and `name`.
        public var properties: [String: String]
        /// Each polygon as its rings (the outer ring, then any holes), each ring a list of points.
        public var polygons: [[[Coordinate]]]
    }

    public var features: [Feature]

    /// - Throws: ``GeoJSONError`` naming `file` when the data is not GeoJSON or holds no polygon.
    public init(data: Data, file: String) throws {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GeoJSONError(file: file, reason: "not a GeoJSON object")
        }
        let entries = root["features"] as? [[String: Any]] ?? (root["type"] as? String == "Feature" ? [root] : [])
        func ring(_ value: Any) -> [Coordinate] {
            (value as? [[Double]] ?? []).compactMap { $0.count >= 2 ? Coordinate(latitude: $0[1], longitude: $0[0]) : nil }
        }
        func polygon(_ value: Any) -> [[Coordinate]] { (value as? [Any] ?? []).map(ring) }
        var features: [Feature] = []
        for entry in entries {
            guard let geometry = entry["geometry"] as? [String: Any], let type = geometry["type"] as? String else { continue }
            let properties = (entry["properties"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
            switch type {
            case "Polygon": features.append(Feature(properties: properties, polygons: [polygon(geometry["coordinates"] as Any)]))
            case "MultiPolygon":
                features.append(Feature(properties: properties, polygons: (geometry["coordinates"] as? [Any] ?? []).map(polygon)))
            default: continue
            }
        }
        guard !features.isEmpty else { throw GeoJSONError(file: file, reason: "no Polygon or MultiPolygon features") }
        self.features = features
    }
}

/// A GeoJSON file that cannot be read as outlines, with the file's name.
public struct GeoJSONError: Error, Hashable, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
