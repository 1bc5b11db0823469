import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

@testable import TruceStore

/// A GDELT file generated from the ingest fixture's rows with fresh event ids, and loads of it through the
/// import's zero-copy path and ``ImportSaver``, as `truce import` runs them.
enum BulkLoad {
    static let fixture = StoreTests.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/gdelt.tsv")

    /// `rows` rows (the fixture's good ones, in a seeded order, each with a fresh GLOBALEVENTID), and one row whose id is not
    /// a number at line `badLine`.
    static func file(rows: Int, badLine: Int, seed: UInt64) throws -> String {
        // The fixture's rows that import cleanly (it holds bad ones on purpose).
        let good = Set(try GDELTFormat().read(file: fixture.path).incidents.compactMap { $0.sources.first?.line })
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { good.contains($0.offset + 1) }.map { $0.element.split(separator: "\t", omittingEmptySubsequences: false) }
        var random = SeededGenerator(seed: seed)
        var text = ""
        for index in 0..<rows {
            var fields = lines[Int(random.next() % UInt64(lines.count))].map(String.init)
            fields[0] = index + 1 == badLine ? "not-a-number" : String(5_000_000 + index)
            text += fields.joined(separator: "\t") + "\n"
        }
        let path = try StoreFixtures.newPath().replacingOccurrences(of: "truce.sqlite", with: "events.export.CSV")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Loads `file` into the store at `path` in batches of 25, deferring the indexes once `threshold` records are new.
    /// - Returns: the load's counts, and whether indexes were deferred at some point during it.
    static func load(
        _ file: String, into path: String, threshold: Int, emptyStoreThreshold: Int? = nil, batchSize: Int = 25
    ) throws -> (summary: LoadSummary, deferred: Bool) {
        let store = try SQLiteStore(path: path, bulkLoadJournal: .rollbackWhenAlone)  // as a command opens it
        var saver = ImportSaver(store: store, file: file)
        saver.bulkLoadThreshold = threshold
        saver.emptyStoreBulkLoadThreshold = emptyStoreThreshold ?? threshold
        var deferred = false
        let report = try StreamingImport(format: GDELTFormat(), batchSize: batchSize).run(
            file: file,
            prepareVerbatim: { incident, verbatim in
                verbatim.map { PreparedIncident(incident, fieldNames: $0.names, valuesJSON: $0.valuesJSON) } ?? PreparedIncident(incident)
            }
        ) { prepared, quarantined in
            let summary = try saver.save(prepared, quarantined: quarantined).summary
            if saver.defersIndexes, !(try store.deferredIndexes().isEmpty) { deferred = true }
            return summary
        }
        try saver.finish()
        return (report.summary, deferred)
    }

    /// Whether the database file is in WAL mode, as its header records it (bytes 18 and 19 are 2 in WAL mode, 1 with
    /// a rollback journal).
    static func isWAL(_ path: String) throws -> Bool {
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 20) ?? Data()
        return header.count == 20 && header[18] == 2 && header[19] == 2
    }

    static func indexes(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }
}

@Suite("Bulk load: indexes deferred for a large import, with the rows, history and quarantine of a normal one")
struct BulkLoadTests {
    @Test("a bulk load with deferred indexes stores the same rows as a load that keeps them, and ends with every index")
    func sameRowsAsNormalLoad() throws {
        let file = try BulkLoad.file(rows: 300, badLine: 120, seed: 11)
        let bulk = try StoreFixtures.newPath()
        let normal = try StoreFixtures.newPath()
        let bulkLoad = try BulkLoad.load(file, into: bulk, threshold: 50)
        let normalLoad = try BulkLoad.load(file, into: normal, threshold: .max)
        #expect(bulkLoad.deferred)
        #expect(!normalLoad.deferred)
        #expect(bulkLoad.summary == normalLoad.summary)
        #expect(bulkLoad.summary == LoadSummary(new: 299, quarantined: 1))
        #expect(try SQLiteStore(path: bulk).contentDump() == SQLiteStore(path: normal).contentDump())
        #expect(try BulkLoad.indexes(bulk) == BulkLoad.indexes(normal))
        #expect(try BulkLoad.indexes(bulk).contains("incident_by_start"))
        #expect(try SQLiteStore(path: bulk).deferredIndexes().isEmpty)
    }

    @Test("importing the same file again after a bulk load leaves every record unchanged and duplicates nothing")
    func rerunIsUnchanged() throws {
        let file = try BulkLoad.file(rows: 200, badLine: 7, seed: 12)
        let path = try StoreFixtures.newPath()
        _ = try BulkLoad.load(file, into: path, threshold: 40)
        let before = try SQLiteStore(path: path).contentDump()
        let again = try BulkLoad.load(file, into: path, threshold: 40)
        #expect(again.summary == LoadSummary(unchanged: 199, quarantined: 1))
        #expect(!again.deferred)  // nothing new: no reason to drop the indexes
        #expect(try SQLiteStore(path: path).contentDump() == before)
    }

    @Test("a record quarantined during a bulk load is kept with its file, line, field and reason")
    func quarantineKeptInBulkLoad() throws {
        let file = try BulkLoad.file(rows: 150, badLine: 140, seed: 13)
        let path = try StoreFixtures.newPath()
        let load = try BulkLoad.load(file, into: path, threshold: 30)
        #expect(load.deferred)
        let kept = try SQLiteStore(path: path).quarantinedRecords()
        let record = try #require(kept.first)
        #expect(kept.count == 1)
        #expect(record.line == 140 && record.file == file && record.field == "GLOBALEVENTID")
        #expect(record.reason.contains("\"not-a-number\" is not an event number"))
    }

