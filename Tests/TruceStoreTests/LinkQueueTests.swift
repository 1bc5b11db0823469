import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest

@testable import TruceStore

/// The incidents waiting in `link_pending` after saves: every incident a save writes (new, or changed and saved
/// again) and no other, whatever the order of rowids the saves leave behind.
@Suite("Link queue: a save queues exactly the incidents it wrote")
struct LinkQueueTests {
    static func pending(_ path: String) throws -> Set<String> {
        Set(try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT incident_id FROM link_pending") })
    }

    /// Empties the queue, as linking does once it has taken the incidents in.
    static func clearQueue(_ path: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DELETE FROM link_pending") }
    }

    static func changed(_ incident: Incident, fatalities: Int) -> Incident {
        var copy = incident
        copy.effects.fatalities = fatalities
        return copy
    }

    @Test("new incidents wait to be linked; saved again unchanged they do not wait again; changed ones wait again")
    func newChangedAndUnchanged() throws {
        let incidents = try TruceCSVFormat().read(file: StoreTests.examples).incidents
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        _ = try store.save(incidents: incidents, quarantined: [])
        #expect(try Self.pending(path) == Set(incidents.map(\.id)))

        try Self.clearQueue(path)
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
        #expect(try Self.pending(path).isEmpty)

        let summary = try store.save(incidents: [Self.changed(incidents[1], fatalities: 41)] + Array(incidents[2...]), quarantined: [])
        #expect(summary == LoadSummary(updated: 1, unchanged: incidents.count - 2))
        #expect(try Self.pending(path) == [incidents[1].id])
    }

    @Test("an incident saved again at the rowid it had, and the new incidents after it in the same save, all wait to be linked")
    func savedAfterTheLastIncidentChanged() throws {
        // The examples' CSV rows with fresh ids, so that the batch can add incidents the store has not seen.
        let examples = try TruceCSVFormat().read(file: StoreTests.examples).incidents
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        let stored = Array(examples.prefix(4))
        _ = try store.save(incidents: stored, quarantined: [])
        // A changed incident is saved again with the top rowid; changed once more, it is deleted and saved again at
        // that same rowid, which is no larger than any the store held before the save.
        _ = try store.save(incidents: [Self.changed(stored[1], fatalities: 11)], quarantined: [])
        try Self.clearQueue(path)
        var fresh = examples[4...].prefix(3).map { $0 }
        for index in fresh.indices { fresh[index].id = "fresh:\(index)" }
        let summary = try store.save(incidents: [Self.changed(stored[1], fatalities: 12)] + fresh, quarantined: [])
        #expect(summary == LoadSummary(new: fresh.count, updated: 1))
        #expect(try Self.pending(path) == Set([stored[1].id] + fresh.map(\.id)))
        #expect(try store.incidents(matching: .all).count == stored.count + fresh.count)
    }

    @Test("a store's schema has no trigger on incidents: saves queue what they write themselves")
    func noTrigger() throws {
        let path = try StoreFixtures.filledDatabase()
        let triggers = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incident'")
        }
        #expect(triggers.isEmpty)
        #expect(try SQLiteStore(path: path).appliedMigrations().contains("v15-link-pending-queued-by-save"))
    }
}
