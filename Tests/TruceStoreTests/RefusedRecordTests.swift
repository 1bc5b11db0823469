import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore

@Suite("Records the store refuses")
struct RefusedRecordTests {
    @Test("a record that makes the writer fail is quarantined with its reason and the import goes on")
    func refusedRecordIsQuarantined() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath(), maximumValueLength: 20_000)
        var (incidents, quarantined) = try StoreFixtures.examples()
        incidents[3].description = String(repeating: "long ", count: 10_000)
        var saver = ImportSaver(store: store, file: "batch.csv")
        let outcome = try saver.save(incidents.map(PreparedIncident.init), quarantined: quarantined)
        #expect(outcome.summary == LoadSummary(new: incidents.count - 1, quarantined: quarantined.count + 1))
        #expect(saver.committed == outcome.summary)
        let refused = try #require(outcome.refused.first)
        #expect(outcome.refused.count == 1)
        #expect(refused.file == "batch.csv" && refused.line == incidents[3].sources[0].line)
        #expect(refused.reason.hasPrefix("cannot be stored: a value is larger than the database accepts"))
        #expect(refused.raw.utf8.count <= ImportSaver.refusedRawLimit)
        #expect(try store.incidents(matching: .all).count == incidents.count - 1)
        #expect(try store.quarantinedRecords().contains(refused))
        // Saving the same batch again refuses the same record the same way, and changes nothing.
        let before = try store.contentDump()
        let again = try saver.save(incidents.map(PreparedIncident.init), quarantined: quarantined)
        #expect(again.summary == LoadSummary(unchanged: incidents.count - 1, quarantined: quarantined.count + 1))
        #expect(try store.contentDump() == before)
    }

    @Test("a quarantined record too long to keep is kept cut short; a store refusing even that stops instead of retrying forever")
    func overlongQuarantineAndNoEndlessRetry() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath(), maximumValueLength: 20_000)
        var record = try StoreFixtures.examples().quarantined[0]
        record.raw = String(repeating: "x", count: 50_000)
        var saver = ImportSaver(store: store, file: record.file)
        let outcome = try saver.save([], quarantined: [record])
        #expect(outcome.summary == LoadSummary(quarantined: 1))
        #expect(outcome.refused.first?.raw.utf8.count ?? .max <= ImportSaver.refusedRawLimit)
        #expect(outcome.refused.first?.problems.last?.message.hasPrefix("raw text cut to 4096 bytes of 50000") == true)

        let path = try StoreFixtures.newPath()
        let created = try SQLiteStore(path: path)  // kept open, so opening the strict store needs no write
        defer { withExtendedLifetime(created) {} }
        // Every record longer than the store accepts, even once cut to its quarantined form.
        let strict = try SQLiteStore(path: path, maximumValueLength: 3_000)
        let long = try StoreFixtures.examples().incidents.map { incident in
            var long = incident
            long.description = String(repeating: "long ", count: 1_000)
            long.sources[0].fields[0].value = long.description
            return PreparedIncident(long)
        }
        var refusing = ImportSaver(store: strict, file: "batch.csv")
        let error = try #require(throws: StoreError.self) { try refusing.save(long, quarantined: []) }
        #expect(error.isCausedByRecord)
        #expect(refusing.committed == LoadSummary())
    }
}
