import Foundation
import GRDB
import Testing
import TruceCore

@testable import TruceStore

@Suite("A record imported again is found unchanged from its stored rows alone")
struct StoredRowsCheckTests {
    /// Whether the comparison of stored rows in a save transaction on the store at `path` finds `incident` unchanged.
    static func storedRowsHold(_ incident: Incident, at path: String) throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            var writer = try IncidentWriter(db: db)
            return try writer.storedRowsHold(PreparedIncident(incident))
        }
    }

    @Test("slow re-import: every stored record read again, wherever from, is found unchanged without rebuilding it")
    func unchangedRecordsHoldTheirRows() throws {
        // Incidents the columns hold exactly, with one source record: the compact bodies an import writes. (The
        // others keep their provenance in a whole body, so a copy read elsewhere is decided by their content.)
        let compact = CompactBodyTests.oneSource()
        let incidents = compact + CompactBodyTests.awkward().map(\.incident)
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(new: incidents.count))
        for incident in compact {
            #expect(try Self.storedRowsHold(incident, at: path), "\(incident.id)")
            var moved = incident
            moved.sources[0].file = "elsewhere/copy.csv"
            moved.sources[0].line = 99
            #expect(try Self.storedRowsHold(moved, at: path), "\(incident.id) read from another file")
        }
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }

    @Test("a change to any column, the body, the record's key, release or dataset, a field's name or value is not taken as unchanged")
    func changedRecordsDoNotHold() throws {
        let original = CompactBodyTests.oneSource()[0]
        let path = try StoreFixtures.newPath()
        _ = try SQLiteStore(path: path).save(incidents: [original], quarantined: [])
        let changes: [(String, (inout Incident) -> Void)] = [
            ("fatalities", { $0.effects.fatalities = ($0.effects.fatalities ?? 0) + 1 }), ("no fatalities", { $0.effects.fatalities = nil }),
            ("place", { $0.location.place = "Izium" }), ("latitude", { $0.location.coordinate?.latitude += 0.001 }),
            ("start", { $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: 0), end: nil) }),
            ("injured", { $0.effects.injured = 2 }), ("description", { $0.description = "corrected" }),
            ("record key", { $0.sources[0].key = "other" }), ("release", { $0.sources[0].release = "1945100000" }),
            ("no release", { $0.sources[0].release = nil }), ("dataset", { $0.sources[0].dataset = "acled-2" }),
            ("field value", { $0.sources[0].fields[0].value += " " }), ("field name", { $0.sources[0].fields[0].name += "_renamed" }),
            ("second record", { $0.sources.append($0.sources[0]) }),
        ]
        for (label, change) in changes {
            var changed = original
            change(&changed)
            #expect(try !Self.storedRowsHold(changed, at: path), "\(label)")
        }
        var missing = original
        missing.id += "-never-stored"
        #expect(try !Self.storedRowsHold(missing, at: path))
    }
}
