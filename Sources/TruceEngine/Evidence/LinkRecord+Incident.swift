import Foundation
import TruceCore

extension LinkRecord {
    /// What linking reads of `incident`, under the rules of ``IncidentLinker``, and the level of its own claims.
    public init(linking incident: Incident) {
        self.init(incident, key: LinkKey(incident))
    }

    init(_ incident: Incident, key: LinkKey) {
        self.init(
            id: incident.id, start: key.start, end: key.end.isFinite ? key.end : nil, category: key.category, subtype: key.subtype,
            targetWords: key.targetWords.map { $0.sorted() }, action: key.action, country: key.country, coordinate: key.coordinate,
            precision: key.precision, region: key.region, place: key.place, eventCodedDataset: key.eventCodedDataset, role: key.role,
            ownLevel: EvidenceLevel.level(for: Self.evidentialClaims(of: incident)),
            claimsText: LinkRecord.encode(claims: Self.evidentialClaims(of: incident)))
    }

    /// The claims a record lends its event: none but the rejection of a record a reviewer rejected.
    static func evidentialClaims(of incident: Incident) -> [Claim] {
        incident.isRejectedByReview ? incident.claims.filter(\.isRejection) : incident.claims
    }
}