    @Test("a load into an empty store defers its indexes after a full batch, and gives the store a row-by-row load gives")
    func emptyStoreDefersAfterOneBatch() throws {
        let file = try BulkLoad.file(rows: 700, badLine: 650, seed: 14)
        let bulk = try StoreFixtures.newPath()
        let rowByRow = try StoreFixtures.newPath()
        // The default thresholds, scaled down: 100,000 for a store that holds records, one batch for an empty one.
        let bulkLoad = try BulkLoad.load(file, into: bulk, threshold: 100_000, emptyStoreThreshold: 200, batchSize: 200)
        let single = try BulkLoad.load(file, into: rowByRow, threshold: .max, batchSize: 1)
        #expect(bulkLoad.deferred && !single.deferred)
        #expect(bulkLoad.summary == single.summary)
        #expect(bulkLoad.summary == LoadSummary(new: 699, quarantined: 1))
        #expect(try SQLiteStore(path: bulk).contentDump() == SQLiteStore(path: rowByRow).contentDump())
        #expect(try BulkLoad.indexes(bulk) == BulkLoad.indexes(rowByRow))
        // Into a store that already holds them, the same thresholds keep the indexes, and nothing is added.
        let again = try BulkLoad.load(file, into: bulk, threshold: 100_000, emptyStoreThreshold: 200, batchSize: 200)
        #expect(!again.deferred)
        #expect(again.summary == LoadSummary(unchanged: 699, quarantined: 1))
        #expect(try SQLiteStore(path: bulk).contentDump() == SQLiteStore(path: rowByRow).contentDump())
    }

    @Test("a load into a store that holds records waits for the bulk-load threshold, whatever the empty-store one")
    func storeWithRecordsWaitsForThreshold() throws {
        let path = try StoreFixtures.filledDatabase()
        let file = try BulkLoad.file(rows: 300, badLine: 0, seed: 15)
        let load = try BulkLoad.load(file, into: path, threshold: 1_000, emptyStoreThreshold: 10)
        #expect(!load.deferred)
        #expect(load.summary == LoadSummary(new: 300))
    }

    @Test("a new store is laid out in 16 KiB pages; a file that has content keeps the page size it has")
    func pageSize() throws {
        let fresh = try StoreFixtures.newPath()
        _ = try SQLiteStore(path: fresh)
        #expect(try DatabaseQueue(path: fresh).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 16_384)

        let old = try StoreFixtures.newPath()
        try DatabaseQueue(path: old).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "CREATE TABLE kept (value TEXT) STRICT")
        }
        let store = try SQLiteStore(path: old)
        let (incidents, quarantined) = try StoreFixtures.examples()
        _ = try store.save(incidents: incidents, quarantined: quarantined)
        #expect(try DatabaseQueue(path: old).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
        #expect(try store.incidents(matching: .all).count == incidents.count)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("indexes dropped by a load that was stopped before building them are built when the store is next opened")
    func interruptedLoadRebuildsIndexesOnOpen() throws {
        let path = try StoreFixtures.filledDatabase()
        let expected = try BulkLoad.indexes(path)
        do {
            let store = try SQLiteStore(path: path)
            try store.deferSecondaryIndexes()  // and the process stops here: nothing builds them again
            #expect(
                try store.deferredIndexes().sorted() == [
                    "incident_by_country", "incident_by_perpetrator", "incident_by_start", "incident_in_several_countries",
                ])
        }
        #expect(try !BulkLoad.indexes(path).contains("incident_by_start"))
        let reopened = try SQLiteStore(path: path)
        #expect(try BulkLoad.indexes(path) == expected)
        #expect(try reopened.deferredIndexes().isEmpty)
        #expect(try BulkLoad.isWAL(path))
        #expect(try reopened.integrityProblems().isEmpty)
    }

    @Test("a bulk load alone on its store writes through a rollback journal, and leaves the store in WAL mode")
    func loadAloneLeavesWALWhileItWrites() throws {
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path, bulkLoadJournal: .rollbackWhenAlone)
        _ = try store.incidents(matching: .all)  // a reader of this store's own is open: it must not keep WAL
        try store.deferSecondaryIndexes()
        #expect(try !BulkLoad.isWAL(path))
        let (incidents, quarantined) = try StoreFixtures.examples()
        _ = try store.save(incidents: incidents, quarantined: quarantined)
        #expect(try store.incidents(matching: .all).count == incidents.count)
        try store.buildDeferredIndexes()
        #expect(try BulkLoad.isWAL(path))
        #expect(try store.deferredIndexes().isEmpty)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("a store opened for a server keeps WAL mode through a bulk load, so that its readers never wait")
    func serverStoreKeepsWAL() throws {
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        try store.deferSecondaryIndexes()
        #expect(try BulkLoad.isWAL(path))
        try store.buildDeferredIndexes()
        #expect(try BulkLoad.isWAL(path))
    }

    @Test("a bulk load stays in WAL mode while another connection has the store open, and that one reads throughout")
    func loadBesideAnotherConnectionKeepsWAL() throws {
        let path = try StoreFixtures.filledDatabase()
        let reader = try SQLiteStore(path: path, access: .readOnly)
        let before = try reader.incidents(matching: .all).count
        let store = try SQLiteStore(path: path, busyTimeout: 5, bulkLoadJournal: .rollbackWhenAlone)
        try store.deferSecondaryIndexes()
        #expect(try BulkLoad.isWAL(path))
        #expect(try reader.incidents(matching: .all).count == before)
        try store.buildDeferredIndexes()
        #expect(try BulkLoad.isWAL(path))
        #expect(try store.integrityProblems().isEmpty)
    }
}
