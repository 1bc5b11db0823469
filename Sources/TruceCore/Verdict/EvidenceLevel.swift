import Foundation

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
    /// - claims blaming different parties, or a denial that a party another claim blames did it → `contested`;
    /// - otherwise two or more independent sources asserting it → `corroborated` (a denial corroborates nothing);
    /// - otherwise → `single_claim`.
    ///
    /// Sources are independent when they are different organisations. Every organ of one party counts as one
    /// source (a ministry and its general staff), and a claim that relays another ("Reuters (citing …)",
    /// "X via Y", a dataset's "(sources: …)") counts as the source it relays: two claims are one source when
    /// they share the party they speak for or the name of the source they rest on.
    public static func level(for claims: [Claim]) -> EvidenceLevel {
        guard claims.count > 1 else { return .singleClaim }  // one claim can neither contest nor corroborate
        let accused = Set(claims.compactMap(\.blamed))
        if accused.count > 1 { return .contested }
        if claims.contains(where: { $0.isDenial && $0.accused.map(accused.contains) == true }) { return .contested }
        return independentSources(claims.filter { !$0.isDenial }) >= 2 ? .corroborated : .singleClaim
    }

    /// How many independent sources the claims rest on: groups of claims linked by a shared identity.
    static func independentSources(_ claims: [Claim]) -> Int {
        var groups: [Set<String>] = []
        for claim in claims {
            var identity = identities(claim)
            let overlapping = groups.indices.filter { !groups[$0].isDisjoint(with: identity) }
            for index in overlapping.reversed() { identity.formUnion(groups.remove(at: index)) }
            groups.append(identity)
        }
        return groups.count
    }

    /// The names a claim's source goes by: the party it speaks for, and the organisation it rests on.
    static func identities(_ claim: Claim) -> Set<String> {
        var names: Set<String> = []
        if let party = claim.claimantParty { names.insert("party:\(party)") }
        var name = claim.claimant.lowercased()
        if let range = name.range(of: "(sources: ") {
            name = String(name[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ") "))
        } else {
            for marker in [" (via ", " (citing ", " (quoting ", " via ", " citing "] {
                if let range = name.range(of: marker) {
                    let relayed = String(name[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ") "))
                    names.insert("source:" + relayed)
                    name = String(name[..<range.lowerBound])
                }
            }
        }
        names.insert("source:" + name.trimmingCharacters(in: .whitespaces))
        return names
    }
}
