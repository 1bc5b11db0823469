import Foundation
import GRDB
import Testing
import TruceTestSupport
import TruceCore
import TruceIngest
@testable import TruceStore

@Suite("Schema migrations keep every record")
struct MigrationTests {
    @Test("a database written before compact source records opens with every incident and field intact")
    func compactSourceRecordsMigration() throws {
        let directory = try ScratchDirectory.make("truce-migration")
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
        #expect(try store.appliedMigrations() == Migrations.migrator.migrations)
        #expect(Set(try store.incidents(matching: .all)) == Set(incidents))
        // The coverage kept from now on starts from what the file held.
        let coverage = try store.coverage()
        #expect(coverage.map(\.records).reduce(0, +) == incidents.count && coverage.allSatisfy { $0.lastImport == nil })
        #expect(coverage.map(\.earliest).min() == incidents.map { Date(timeIntervalSince1970: $0.time.span.start.timeIntervalSince1970.rounded(.down)) }.min())
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }

    @Test("verdicts stored with their reasons as JSON keep every clause's outcome once stored packed")
    func packedVerdictChecksMigration() throws {
        let directory = try ScratchDirectory.make("truce-migration")
        let path = directory.appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: try StoreFixtures.filledDatabase(), toPath: path)
        let checks = [
            ClauseCheck(.time, .unknown, uncertainty: .imprecise, "straddles"), ClauseCheck(.place, .pass, "in"),
            ClauseCheck(.party, .unknown, uncertainty: .unattributed, "no one named"), ClauseCheck(.target, .pass, "energy"),
            ClauseCheck(.action, .unknown, uncertainty: .missing, "not said"), ClauseCheck(.exceptions, .pass, "weigh them"),
        ]
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v13-packed-verdict-checks'")
            try db.execute(sql: "DROP TABLE verdict")
            try db.execute(
                sql: """
                    CREATE TABLE verdict (
                        incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        agreement_id TEXT NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL, checks TEXT NOT NULL, rules_version TEXT NOT NULL,
                        PRIMARY KEY (incident_id, agreement_id)) STRICT;
                    CREATE INDEX verdict_by_agreement ON verdict(agreement_id, kind);
                    """)
            try db.execute(
                sql: """
                    INSERT INTO verdict (incident_id, agreement_id, kind, checks, rules_version)
                    SELECT (SELECT MIN(id) FROM incident), (SELECT MIN(id) FROM agreement), 'possible_violation', ?, 'old'
                    """,
                arguments: [try TruceJSON.string(checks)])
        }
        try queue.close()

        let stored = try SQLiteStore(path: path).verdicts(matching: VerdictQuery())
        #expect(stored.count == 1)
        #expect(stored.first?.verdict.checks.map { [$0.clause.rawValue, $0.outcome.rawValue, $0.uncertainty?.rawValue ?? ""] }
            == checks.map { [$0.clause.rawValue, $0.outcome.rawValue, $0.uncertainty?.rawValue ?? ""] })
        #expect(stored.first?.verdict.kind == .possibleViolation && stored.first?.verdict.rulesVersion == "old")
    }
}
