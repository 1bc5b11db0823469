import Foundation
import TruceCore

/// How well an incident is attested, from the claims made about it.
public enum EvidenceLevel: String, CaseIterable, Hashable, Codable, Sendable, Comparable {
    /// One source, often an interested party.
    case singleClaim = "single_claim"
    /// The claims disagree on who did it.
    case contested
    /// Two or more independent sources.
    case corroborated
    /// A monitor confirmed it. (Monitors' submissions arrive with the server; no importer yields this yet.)
    case verified

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The level that follows from `claims`:
    /// - claims blaming different parties → `contested`;
    /// - otherwise two or more independent sources → `corroborated`;
    /// - otherwise → `single_claim`.
    ///
    /// Sources are independent when they are different organisations: every organ of one party counts as
    /// one source (a ministry and its general staff), and a claim relayed "via" or "citing" another counts as
    /// the source it relays when it names the party (`claimant_party`).
    public static func level(for claims: [Claim]) -> EvidenceLevel {
        let accused = Set(claims.compactMap(\.accused))
        if accused.count > 1 { return .contested }
        let sources = Set(claims.map(sourceIdentity))
        return sources.count >= 2 ? .corroborated : .singleClaim
    }

    /// The organisation a claim comes from.
    static func sourceIdentity(_ claim: Claim) -> String {
        if let party = claim.claimantParty { return "party:\(party)" }
        var name = claim.claimant.lowercased()
        for marker in [" (via", " (citing", " (quoting", " via ", " citing "] {
            if let range = name.range(of: marker) { name = String(name[..<range.lowerBound]) }
        }
        return "source:" + name.trimmingCharacters(in: .whitespaces)
    }
}
