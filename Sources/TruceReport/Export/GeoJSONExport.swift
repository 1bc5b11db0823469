import Foundation
import TruceCore

/// Exports incidents, verdicts or claims as an RFC 7946 GeoJSON FeatureCollection: one Feature each, with a
/// Point geometry `[longitude, latitude]` where the incident has a point and `null` where it has none.
public enum GeoJSONExport {
    /// A FeatureCollection whose features carry `properties` for each incident.
    /// - Parameter properties: the properties of each feature, from its incident (string, number or `nil` values).
    public static func collection(_ items: [(incident: Incident, properties: [String: Any?])]) throws -> String {
        let features: [[String: Any]] = items.map { item in
            var geometry: Any = NSNull()
            if let point = item.incident.location.coordinate {
                geometry = ["type": "Point", "coordinates": [point.longitude, point.latitude]]
            }
            let properties = item.properties.mapValues { $0 ?? NSNull() }
            return ["type": "Feature", "id": item.incident.id, "geometry": geometry, "properties": properties]
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "features": features]
        let data = try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
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
    public static func lines<Value: Encodable>(_ values: [Value]) throws -> String {
        let encoder = TruceJSON.encoder()
        return try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}

/// One claim with its incident, as `truce export claims` writes it.
public struct ClaimRow: Hashable, Codable, Sendable {
    public var incident: IncidentID
    public var claimant: String
    public var claimantParty: PartyID?
    public var accused: PartyID?
    public var sourceURL: String?
    public var published: String?

    public init(incident: IncidentID, claim: Claim) {
        self.incident = incident
        claimant = claim.claimant
        claimantParty = claim.claimantParty
        accused = claim.accused
        sourceURL = claim.source?.url
        published = claim.source?.published
    }

    public static let columns = ["incident", "claimant", "claimant_party", "accused", "source_url", "published"]

    public static func csv(_ rows: [ClaimRow]) -> String {
        var csv = CSVText(header: columns)
        for row in rows {
            csv.append([row.incident, row.claimant, row.claimantParty?.rawValue ?? "", row.accused?.rawValue ?? "", row.sourceURL ?? "", row.published ?? ""])
        }
        return csv.text
    }
}
