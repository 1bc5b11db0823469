import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest
@testable import TruceStore

@Suite("Schema migrations keep every record")
struct MigrationTests {
    @Test("a database written before compact source records opens with every incident and field intact")
    func compactSourceRecordsMigration() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("truce-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        let incidents = try TruceCSVFormat().read(file: StoreTests.examples).incidents

        // The layout before v3: the full incident, fields included, in `body`; fields again in source_record.
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v2-incident-history")
        try queue.write { db in
            for incident in incidents {
                try db.execute(
                    sql: """
                        INSERT INTO incident (id, start_unix, end_unix, time_precision, geo_precision, body)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        incident.id, Int64(incident.time.span.start.timeIntervalSince1970),
                        incident.time.span.end.map { Int64($0.timeIntervalSince1970) }, incident.time.precision.rawValue,
                        incident.location.precision.rawValue, try TruceJSON.string(incident),
                    ])
                try db.execute(
                    sql: """
                        INSERT INTO source_record (incident_id, ordinal, dataset, file, line, record_key, fields)
                        VALUES (?, 0, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        incident.id, incident.sources[0].dataset, incident.sources[0].file, incident.sources[0].line,
                        incident.sources[0].key, try TruceJSON.string(incident.sources[0].fields),
                    ])
            }
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations().last == "v12-link-key")
        #expect(Set(try store.incidents(matching: .all)) == Set(incidents))
        // The coverage kept from now on starts from what the file held.
        let coverage = try store.coverage()
        #expect(coverage.map(\.records).reduce(0, +) == incidents.count && coverage.allSatisfy { $0.lastImport == nil })
        #expect(coverage.map(\.earliest).min() == incidents.map { Date(timeIntervalSince1970: $0.time.span.start.timeIntervalSince1970.rounded(.down)) }.min())
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }
}
