import Foundation
import TruceCore

/// The formats of `truce export`, with the layouts of incidents and of their claims in each.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, geojson, jsonl
}

extension ExportFormat {
    /// Incidents: Truce CSV (which `truce import truce` reads back), GeoJSON, or each incident's canonical JSON.
    public var incidents: ExportLayout<Incident> {
        switch self {
        case .csv: return TruceCSVExport.layout
        // Canonical JSON is byte for byte what the generic encoder writes, and several times faster.
        case .jsonl:
            return ExportLayout { incident, bytes in
                incident.appendCanonicalJSON(to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        case .geojson: return GeoJSONExport.layout(GeoJSONExport.incidentProperties) { ($0, GeoJSONExport.incidentValues(of: $0)) }
        }
    }

    /// One item per claim, with its incident.
    public var claims: ExportLayout<(incident: Incident, claim: Claim)> {
        switch self {
        case .csv: return CSVLine.layout(header: ClaimRow.columns) { ClaimRow(incident: $0.incident.id, claim: $0.claim).fields }
        case .jsonl:
            return ExportLayout { item, bytes in
                ClaimRow(incident: item.incident.id, claim: item.claim).appendCanonicalJSON(to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        case .geojson:
            let properties = GeoJSONProperties(["incident", "claimant", "claimant_party", "accused", "source_url", "stance"])
            return GeoJSONExport.layout(properties) { item in
                let (incident, claim) = item
                return (
                    incident,
                    [
                        .string(incident.id), .string(claim.claimant), .string(claim.claimantParty?.rawValue),
                        .string(claim.accused?.rawValue), .string(claim.source?.url),
                        .string(ClaimRow(incident: incident.id, claim: claim).stance?.rawValue),
                    ]
                )
            }
        }
    }

    /// Whether incidents in this format carry their source records' verbatim fields.
    public var incidentsNeedSourceFields: Bool { self == .jsonl }
}

/// One claim with its incident, as `truce export claims` writes it.
public struct ClaimRow: Hashable, Codable, Sendable {
    public var incident: IncidentID
    public var claimant: String
    public var claimantParty: PartyID?
    public var accused: PartyID?
    public var sourceURL: String?
    public var published: String?
    /// ``Claim/Stance/denial`` for a denial (`accused` is then the party said not to have done it),
    /// ``Claim/Stance/verification`` for a reviewer's verification; `nil` for an assertion.
    public var stance: Claim.Stance?

    public init(incident: IncidentID, claim: Claim) {
        self.incident = incident
        claimant = claim.claimant
        claimantParty = claim.claimantParty
        accused = claim.accused
        sourceURL = claim.source?.url
        published = claim.source?.published
        stance = claim.stance == .assertion ? nil : claim.stance
    }

    public static let columns = ["incident", "claimant", "claimant_party", "accused", "source_url", "published", "stance"]

    /// The row as canonical JSON, byte for byte what ``TruceJSON/encoder(pretty:)`` writes: sorted keys, `nil`
    /// members left out.
    public func appendCanonicalJSON(to bytes: inout [UInt8]) {
        JSONBytes.appendRaw("{", to: &bytes)
        if let accused {
            JSONBytes.appendRaw(#""accused":"#, to: &bytes)
            JSONBytes.appendString(accused.rawValue, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        JSONBytes.appendRaw(#""claimant":"#, to: &bytes)
        JSONBytes.appendString(claimant, to: &bytes)
        if let claimantParty {
            JSONBytes.appendRaw(#","claimantParty":"#, to: &bytes)
            JSONBytes.appendString(claimantParty.rawValue, to: &bytes)
        }
        JSONBytes.appendRaw(#","incident":"#, to: &bytes)
        JSONBytes.appendString(incident, to: &bytes)
        if let published {
            JSONBytes.appendRaw(#","published":"#, to: &bytes)
            JSONBytes.appendString(published, to: &bytes)
        }
        if let sourceURL {
            JSONBytes.appendRaw(#","sourceURL":"#, to: &bytes)
            JSONBytes.appendString(sourceURL, to: &bytes)
        }
        if let stance {
            JSONBytes.appendRaw(#","stance":"#, to: &bytes)
            JSONBytes.appendString(stance.rawValue, to: &bytes)
        }
        JSONBytes.appendRaw("}", to: &bytes)
    }

    var fields: [String] {
        [incident, claimant, claimantParty?.rawValue ?? "", accused?.rawValue ?? "", sourceURL ?? "", published ?? "", stance?.rawValue ?? ""]
    }
}
