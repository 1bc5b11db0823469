import Foundation
import GRDB
import Testing
import TruceCore
import TruceStore

@Suite("Background checkpoints of a server's store")
struct CheckpointerTests {
    static func walSize(_ store: SQLiteStore) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) ?? 0
    }

    @Test("past its truncation size the WAL is copied and emptied, the content kept; a reader in the middle of a read is not waited for")
    func truncatesTheWAL() throws {
        let path = try StoreFixtures.filledDatabase()
        let store = try SQLiteStore(path: path)
        try store.deferCheckpoints()
        let before = try store.contentDump()
        var incidents = try store.incidents(matching: .all)
        for index in incidents.indices { incidents[index].effects.fatalities = 7 }
        _ = try store.save(incidents: incidents, quarantined: [])
        #expect(Self.walSize(store) > 0)

        let checkpointer = try store.checkpointer(truncatingBeyond: 0)
        #expect(try checkpointer.checkpointIfNeeded(beyond: 0))
        #expect(Self.walSize(store) == 0)
        #expect(try SQLiteStore(path: path, access: .readOnly).incidents(matching: .all) == incidents)
        #expect(try store.contentDump() != before)

        // With another connection reading, the copy happens but the truncation waits for nobody, and nothing is lost.
        incidents[0].effects.fatalities = 8
        _ = try store.save(incidents: [incidents[0]], quarantined: [])
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        let started = Date()
        let checkpointed = try reader.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident")
            return try checkpointer.checkpointIfNeeded(beyond: 0)
        }
        #expect(checkpointed && Date().timeIntervalSince(started) < 5)
        #expect(Self.walSize(store) > 0, "the WAL was truncated under a reader")
        #expect(try store.incidents(ids: [incidents[0].id], detail: .full).first?.effects.fatalities == 8)
    }
}
