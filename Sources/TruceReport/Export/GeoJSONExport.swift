import Foundation
import TruceCore

/// Exports incidents, verdicts or claims as an RFC 7946 GeoJSON FeatureCollection: one Feature each, with a
/// Point geometry `[longitude, latitude]` where the incident has a point and `null` where it has none.
///
/// The collection is written as its header, each feature, and its footer, so memory does not grow with the
/// number of features. Each feature is written byte by byte (``GeoJSONFeatureWriter``), and its text is the
/// one Foundation's `JSONSerialization` gives with sorted keys.
public enum GeoJSONExport {
    /// A FeatureCollection of one feature per item: the incident it is drawn at, and the values of
    /// `properties` (in the order of ``GeoJSONProperties/names``).
    public static func layout<Item>(
        _ properties: GeoJSONProperties, _ feature: @escaping (Item) -> (incident: Incident, values: [GeoJSONValue])
    ) -> ExportLayout<Item> {
        let writer = GeoJSONFeatureWriter(properties)
        return ExportLayout(header: #"{"features":["#, separator: ",", footer: #"],"type":"FeatureCollection"}"# + "\n") { item, bytes in
            let (incident, values) = feature(item)
            writer.append(incident, values: values, to: &bytes)
        }
    }

    /// The properties Truce writes for an incident: ``incidentValues(of:)`` gives their values.
    public static let incidentProperties = GeoJSONProperties([
        "start", "end", "time_precision", "country", "admin1", "place", "geo_precision", "action", "target_category",
        "target_subtype", "target_name", "perpetrator", "attributed_by", "fatalities", "description", "outcome", "acts",
        "countries",
    ])

    /// The values of ``incidentProperties``, in their order.
    public static func incidentValues(of incident: Incident) -> [GeoJSONValue] {
        [
            .string(TruceCSVExport.utc(incident.time.span.start)), .string(incident.time.span.end.map(TruceCSVExport.utc)),
            .string(incident.time.precision.rawValue), .string(incident.location.country), .string(incident.location.admin1),
            .string(incident.location.place), .string(incident.location.precision.rawValue), .string(incident.action?.rawValue),
            .string(incident.target.category?.rawValue), .string(incident.target.subtype), .string(incident.target.name),
            .string(incident.perpetrator?.party.rawValue), .string(incident.perpetrator?.attributedBy),
            .integer(incident.effects.fatalities), .string(incident.description), .string(incident.outcome?.rawValue),
            .integer(incident.acts), .string(incident.location.countries.isEmpty ? nil : incident.location.countries.joined(separator: ";")),
        ]
    }

    /// The properties Truce writes for a verdict: its incident's, then the agreement, the verdict and the
    /// evidence level.
    public static let verdictProperties = incidentProperties.adding(["agreement", "verdict", "evidence"])

    /// The values of ``verdictProperties``. A verdict without an evidence level has no `evidence` property.
    public static func verdictValues(of verdict: Verdict, evidence: EvidenceLevel?, incident: Incident) -> [GeoJSONValue] {
        incidentValues(of: incident) + [.string(verdict.agreement), .string(verdict.kind.rawValue), evidence.map { .string($0.rawValue) } ?? .absent]
    }
}

/// A property value of a feature: a string or an integer, `null` when `nil`, or no property at all.
public enum GeoJSONValue: Hashable, Sendable {
    case string(String?)
    case integer(Int?)
    /// The feature leaves the property out.
    case absent
}

/// The names of a feature's properties, in the order their values are given; every feature has them all.
public struct GeoJSONProperties: Hashable, Sendable {
    public let names: [String]

    public init(_ names: [String]) { self.names = names }

    /// These properties followed by `more`.
    public func adding(_ more: [String]) -> GeoJSONProperties { GeoJSONProperties(names + more) }
}

/// Writes one GeoJSON Feature as compact JSON with sorted keys: `geometry`, `id`, `properties` (each name in
/// the order `JSONSerialization`'s `.sortedKeys` puts it), `type`.
struct GeoJSONFeatureWriter {
    /// Each property as `"name":`, in written order, with the index of its value.
    private let members: [(key: [UInt8], value: Int)]

    init(_ properties: GeoJSONProperties) {
        // The order of Foundation's `.sortedKeys`: numeric, case-insensitive comparison (worked out once).
        let order = properties.names.indices.sorted { left, right in
            let (a, b) = (properties.names[left], properties.names[right])
            return a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex, locale: nil)
                == .orderedAscending
        }
        members = order.map { index in
            var key: [UInt8] = []
            JSONBytes.appendString(properties.names[index], to: &key)
            key.append(UInt8(ascii: ":"))
            return (key, index)
        }
    }

    func append(_ incident: Incident, values: [GeoJSONValue], to bytes: inout [UInt8]) {
        precondition(values.count == members.count, "a GeoJSON feature needs one value per property")
        if let point = incident.location.coordinate {
            JSONBytes.appendRaw(#"{"geometry":{"coordinates":["#, to: &bytes)
            JSONBytes.appendNumber(point.longitude, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONBytes.appendNumber(point.latitude, to: &bytes)
            JSONBytes.appendRaw(#"],"type":"Point"},"id":"#, to: &bytes)
        } else {
            JSONBytes.appendRaw(#"{"geometry":null,"id":"#, to: &bytes)
        }
        JSONBytes.appendString(incident.id, to: &bytes)
        JSONBytes.appendRaw(#","properties":{"#, to: &bytes)
        var first = true
        for member in members {
            let value = values[member.value]
            if case .absent = value { continue }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: member.key)
            switch value {
            case .string(let text?): JSONBytes.appendString(text, to: &bytes)
            case .integer(let number?): JSONBytes.appendInteger(number, to: &bytes)
            case .string(nil), .integer(nil): JSONBytes.appendRaw("null", to: &bytes)
            case .absent: break
            }
        }
        JSONBytes.appendRaw(#"},"type":"Feature"}"#, to: &bytes)
    }
}

/// Exports values as JSON Lines: one canonical JSON object per line.
public enum JSONLinesExport {
    public static func layout<Value: Encodable>(of: Value.Type = Value.self) -> ExportLayout<Value> {
        let encoder = TruceJSON.encoder()
        return ExportLayout { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }
    }
}
