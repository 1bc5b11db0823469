import Foundation
import TruceCore

@testable import TruceReport

/// The JSON exports as Foundation writes them (`JSONSerialization` for GeoJSON, `JSONEncoder` for JSON Lines):
/// the bytes Truce's own writers must give exactly.
enum FoundationExports {
    /// One GeoJSON Feature, serialised whole with sorted keys.
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

    /// A FeatureCollection of `features`, written feature by feature.
    static func collection(_ features: [String]) -> String {
        #"{"features":["# + features.joined(separator: ",") + #"],"type":"FeatureCollection"}"# + "\n"
    }

    /// The properties of an incident's feature.
    static func properties(of incident: Incident) -> [String: Any?] {
        [
            "start": TruceCSVExport.utc(incident.time.span.start), "end": incident.time.span.end.map(TruceCSVExport.utc),
            "time_precision": incident.time.precision.rawValue, "country": incident.location.country,
            "admin1": incident.location.admin1, "place": incident.location.place,
            "geo_precision": incident.location.precision.rawValue, "action": incident.action?.rawValue,
            "target_category": incident.target.category?.rawValue, "target_subtype": incident.target.subtype,
            "target_name": incident.target.name, "perpetrator": incident.perpetrator?.party.rawValue,
            "attributed_by": incident.perpetrator?.attributedBy, "fatalities": incident.effects.fatalities,
            "description": incident.description, "outcome": incident.outcome?.rawValue, "acts": incident.acts,
            "countries": incident.location.countries.isEmpty ? nil : incident.location.countries.joined(separator: ";"),
        ]
    }

    /// The properties of a verdict's feature: a `nil` evidence level, assigned into the dictionary, removes it.
    static func properties(of verdict: Verdict, evidence: EvidenceLevel?, incident: Incident) -> [String: Any?] {
        var properties = properties(of: incident)
        properties["agreement"] = verdict.agreement
        properties["verdict"] = verdict.kind.rawValue
        properties["evidence"] = evidence?.rawValue
        return properties
    }

    /// The properties of a claim's feature.
    static func properties(of claim: Claim, in incident: Incident) -> [String: Any?] {
        [
            "incident": incident.id, "claimant": claim.claimant, "claimant_party": claim.claimantParty?.rawValue,
            "accused": claim.accused?.rawValue, "source_url": claim.source?.url, "stance": claim.stance == .assertion ? nil : claim.stance.rawValue,
        ]
    }

    /// One JSON Lines line as the generic encoder writes it.
    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try TruceJSON.encoder().encode(value), as: UTF8.self) + "\n"
    }
}
