import Foundation
import GRDB
import Testing
import TruceCore

@testable import TruceStore

/// An incident's body keeps only what its columns and source records' rows do not hold; every incident is read
/// back exactly as the whole body gave it before, and what the columns cannot hold exactly stays in a whole body.
@Suite("The compact incident body")
struct CompactBodyTests {
    /// The every-field incidents with one source record, whose body is compact without its source records.
    static func oneSource() -> [Incident] {
        EveryFieldRoundTripTests.everyCase().map { incident in
            var single = incident
            single.id += "-one-source"
            single.sources.removeLast()
            return single
        }
    }

    /// Incidents whose columns cannot hold some value exactly, or whose source records their rows do not give back
    /// alone, each with a label.
    static func awkward() -> [(label: String, incident: Incident, compact: Bool)] {
        let base = oneSource()[0]
        func variant(_ label: String, compact: Bool, _ change: (inout Incident) -> Void) -> (String, Incident, Bool) {
            var incident = base
            incident.id = "awkward-\(label)"
            change(&incident)
            return (label, incident, compact)
        }
        return [
            variant("fractional-start", compact: false) { $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: 1_745_143_200.5), end: nil) },
            variant("fractional-end", compact: false) {
                $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: 1_745_143_200), end: Date(timeIntervalSince1970: 1_745_143_260.25))
            },
            variant("before-gregorian", compact: false) { $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: -12_219_292_801), end: nil) },
            variant("country-with-space", compact: false) { $0.location.countries = ["U A", "RU"] },
            variant("empty-country", compact: false) { $0.location.countries = ["", "RU"] },
            variant("minus-zero", compact: false) { $0.location.coordinate = Coordinate(latitude: -0.0, longitude: 30) },
            variant("nul-in-place", compact: false) { $0.location.place = "Kharkiv\u{0}Oblast" },
            variant("nul-in-file", compact: true) { $0.sources[0].file = "a\u{0}b.csv" },
            variant("no-source", compact: true) { $0.sources = [] },
            variant("three-sources", compact: true) { $0.sources = EveryFieldRoundTripTests.everyField().sources + $0.sources },
            variant("no-perpetrator", compact: true) { $0.perpetrator = nil },
            variant("empty-attribution", compact: true) { $0.perpetrator = Attribution(party: "RU", attributedBy: "") },
            variant("nothing-but-columns", compact: true) {
                $0.description = ""
                $0.claims = []
                $0.effects.injured = nil
                $0.target.name = nil
                $0.time.timeZone = nil
                $0.perpetrator = nil
            },
        ]
    }

    /// What a store read back before bodies were compact: the incident's whole canonical JSON, fields apart.
    static func asWholeBodyGave(_ incident: Incident) throws -> Incident {
        var stripped = incident
        for index in stripped.sources.indices { stripped.sources[index].fields = [] }
        var read = try TruceJSON.decoder().decode(Incident.self, from: Data(stripped.canonicalJSON.utf8))
        for index in read.sources.indices { read.sources[index].fields = incident.sources[index].fields }
        return read
    }

    static func body(of id: IncidentID, at path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "SELECT body FROM incident WHERE id = ?", arguments: [id]) ?? "" }
    }

    @Test("a compact body round-trips every field, read whole, without fields, by query and by page")
    func compactBodyRoundTripsEveryField() throws {
        let incidents = EveryFieldRoundTripTests.everyCase() + Self.oneSource()
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(new: incidents.count))
        #expect(try store.incidents(ids: incidents.map(\.id), detail: .full) == incidents)
        let stripped = incidents.map { incident in
            var copy = incident
            for index in copy.sources.indices { copy.sources[index].fields = [] }
            return copy
        }
        #expect(try store.incidents(ids: incidents.map(\.id), detail: .withoutSourceFields) == stripped)
        #expect(Set(try store.incidents(matching: .all)) == Set(incidents))
        for incident in incidents {
            let body = try Self.body(of: incident.id, at: path)
            #expect(CompactBody.isCompact(body), "\(incident.id)")
            // Nothing a column holds is in the body.
            #expect(!body.contains("\"id\"") && !body.contains("\"location\"") && !body.contains("\"time\""), "\(incident.id)")
        }
        // A one-source body names no source record: its row holds it.
        #expect(!(try Self.body(of: Self.oneSource()[0].id, at: path)).contains("\"s\""))
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }

    @Test("an incident the columns cannot hold exactly keeps a whole body and reads back as the whole body gave it")
    func awkwardIncidentsReadBackAsBefore() throws {
        let cases = Self.awkward()
        let path = try StoreFixtures.newPath()
        let store = try SQLiteStore(path: path)
        #expect(try store.save(incidents: cases.map(\.incident), quarantined: []) == LoadSummary(new: cases.count))
        for (label, incident, compact) in cases {
            #expect(try store.incidents(ids: [incident.id], detail: .full) == [try Self.asWholeBodyGave(incident)], "\(label)")
            #expect(CompactBody.isCompact(try Self.body(of: incident.id, at: path)) == compact, "\(label)")
        }
        #expect(try store.save(incidents: cases.map(\.incident), quarantined: []) == LoadSummary(unchanged: cases.count))
    }

    @Test("a change to any column, to the body or to a verbatim field is an update; a copy of the file under another name is not")
    func unchangedAndUpdatedDetection() throws {
        let original = Self.oneSource()[0]
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        _ = try store.save(incidents: [original], quarantined: [])
        #expect(try store.save(incidents: [original], quarantined: []) == LoadSummary(unchanged: 1))
        var moved = original
        moved.sources[0].file = "elsewhere/copy.csv"
        moved.sources[0].line = 99
        #expect(try store.save(incidents: [moved], quarantined: []) == LoadSummary(unchanged: 1))
        let changes: [(String, (inout Incident) -> Void)] = [
            ("fatalities", { $0.effects.fatalities = 3 }), ("place", { $0.location.place = "Izium" }),
            ("countries", { $0.location.countries = ["UA"] }),
            ("start", { $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: 0), end: nil) }), ("injured", { $0.effects.injured = 2 }),
            ("description", { $0.description = "corrected" }), ("claims", { $0.claims.removeLast() }), ("zone", { $0.time.timeZone = nil }),
            ("attribution", { $0.perpetrator?.attributedBy = "ACLED" }), ("target name", { $0.target.name = nil }),
            ("field value", { $0.sources[0].fields[0].value = "UKR99999" }), ("record key", { $0.sources[0].key = "other" }),
            ("release", { $0.sources[0].release = "1945100000" }), ("dataset", { $0.sources[0].dataset = "acled-2" }),
        ]
        var current = original
        for (label, change) in changes {
            change(&current)
            #expect(try store.save(incidents: [current], quarantined: []) == LoadSummary(updated: 1), "\(label)")
            #expect(try store.incidents(ids: [current.id], detail: .full) == [current], "\(label)")
            #expect(try store.save(incidents: [current], quarantined: []) == LoadSummary(unchanged: 1), "\(label)")
        }
    }

    @Test("the versions replaced by newer releases, or older ones arriving late, are read from the history whole")
    func historyOfCompactIncidents() throws {
        let original = Self.oneSource()[0]
        var newer = original
        newer.effects.fatalities = 7
        newer.sources[0].release = "1845100000"
        var older = original
        older.description = "first report"
        older.sources[0].release = "1645100000"
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        _ = try store.save(incidents: [original], quarantined: [])
        #expect(try store.save(incidents: [newer], quarantined: []) == LoadSummary(updated: 1))
        #expect(try store.save(incidents: [older], quarantined: []) == LoadSummary(unchanged: 1))
        #expect(try store.history(of: original.id) == [original, older])
        #expect(try store.incidents(ids: [original.id], detail: .full) == [newer])
    }

    @Test("a store whose bodies are whole, written by the schema before v16, reads back identical once migrated")
    func migrationFromWholeBodies() throws {
        let incidents = EveryFieldRoundTripTests.everyCase() + Self.oneSource() + Self.awkward().map(\.incident)
        let path = try StoreFixtures.newPath()
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v15-link-pending-queued-by-save")
        try queue.write { db in
            for incident in incidents { try Self.insertAsBeforeV16(incident, db: db) }
            // A row whose columns disagree with its body: the body said what was read, and still does.
            try db.execute(sql: "UPDATE incident SET country = 'XX' WHERE id = ?", arguments: [Self.oneSource()[1].id])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations() == Migrations.migrator.migrations)
        let expected = try incidents.map(Self.asWholeBodyGave)
        #expect(try store.incidents(ids: incidents.map(\.id), detail: .full) == expected)
        #expect(try Self.body(of: Self.oneSource()[1].id, at: path).contains("\"country\":\"UA\""))
        for incident in Self.oneSource() where incident.id != Self.oneSource()[1].id {
            #expect(CompactBody.isCompact(try Self.body(of: incident.id, at: path)), "\(incident.id)")
        }
        // Foundation's encoder writes an instant with a fraction of a second in whole seconds: such a body is
        // made compact when its columns give back those seconds, and left whole otherwise; either way it reads
        // back as before. A body with a NUL character anywhere stays whole.
        for (label, incident, compact) in Self.awkward() where !label.hasPrefix("fractional") && !label.hasPrefix("nul") {
            #expect(CompactBody.isCompact(try Self.body(of: incident.id, at: path)) == compact, "\(label)")
        }
        // Saved again, nothing has changed.
        let again = incidents.filter { $0.id != Self.oneSource()[1].id }
        #expect(try store.save(incidents: again, quarantined: []) == LoadSummary(unchanged: again.count))
    }

    /// Writes `incident` as stores wrote it before v16: its columns, and its whole canonical JSON without the
    /// source records' fields as the body, the fields beside a shared header.
    static func insertAsBeforeV16(_ incident: Incident, db: Database) throws {
        var stripped = incident
        for index in stripped.sources.indices { stripped.sources[index].fields = [] }
        let (time, location) = (incident.time, incident.location)
        let columns: [(any DatabaseValueConvertible)?] = [
            incident.id, unix(time.span.start), time.span.end.map(unix), time.precision.rawValue, location.country, location.admin1,
            location.place, location.coordinate?.latitude, location.coordinate?.longitude, location.precision.rawValue,
            incident.action?.rawValue, incident.target.category?.rawValue, incident.target.subtype, incident.perpetrator?.party.rawValue,
            incident.effects.fatalities, incident.sources.first?.release, incident.outcome?.rawValue, incident.acts,
            location.countries.isEmpty ? nil : location.countries.joined(separator: " "), stripped.canonicalJSON,
        ]
        try db.execute(
            sql: "INSERT INTO incident (\(IncidentColumns.incidentColumns), body) VALUES (\(ChunkedRows.list("?", columns.count)))",
            arguments: StatementArguments(columns))
        for (ordinal, record) in incident.sources.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO source_header (names) VALUES (?)", arguments: [record.namesJSON])
            try db.execute(
                sql: """
                    INSERT INTO source_record (incident_id, ordinal, dataset, file, line, record_key, release, header_id, field_values)
                    VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM source_header WHERE names = ?), ?)
                    """,
                arguments: [
                    incident.id, ordinal, record.dataset, record.file, record.line, record.key, record.release, record.namesJSON, record.valuesJSON,
                ])
        }
    }
}
