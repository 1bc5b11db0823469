import Foundation
import Testing
import TruceCore
import TruceStore

@Suite("Content, not provenance, decides whether a record changed")
struct ProvenanceTests {
    /// `incidents` as if read from another file, each record on another line.
    static func readElsewhere(_ incidents: [Incident]) -> [Incident] {
        incidents.map { incident in
            var moved = incident
            for index in moved.sources.indices {
                moved.sources[index].file = "copy-of-\(moved.sources[index].file)"
                moved.sources[index].line += 10
            }
            return moved
        }
    }

    @Test("not idempotent across file names: records that differ only in file name and line are unchanged and keep the first provenance")
    func sameContentFromAnotherFileIsUnchanged() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        let (incidents, quarantined) = try StoreFixtures.examples()
        _ = try store.save(incidents: incidents, quarantined: quarantined)
        let before = try store.contentDump()
        let copied = quarantined.map { record in
            var copy = record
            copy.file = "copy-of-\(record.file)"
            return copy
        }
        #expect(
            try store.save(incidents: Self.readElsewhere(incidents), quarantined: copied)
                == LoadSummary(unchanged: incidents.count, quarantined: quarantined.count))
        #expect(try store.contentDump() == before)
        #expect(try store.incidents(matching: .all).allSatisfy { !$0.sources[0].file.hasPrefix("copy-of-") })
    }

    @Test("an older release read from another file joins the history once")
    func olderReleaseFromAnotherFileJoinsHistoryOnce() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        var incident = try StoreFixtures.examples().incidents[0]
        incident.sources[0].release = "1800000000"
        _ = try store.save(incidents: [incident], quarantined: [])
        var older = incident
        older.sources[0].release = "1700000000"
        older.effects.fatalities = 42
        #expect(try store.save(incidents: [older], quarantined: []) == LoadSummary(unchanged: 1))
        #expect(try store.save(incidents: Self.readElsewhere([older]), quarantined: []) == LoadSummary(unchanged: 1))
        #expect(try store.history(of: incident.id) == [older])
    }

    @Test("a real change read from another file is still an update")
    func changedContentFromAnotherFileIsUpdated() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        let incidents = try StoreFixtures.examples().incidents
        _ = try store.save(incidents: incidents, quarantined: [])
        var changed = Self.readElsewhere(incidents)
        changed[0].description += " (corrected)"
        changed[1].sources[0].fields[0].value += " "
        #expect(try store.save(incidents: changed, quarantined: []) == LoadSummary(updated: 2, unchanged: incidents.count - 2))
        #expect(try store.history(of: incidents[0].id) == [incidents[0]])
    }
}
