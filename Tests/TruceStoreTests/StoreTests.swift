import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

@Suite("SQLite store")
struct StoreTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogue = repository.appendingPathComponent("agreements/2025").path
    static let examples = repository.appendingPathComponent("examples/2025/incidents.csv").path
    static let badRows = repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/incidents.csv").path

    func freshStore() throws -> SQLiteStore {
        let directory = try ScratchDirectory.make("truce-store")
        return try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
    }

    @Test("agreements and incidents come back equal to what was saved")
    func roundTrip() throws {
        let store = try freshStore()
        let agreements = AgreementCatalog.read(paths: [Self.catalogue]).agreements
        let incidents = try TruceCSVFormat().read(file: Self.examples).incidents
        #expect(try store.save(agreements: agreements) == LoadSummary(new: agreements.count))
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(new: incidents.count))
        #expect(try store.agreements() == agreements.sorted { $0.id < $1.id })
        #expect(try store.agreement(id: "energy-moratorium-2025") == agreements.first { $0.id == "energy-moratorium-2025" })
        let stored = try store.incidents(matching: .all)
        #expect(Set(stored) == Set(incidents))
        #expect(stored.map(\.time.span.start) == stored.map(\.time.span.start).sorted())
    }

    @Test("loading the same catalogue and incidents twice leaves the database content unchanged")
    func secondLoadChangesNothing() throws {
        let store = try freshStore()
        let agreements = AgreementCatalog.read(paths: [Self.catalogue]).agreements
        let good = try TruceCSVFormat().read(file: Self.examples)
        let bad = try TruceCSVFormat().read(file: Self.badRows)
        _ = try store.save(agreements: agreements)
        _ = try store.save(incidents: good.incidents, quarantined: good.quarantined)
        _ = try store.save(incidents: bad.incidents, quarantined: bad.quarantined)
        let before = try store.contentDump()

        #expect(try store.save(agreements: agreements) == LoadSummary(unchanged: agreements.count))
        #expect(try store.save(incidents: good.incidents, quarantined: good.quarantined) == LoadSummary(unchanged: good.incidents.count))
        #expect(try store.save(incidents: bad.incidents, quarantined: bad.quarantined) == LoadSummary(unchanged: 4, quarantined: 8))
        let after = try store.contentDump()
        #expect(after.mapValues(\.count) == before.mapValues(\.count))
        #expect(after == before)
        #expect(before["quarantine"]?.count == 8)
        #expect(before["incident"]?.count == good.incidents.count + 4)
    }

    @Test("a changed incident is updated in place, not duplicated")
    func changedIncidentIsUpdated() throws {
        let store = try freshStore()
        var incidents = try TruceCSVFormat().read(file: Self.examples).incidents
        _ = try store.save(incidents: incidents, quarantined: [])
        incidents[0].effects.fatalities = 99
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(updated: 1, unchanged: incidents.count - 1))
        #expect(try store.incidents(matching: .all).count == incidents.count)
        #expect(try store.incidents(matching: .all).first { $0.id == incidents[0].id }?.effects.fatalities == 99)
    }

    @Test("a newer release replaces the incident and keeps the old version in its history; an older one only joins the history")
    func releasesAndHistory() throws {
        let store = try freshStore()
        var incident = try TruceCSVFormat().read(file: Self.examples).incidents[0]
        incident.sources[0].release = "1700000000"
        _ = try store.save(incidents: [incident], quarantined: [])
        var newer = incident
        newer.sources[0].release = "1800000000"
        newer.effects.fatalities = 7
        #expect(try store.save(incidents: [newer], quarantined: []) == LoadSummary(updated: 1))
        #expect(try store.incidents(matching: .all) == [newer])
        #expect(try store.history(of: incident.id) == [incident])

        var older = incident
        older.sources[0].release = "1600000000"
        older.effects.fatalities = 1
        #expect(try store.save(incidents: [older], quarantined: []) == LoadSummary(unchanged: 1))
        #expect(try store.incidents(matching: .all) == [newer])
        #expect(try store.history(of: incident.id) == [incident, older])
        #expect(try store.save(incidents: [older], quarantined: []) == LoadSummary(unchanged: 1))
        #expect(try store.history(of: incident.id).count == 2)
    }

    @Test("reading less: without source fields, or only the column values, gives the same values it reads")
    func lighterReads() throws {
        let store = try freshStore()
        let incidents = try TruceCSVFormat().read(file: Self.examples).incidents
        _ = try store.save(incidents: incidents, quarantined: [])
        let full = try store.incidents(matching: .all)
        let withoutFields = try store.incidents(matching: IncidentQuery(detail: .withoutSourceFields))
        let summary = try store.incidents(matching: IncidentQuery(detail: .summary))
        #expect(withoutFields.map(\.id) == full.map(\.id) && summary.map(\.id) == full.map(\.id))
        for (complete, light) in zip(full, withoutFields) {
            var stripped = complete
            for index in stripped.sources.indices { stripped.sources[index].fields = [] }
            #expect(light == stripped)
        }
        for (complete, light) in zip(full, summary) {
            #expect(light.time.span == complete.time.span && light.time.precision == complete.time.precision)
            #expect(light.location == complete.location && light.action == complete.action)
            #expect(light.target.category == complete.target.category && light.target.subtype == complete.target.subtype)
            #expect(light.perpetrator?.party == complete.perpetrator?.party && light.effects.fatalities == complete.effects.fatalities)
        }
    }

    @Test("filters: party, country, category and overlapping dates")
    func filters() throws {
        let store = try freshStore()
        let incidents = try TruceCSVFormat().read(file: Self.examples).incidents
        _ = try store.save(incidents: incidents, quarantined: [])
        let iso = ISO8601DateFormatter()
        let march = TimeSpan(start: iso.date(from: "2025-03-18T00:00:00Z")!, end: iso.date(from: "2025-03-26T00:00:00Z")!)
        let query = IncidentQuery(perpetrator: "RU", during: march, category: .energy, country: "UA")
        let expected = incidents.filter {
            $0.perpetrator?.party == "RU" && $0.location.country == "UA" && $0.target.category == .energy && $0.time.span.overlaps(march)
        }
        #expect(!expected.isEmpty)
        #expect(Set(try store.incidents(matching: query).map(\.id)) == Set(expected.map(\.id)))
        #expect(try store.incidents(matching: IncidentQuery(limit: 3)).count == 3)
    }

    @Test("quarantined records keep their problems and raw text")
    func quarantineRoundTrip() throws {
        let store = try freshStore()
        let bad = try TruceCSVFormat().read(file: Self.badRows)
        _ = try store.save(incidents: [], quarantined: bad.quarantined)
        #expect(try store.quarantinedRecords() == bad.quarantined)
    }

    @Test("the schema is created by named migrations, in WAL mode")
    func schema() throws {
        let store = try freshStore()
        #expect(
            try store.appliedMigrations() == [
                "v1-agreements-incidents", "v2-incident-history", "v3-compact-source-records", "v4-drop-unused-key-index", "v5-verdicts",
                "v6-claims-in-body-only", "v7-longest-span", "v8-quarantine-by-line", "v9-outcome-acts-countries", "v10-evidence-may-describe",
                "v11-dataset-coverage", "v12-link-key", "v13-packed-verdict-checks", "v15-link-pending-queued-by-save", "v16-compact-incident-body",
                "v17-accounts-and-audit", "v18-review", "v19-monitor-pseudonyms", "v20-subscriptions", "v21-vague-records-by-days",
                "v22-agreement-writes", "v23-queue-judged-breaches",
            ])
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
    }

    @Test("a database path that cannot be opened is an error naming the path")
    func unopenablePath() {
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/nonexistent/dir/truce.sqlite") }
    }
}
