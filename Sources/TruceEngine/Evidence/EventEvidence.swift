import Foundation
import TruceCore

/// Each record's evidence from the events of link records: the records of one event pool their claims, and a
/// record too vague to be placed in one event keeps the events it may describe.
struct EventEvidence {
    /// Claimants repeat (a dataset's sources, a ministry): each one's origins are worked out once.
    private struct Claimant: Hashable {
        var name: String
        var party: PartyID?
    }
    private final class Known {
        var origins: [Claimant: Set<String>] = [:]
    }
    private let known = Known()

    /// The evidence of every record of an event with `members` (by start then id).
    func records(of event: IncidentID, members: [LinkRecord], mayDescribe: [IncidentID] = []) -> [EvidenceRecord] {
        let level = self.level(of: members)
        return members.map { EvidenceRecord(incident: $0.id, group: event, level: level, mayDescribe: mayDescribe) }
    }

    /// The level of an event: a record alone keeps its own claims' level; most records are alone.
    func level(of members: [LinkRecord]) -> EvidenceLevel {
        guard members.count > 1 else { return members.first?.ownLevel ?? .singleClaim }
        return EvidenceLevel.level(for: members.flatMap(\.claims), actions: members.compactMap(\.action), origins: origins)
    }

    private func origins(_ claim: Claim) -> Set<String> {
        let claimant = Claimant(name: claim.claimant, party: claim.claimantParty)
        if let origins = known.origins[claimant] { return origins }
        let origins = SourceIdentity.origins(of: claim)
        known.origins[claimant] = origins
        return origins
    }

    /// Every record's evidence, linking `records` all together (ids unique).
    static func evidence(of records: [LinkRecord]) -> [EvidenceRecord] {
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let evidence = EventEvidence()
        var found: [EvidenceRecord] = []
        found.reserveCapacity(records.count)
        for event in IncidentLinker.events(keys: records.map(LinkKey.init), ids: records.map(\.id)) {
            found += evidence.records(of: event.id, members: event.records.compactMap { byID[$0] }, mayDescribe: event.mayDescribe)
        }
        return found
    }
}
