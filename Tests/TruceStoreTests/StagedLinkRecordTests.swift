import Foundation
import Testing
import TruceCore
import TruceEngine

@testable import TruceStore

@Suite("Link records made while judging, taken by the linking that follows instead of decoding the incidents again")
struct StagedLinkRecordTests {
    static let rules = "test-rules"

    /// Every stored link record, by incident.
    func linkRecords(_ store: SQLiteStore) throws -> [LinkRecord] {
        let ids = try store.incidents(matching: .all).map(\.id).sorted()
        return try store.linking { try $0.linkRecords(ids: ids) }.sorted { $0.id < $1.id }
    }

    @Test("link records made while judging, and the evidence linked from them, equal those made afresh from the stored bodies", arguments: 1...20)
    func stagedEqualAfresh(seed: UInt64) throws {
        var world = LinkingWorld(seed: seed)
        let (staged, afresh) = (try LinkingWorld.store(), try LinkingWorld.store())
        var incidents = (0..<60).map { world.record("r\($0)") }
        for store in [staged, afresh] { _ = try store.save(incidents: incidents, quarantined: []) }
        try LinkingWorld.adjudicate(staged, rules: Self.rules, staging: true)
        try LinkingWorld.adjudicate(afresh, rules: Self.rules, staging: false)
        #expect(try linkRecords(staged) == linkRecords(afresh))
        #expect(try linkRecords(staged).count == 60)
        #expect(try staged.evidence() == afresh.evidence())

        // New and changed records, linked around their neighbourhood.
        let added = (0..<5).map { world.record("n\($0)") }
        var changed = world.record(incidents[world.next(incidents.count)].id)
        changed.description = "changed"
        incidents += added
        for store in [staged, afresh] { _ = try store.save(incidents: added + [changed], quarantined: []) }
        try LinkingWorld.adjudicate(staged, rules: Self.rules, staging: true)
        try LinkingWorld.adjudicate(afresh, rules: Self.rules, staging: false)
        #expect(try linkRecords(staged) == linkRecords(afresh))
        #expect(try staged.evidence() == afresh.evidence())
        #expect(try staged.evidence() == Adjudication.evidence(for: try staged.incidents(matching: .all)).sorted { $0.incident < $1.incident })
    }

    @Test("a link record staged while judging is stored as it was made, without the incident being decoded again")
    func stagedRecordIsTaken() throws {
        var world = LinkingWorld(seed: 7)
        let store = try LinkingWorld.store()
        let incidents = (0..<4).map { world.record("r\($0)") }
        _ = try store.save(incidents: incidents, quarantined: [])
        var marked = LinkRecord(linking: incidents[0])
        marked.place = "made while judging"
        try store.save(
            AdjudicationRun(
                incidents: incidents.map(\.id), agreements: [], verdicts: [], rulesVersion: Self.rules,
                linkRecords: [marked] + incidents.dropFirst().map { LinkRecord(linking: $0) }))
        try EvidenceLinking(rulesVersion: Self.rules).update(store)
        #expect(try linkRecords(store).first?.place == "made while judging")
        // Linking took the staged records in: the next linking works from the stored bodies again.
        _ = try store.save(
            incidents: [incidents[0]].map {
                var changed = $0
                changed.description = "again"
                return changed
            }, quarantined: [])
        try EvidenceLinking(rulesVersion: Self.rules).update(store)
        #expect(try linkRecords(store).first == LinkRecord(linking: incidents[0]))
    }

    @Test("an incident saved again between judging and linking keeps waiting, and its staged record of the old content is never stored")
    func changedAfterStagingIsLeftOut() throws {
        var world = LinkingWorld(seed: 3)
        let store = try LinkingWorld.store()
        let incidents = (0..<10).map { world.record("r\($0)") }
        _ = try store.save(incidents: incidents, quarantined: [])
        var moved = world.record("r4")
        moved.location.place = "Somewhere else"
        try LinkingWorld.adjudicate(store, rules: Self.rules, staging: true) { _ = try store.save(incidents: [moved], quarantined: []) }
        #expect(try linkRecords(store).map(\.id) == incidents.map(\.id).filter { $0 != "r4" }.sorted())
        #expect(try store.evidence().contains { $0.incident == "r4" } == false)
        try LinkingWorld.adjudicate(store, rules: Self.rules, staging: true)
        #expect(try linkRecords(store).first { $0.id == "r4" } == LinkRecord(linking: moved))
        #expect(try store.evidence() == Adjudication.evidence(for: try store.incidents(matching: .all)).sorted { $0.incident < $1.incident })
    }

    /// Saves `incidents` judged, staging for the first a record marked as made while judging.
    func judgeStagingMarked(_ store: SQLiteStore, _ incidents: [Incident]) throws {
        var marked = LinkRecord(linking: incidents[0])
        marked.place = "made while judging"
        try store.save(
            AdjudicationRun(
                incidents: incidents.map(\.id), agreements: [], verdicts: [], rulesVersion: Self.rules,
                linkRecords: [marked] + incidents.dropFirst().map { LinkRecord(linking: $0) }))
    }

    @Test("a staged record of an incident saved again is never taken, even by a linking apart from an adjudication")
    func stagedRecordOfChangedIncidentIsNotTaken() throws {
        var world = LinkingWorld(seed: 11)
        let store = try LinkingWorld.store()
        let incidents = (0..<4).map { world.record("r\($0)") }
        _ = try store.save(incidents: incidents, quarantined: [])
        try judgeStagingMarked(store, incidents)
        var changed = incidents[0]
        changed.description = "saved again"
        _ = try store.save(incidents: [changed], quarantined: [])
        try EvidenceLinking(rulesVersion: Self.rules).update(store)
        #expect(try linkRecords(store).first == LinkRecord(linking: changed))
    }

    @Test("a staged record of an incident judged again without one is forgotten")
    func stagedRecordOfRejudgedIncidentIsForgotten() throws {
        var world = LinkingWorld(seed: 12)
        let store = try LinkingWorld.store()
        let incidents = (0..<4).map { world.record("r\($0)") }
        _ = try store.save(incidents: incidents, quarantined: [])
        try judgeStagingMarked(store, incidents)
        try store.save(AdjudicationRun(incidents: [incidents[0].id], agreements: [], verdicts: [], rulesVersion: Self.rules))
        try EvidenceLinking(rulesVersion: Self.rules).update(store)
        #expect(try linkRecords(store) == incidents.map { LinkRecord(linking: $0) })
    }
}
