import Foundation
import Testing
import TruceCore
import TruceEngine

@testable import TruceStore

/// A linking session that forwards everything to another and counts the reads that list stored ids.
final class ListingCountingSession: LinkingSession {
    let inner: any LinkingSession
    private(set) var idsListed = 0

    init(_ inner: any LinkingSession) { self.inner = inner }

    func incidentsToLink(rulesVersion: String) throws -> Set<IncidentID> {
        let ids = try inner.incidentsToLink(rulesVersion: rulesVersion)
        idsListed += ids.count
        return ids
    }
    func incidentIDs() throws -> Set<IncidentID> {
        let ids = try inner.incidentIDs()
        idsListed += ids.count
        return ids
    }
    func isLinked(rulesVersion: String) throws -> Bool { try inner.isLinked(rulesVersion: rulesVersion) }
    func savedIncidentsAwaitingAdjudication(rulesVersion: String) throws -> Set<IncidentID> {
        try inner.savedIncidentsAwaitingAdjudication(rulesVersion: rulesVersion)
    }
    func markLinked(rulesVersion: String, except waiting: Set<IncidentID>) throws {
        try inner.markLinked(rulesVersion: rulesVersion, except: waiting)
    }
    func noteJudgedAllAwaiting(rulesVersion: String, resets: Int) throws {
        try inner.noteJudgedAllAwaiting(rulesVersion: rulesVersion, resets: resets)
    }
    func removeEvidence(ids: [IncidentID]) throws { try inner.removeEvidence(ids: ids) }
    func incidentCount() throws -> Int { try inner.incidentCount() }
    func holdsIncidents(atLeast count: Int) throws -> Bool { try inner.holdsIncidents(atLeast: count) }
    func refreshLinkRecords(ids: [IncidentID]?, rulesVersion: String, records: ([Incident]) -> [LinkRecord]) throws {
        try inner.refreshLinkRecords(ids: ids, rulesVersion: rulesVersion, records: records)
    }
    func linkRecordCount(rulesVersion: String) throws -> Int { try inner.linkRecordCount(rulesVersion: rulesVersion) }
    func linkRecords(ids: [IncidentID]) throws -> [LinkRecord] { try inner.linkRecords(ids: ids) }
    func linkRecords(firstDays: Range<Int32>, role: LinkRecord.Role?) throws -> [LinkRecord] {
        try inner.linkRecords(firstDays: firstDays, role: role)
    }
    func memberLinkRecords(firstDays: Range<Int32>, country: String) throws -> [LinkRecord] {
        try inner.memberLinkRecords(firstDays: firstDays, country: country)
    }
    func writeApartEvidence(firstDays: Range<Int32>) throws -> Int { try inner.writeApartEvidence(firstDays: firstDays) }
    func vagueLinkRecords(touching days: ClosedRange<Int32>) throws -> [LinkRecord] { try inner.vagueLinkRecords(touching: days) }
    func linkBlockEnd(from firstDay: Int32, limit: Int) throws -> Int32? { try inner.linkBlockEnd(from: firstDay, limit: limit) }
    func firstLinkDay() throws -> Int32? { try inner.firstLinkDay() }
    func evidence(ids: [IncidentID]) throws -> [EvidenceRecord] { try inner.evidence(ids: ids) }
    func evidence(groups: [IncidentID]) throws -> [EvidenceRecord] { try inner.evidence(groups: groups) }
    func write(evidence: [EvidenceRecord]) throws -> Int { try inner.write(evidence: evidence) }
}

@Suite("Linking every record of a store (a first linking, new rules, --all) sweeps it without listing its ids")
struct WholeStoreLinkingTests {
    static let rules = "test-rules"

    /// Links `store` through a counting session; the summary and how many stored ids were listed.
    func link(_ store: SQLiteStore, all: Bool, excluding excluded: Set<IncidentID> = []) throws -> (EvidenceLinking.Summary, Int) {
        var linking = EvidenceLinking(rulesVersion: Self.rules)
        linking.blockSize = 20
        return try store.linking { session in
            let counting = ListingCountingSession(session)
            let summary = try linking.update(counting, all: all, excluding: excluded)
            return (summary, counting.idsListed)
        }
    }

    @Test("a first linking lists no stored ids, and gives the evidence of linking every record at once", arguments: 1...6)
    func firstLinkingListsNoIDs(seed: UInt64) throws {
        var world = LinkingWorld(seed: seed)
        let store = try LinkingWorld.store()
        let incidents = (0..<120).map { world.record("r\($0)") }
        try store.save(incidents: incidents, quarantined: [])
        let (summary, listed) = try link(store, all: false)
        #expect(listed == 0)
        #expect(summary.swept && summary.changed == 120 && summary.linked > 0)
        #expect(try store.evidence() == Adjudication.evidence(for: incidents).sorted { $0.incident < $1.incident })
        // Linked: the next update has nothing to do.
        let (again, _) = try link(store, all: false)
        #expect(again.changed == 0 && !again.swept)
    }

    @Test("linking every record again (--all) lists no stored ids; with records left out, it still lists them to leave those waiting")
    func everyRecordAgain() throws {
        var world = LinkingWorld(seed: 7)
        let store = try LinkingWorld.store()
        let incidents = (0..<90).map { world.record("r\($0)") }
        try store.save(incidents: incidents, quarantined: [])
        let (summary, listed) = try link(store, all: true)
        #expect(listed == 0 && summary.swept && summary.changed == 90)
        let (leavingOut, listedLeavingOut) = try link(store, all: true, excluding: [incidents[0].id])
        #expect(listedLeavingOut == 90 && leavingOut.changed == 89)
        #expect(try store.evidence().contains { $0.incident == incidents[0].id } == false)
    }

    @Test("an empty store is linked without a sweep")
    func emptyStore() throws {
        let (summary, listed) = try link(try LinkingWorld.store(), all: false)
        #expect(listed == 0 && !summary.swept && summary.changed == 0)
    }
}
