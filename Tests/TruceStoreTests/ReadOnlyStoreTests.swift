import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest

@testable import TruceStore

@Suite("A store opened read-only")
struct ReadOnlyStoreTests {
    @Test("a read-only database can be read: a read-only store reads everything and never writes")
    func readsWithoutWriting() throws {
        let path = try StoreFixtures.filledDatabase()
        let filled = try SQLiteStore(path: path).contentDump()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try SQLiteStore(path: path, access: .readOnly)
            #expect(try store.contentDump() == filled)
            #expect(try !store.incidents(matching: .all).isEmpty)
            #expect(try store.agreements().count == 6)
            #expect(try store.quarantinedRecords().count == 8)
            let refused = try #require(throws: StoreError.self) { try store.save(incidents: StoreFixtures.examples().incidents, quarantined: []) }
            #expect(refused.cause == .openedReadOnly)
            #expect(throws: StoreError.self) { try store.resetAdjudication() }
            #expect(throws: StoreError.self) { try store.removeQuarantine(ids: [1]) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("opening read-only: a missing file is not created, an older schema asks for truce init, another SQLite file is not Truce's")
    func clearRefusals() throws {
        let missing = try StoreFixtures.newPath()
        let absent = try #require(throws: StoreError.self) { try SQLiteStore(path: missing, access: .readOnly) }
        #expect(absent.description == "there is no database at \(missing); create one with `truce init`")
        #expect(!FileManager.default.fileExists(atPath: missing))

        let older = try StoreFixtures.newPath()
        try DatabaseQueue(path: older).write { db in
            try db.execute(sql: "CREATE TABLE unrelated (x)")
        }
        let foreign = try #require(throws: StoreError.self) { try SQLiteStore(path: older, access: .readOnly) }
        #expect(foreign.cause == .notTruce)

        let queue = try DatabaseQueue(path: try StoreFixtures.newPath())
        try Migrations.migrator.migrate(queue, upTo: "v7-longest-span")
        let behind = try #require(throws: StoreError.self) { try SQLiteStore(path: queue.path, access: .readOnly) }
        #expect(behind.description == "the database at \(queue.path) was made by an older Truce; run `truce init` to upgrade it")
        try queue.close()
        _ = try SQLiteStore(path: queue.path)
        #expect(try SQLiteStore(path: queue.path, access: .readOnly).appliedMigrations().count == Migrations.migrator.migrations.count)
    }
}
