import Foundation

/// How well an incident is attested, from the claims made about it.
public enum EvidenceLevel: String, CaseIterable, Hashable, Codable, Sendable, Comparable {
    /// One source, often an interested party.
    case singleClaim = "single_claim"
    /// The claims disagree on who did it, or on what was done.
    case contested
    /// Two or more independent sources.
    case corroborated
    /// A reviewer of the mission confirmed it, after examining the records and their evidence (a claim of stance
    /// ``Claim/Stance/verification``). No importer yields this: only a review does.
    case verified

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The level that follows from the `claims` about one event and the `actions` its records report:
    /// - a reviewer's verification among the claims → `verified`, whatever the others say (a reviewer's rejection
    ///   is not a claim about the act, and is left out);
    /// - claims blaming different parties, a denial that a party another claim blames did it, or records
    ///   reporting different actions (the unknown aside, and a strike of unstated weapon with any strike) →
    ///   `contested`;
    /// - otherwise a reviewer's corroboration (other records found to report the act) or two or more independent
    ///   sources asserting it → `corroborated` (a denial corroborates nothing);
    /// - otherwise → `single_claim`.
    ///
    /// Sources are independent when they rest on different origins (``SourceIdentity``): every organ of one
    /// party counts as one source, and a claim relaying another report counts as that report. Two claims are
    /// one source when they share an origin.
    /// - Parameter origins: the origins of a claim; a caller judging many events may pass a cached
    ///   ``SourceIdentity/origins(of:)``.
    public static func level(
        for claims: [Claim], actions: [ActionType] = [], origins: (Claim) -> Set<String> = SourceIdentity.origins(of:)
    ) -> EvidenceLevel {
        if claims.contains(where: \.isVerification) { return .verified }
        let claims = claims.contains(where: \.isRejection) ? claims.filter { !$0.isRejection } : claims
        guard claims.count > 1 else { return .singleClaim }  // one claim can neither contest nor corroborate
        let accused = Set(claims.compactMap(\.blamed))
        if accused.count > 1 || differ(actions) { return .contested }
        if claims.contains(where: { $0.isDenial && $0.accused.map(accused.contains) == true }) { return .contested }
        if claims.contains(where: \.isCorroboration) { return .corroborated }
        return independentSources(claims.filter { !$0.isDenial }, origins: origins) >= 2 ? .corroborated : .singleClaim
    }

    /// Whether some two of `actions` cannot be the same act.
    static func differ(_ actions: [ActionType]) -> Bool {
        let distinct = Array(Set(actions))
        for (index, action) in distinct.enumerated() where distinct[(index + 1)...].contains(where: { !$0.mayBeSame(as: action) }) { return true }
        return false
    }

    /// How many independent sources the claims rest on: groups of claims linked by a shared origin.
    static func independentSources(_ claims: [Claim], origins: (Claim) -> Set<String>) -> Int {
        var groups: [Set<String>] = []
        for claim in claims {
            var origins = origins(claim)
            let overlapping = groups.indices.filter { !groups[$0].isDisjoint(with: origins) }
            for index in overlapping.reversed() { origins.formUnion(groups.remove(at: index)) }
            groups.append(origins)
        }
        return groups.count
    }
}
