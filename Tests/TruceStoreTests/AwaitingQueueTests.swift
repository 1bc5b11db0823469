import Foundation
import GRDB
import Testing
import TruceCore
import TruceEngine

@testable import TruceStore

@Suite("Incidents awaiting judgement found among those saved since the last adjudication, only while all of them are there")
struct AwaitingQueueTests {
    static let rules = "test-rules"

    /// The ids of every incident awaiting judgement, read as an adjudication reads them, in batches of `limit`.
    func awaiting(_ store: SQLiteStore, limit: Int = 4) throws -> [IncidentID] {
        var ids: [IncidentID] = []
        var position: IncidentBatch.Position?
        repeat {
            let batch = try store.incidents(.awaiting, rulesVersion: Self.rules, after: position, limit: limit)
            ids += batch.incidents.map(\.id)
            position = batch.next
        } while position != nil
        return ids
    }

    /// Whether the store would read the incidents awaiting judgement from those saved since the last linking.
    func queued(_ store: SQLiteStore, limit: Int = 4) throws -> Bool {
        try store.writer.read { try AwaitingQueue.isWorthReading(rulesVersion: Self.rules, limit: limit, db: $0) }
    }

    /// A store of `count` records, judged and linked.
    func judgedStore(_ world: inout LinkingWorld, count: Int = 20) throws -> SQLiteStore {
        let store = try LinkingWorld.store()
        _ = try store.save(incidents: (0..<count).map { world.record("r\($0)") }, quarantined: [])
        try LinkingWorld.adjudicate(store, rules: Self.rules)
        return store
    }

    @Test("after an adjudication, the incidents saved since are read from those waiting to be linked, new and changed alike", arguments: 1...10)
    func savedSinceAreRead(seed: UInt64) throws {
        var world = LinkingWorld(seed: seed)
        let store = try judgedStore(&world)
        #expect(try awaiting(store).isEmpty)
        var changed = world.record("r\(world.next(20))")
        changed.description = "changed"
        _ = try store.save(incidents: (0..<6).map { world.record("n\($0)") } + [changed], quarantined: [])
        #expect(try queued(store))
        let found = try awaiting(store)
        #expect(Set(found) == Set((0..<6).map { "n\($0)" } + [changed.id]) && found.count == 7)
        try LinkingWorld.adjudicate(store, rules: Self.rules)
        #expect(try awaiting(store).isEmpty)
        #expect(try store.incidentsAwaitingAdjudication(rulesVersion: Self.rules).isEmpty)
    }

    @Test("forgetting judgements (adjudicate --all) has every incident read again, not only those saved since")
    func resetReadsEverything() throws {
        var world = LinkingWorld(seed: 5)
        let store = try judgedStore(&world)
        _ = try store.save(incidents: [world.record("n0")], quarantined: [])
        try store.resetAdjudication()
        #expect(try !queued(store))
        #expect(try Set(awaiting(store)) == Set((0..<20).map { "r\($0)" } + ["n0"]))
    }

    @Test("an adjudication during which judgements were forgotten does not say the unjudged incidents are queued")
    func resetDuringRunIsNoticed() throws {
        var world = LinkingWorld(seed: 6)
        let store = try LinkingWorld.store()
        _ = try store.save(incidents: (0..<20).map { world.record("r\($0)") }, quarantined: [])
        try LinkingWorld.adjudicate(store, rules: Self.rules) { try store.resetAdjudication() }
        #expect(try !queued(store))
        #expect(try awaiting(store).count == 20)
    }

    @Test("linking without judging (which empties the records waiting to be linked) stops the queue being read")
    func linkingAloneForgetsTheQueue() throws {
        var world = LinkingWorld(seed: 8)
        let store = try judgedStore(&world)
        _ = try store.save(incidents: [world.record("n0"), world.record("n1")], quarantined: [])
        try EvidenceLinking(rulesVersion: Self.rules).update(store)
        #expect(try !queued(store))
        #expect(try Set(awaiting(store)) == ["n0", "n1"])
    }

    @Test("more incidents saved since than a few batches hold are read from the store in order instead")
    func manySavedReadInOrder() throws {
        var world = LinkingWorld(seed: 9)
        let store = try judgedStore(&world)
        let many = AwaitingQueue.batchesWorthQueueing * 2 + 1
        _ = try store.save(incidents: (0..<many).map { world.record("n\($0)") }, quarantined: [])
        #expect(try queued(store, limit: 3))
        #expect(try !queued(store, limit: 2))
        #expect(try Set(awaiting(store, limit: 2)) == Set((0..<many).map { "n\($0)" }))
    }
}
