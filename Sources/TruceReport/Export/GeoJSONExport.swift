import Foundation
import TruceCore

/// Exports incidents, verdicts or claims as an RFC 7946 GeoJSON FeatureCollection: one Feature each, with a
/// Point geometry `[longitude, latitude]` where the incident has a point and `null` where it has none.
///
/// The collection is written as its header, each feature, and its footer, so memory does not grow with the
/// number of features; the text is the one the whole collection serialised with sorted keys would give.
public enum GeoJSONExport {
    /// A FeatureCollection of `feature(item)` for each item: the incident it is drawn at, and its properties
    /// (string, number or `nil` values).
    public static func layout<Item>(_ feature: @escaping (Item) -> (incident: Incident, properties: [String: Any?])) -> ExportLayout<Item> {
        ExportLayout(header: #"{"features":["#, separator: ",", footer: #"],"type":"FeatureCollection"}"# + "\n") { item in
            let (incident, properties) = feature(item)
            return try Self.feature(incident, properties: properties)
        }
    }

    /// One Feature as compact JSON with sorted keys.
    static func feature(_ incident: Incident, properties: [String: Any?]) throws -> String {
        var geometry: Any = NSNull()
        if let point = incident.location.coordinate {
            geometry = ["type": "Point", "coordinates": [point.longitude, point.latitude]]
        }
        let feature: [String: Any] = [
            "type": "Feature", "id": incident.id, "geometry": geometry, "properties": properties.mapValues { $0 ?? NSNull() },
        ]
        let data = try JSONSerialization.data(withJSONObject: feature, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// The properties Truce writes for an incident.
    public static func properties(of incident: Incident) -> [String: Any?] {
        [
            "start": TruceCSVExport.utc(incident.time.span.start), "end": incident.time.span.end.map(TruceCSVExport.utc),
            "time_precision": incident.time.precision.rawValue, "country": incident.location.country,
            "admin1": incident.location.admin1, "place": incident.location.place,
            "geo_precision": incident.location.precision.rawValue, "action": incident.action?.rawValue,
            "target_category": incident.target.category?.rawValue, "target_subtype": incident.target.subtype,
            "target_name": incident.target.name, "perpetrator": incident.perpetrator?.party.rawValue,
            "attributed_by": incident.perpetrator?.attributedBy, "fatalities": incident.effects.fatalities,
            "description": incident.description,
        ]
    }
}

/// Exports values as JSON Lines: one canonical JSON object per line.
public enum JSONLinesExport {
    public static func layout<Value: Encodable>(of: Value.Type = Value.self) -> ExportLayout<Value> {
        let encoder = TruceJSON.encoder()
        return ExportLayout { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }
    }
}
