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
        case .jsonl: return ExportLayout { $0.canonicalJSON + "\n" }
        case .geojson: return GeoJSONExport.layout { ($0, GeoJSONExport.properties(of: $0)) }
        }
    }

    /// One item per claim, with its incident.
    public var claims: ExportLayout<(incident: Incident, claim: Claim)> {
        switch self {
        case .csv: return CSVLine.layout(header: ClaimRow.columns) { ClaimRow(incident: $0.incident.id, claim: $0.claim).fields }
        case .jsonl:
            let rows = JSONLinesExport.layout(of: ClaimRow.self)
            return ExportLayout { try rows.render(ClaimRow(incident: $0.incident.id, claim: $0.claim)) }
        case .geojson:
            return GeoJSONExport.layout { item in
                let (incident, claim) = item
                return (incident, [
                    "incident": incident.id, "claimant": claim.claimant, "claimant_party": claim.claimantParty?.rawValue,
                    "accused": claim.accused?.rawValue, "source_url": claim.source?.url,
                ])
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

    public init(incident: IncidentID, claim: Claim) {
        self.incident = incident
        claimant = claim.claimant
        claimantParty = claim.claimantParty
        accused = claim.accused
        sourceURL = claim.source?.url
        published = claim.source?.published
    }

    public static let columns = ["incident", "claimant", "claimant_party", "accused", "source_url", "published"]

    var fields: [String] {
        [incident, claimant, claimantParty?.rawValue ?? "", accused?.rawValue ?? "", sourceURL ?? "", published ?? ""]
    }
}
