import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

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
        #expect(
            coverage.map(\.earliest).min()
                == incidents.map { Date(timeIntervalSince1970: $0.time.span.start.timeIntervalSince1970.rounded(.down)) }.min())
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }

    /// A body as Truce wrote it before v3, fields included, frozen here as text.
    static let bodyBeforeV3 = #"""
        {"action":"drone_strike","claims":[{"accused":"RU","claimant":"Ministry of Defence of Ukraine","source":{"published":"2025-04-20","url":"https://example.org/a/b"}}],"description":"Drone strike, \"quoted\" / slash","effects":{"fatalities":2,"injured":5},"id":"old-1","location":{"admin1":"Kharkiv Oblast","coordinate":{"latitude":49.99,"longitude":36.000001},"country":"UA","place":"Kharkiv","precision":"locality"},"perpetrator":{"attributedBy":"Ministry of Defence of Ukraine","party":"RU"},"sources":[{"dataset":"truce-csv","fields":[{"name":"id","value":"old-1"},{"name":"note","value":"é \n 𝄞 \u001b"}],"file":"old.csv","key":"old-1","line":2,"release":"1745100000"}],"target":{"category":"energy","subtype":"substation"},"time":{"precision":"minute","span":{"end":"2025-04-20T10:01:00Z","start":"2025-04-20T10:00:00Z"},"timeZone":"Europe/Kyiv"}}
        """#

    @Test("the compact-source-records migration moves a frozen pre-v3 body's fields out, byte for byte as it shipped, without Truce's model")
    func compactSourceRecordsMigrationIsFrozen() throws {
        let directory = try ScratchDirectory.make("truce-migration")
        let path = directory.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v2-incident-history")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO incident (id, start_unix, end_unix, time_precision, geo_precision, body)
                    VALUES ('old-1', 1745143200, 1745143260, 'minute', 'locality', ?)
                    """,
                arguments: [Self.bodyBeforeV3])
            try db.execute(
                sql: """
                    INSERT INTO source_record (incident_id, ordinal, dataset, file, line, record_key, fields)
                    VALUES ('old-1', 0, 'truce-csv', 'old.csv', 2, 'old-1', '[]')
                    """)
        }
        try Migrations.migrator.migrate(queue, upTo: "v3-compact-source-records")
        let (body, record) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "SELECT body FROM incident")!,
                try Row.fetchOne(db, sql: "SELECT s.*, h.names FROM source_record s JOIN source_header h ON h.id = s.header_id")!
            )
        }
        #expect(
            body
                == Self.bodyBeforeV3.replacingOccurrences(
                    of: #""fields":[{"name":"id","value":"old-1"},{"name":"note","value":"é \n 𝄞 \u001b"}]"#, with: #""fields":[]"#))
        #expect(body != Self.bodyBeforeV3)
        #expect(record["names"] as String == #"["id","note"]"#)
        #expect(record["field_values"] as String == #"["old-1","é \n 𝄞 \u001b"]"#)
        #expect(record["incident_id"] as String == "old-1" && record["ordinal"] as Int == 0 && record["dataset"] as String == "truce-csv")
        #expect(record["file"] as String == "old.csv" && record["line"] as Int == 2 && record["record_key"] as String == "old-1")
        #expect(record["release"] as String? == "1745100000")
        try queue.close()

        // The store reads the incident back whole, fields included.
        let incident = try #require(try SQLiteStore(path: path).incidents(ids: ["old-1"], detail: .full).first)
        #expect(incident == (try TruceJSON.decoder().decode(Incident.self, from: Data(Self.bodyBeforeV3.utf8))))
        #expect(incident.sources[0].fields.map(\.value) == ["old-1", "é \n 𝄞 \u{1B}"])
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
        #expect(
            stored.first?.verdict.checks.map { [$0.clause.rawValue, $0.outcome.rawValue, $0.uncertainty?.rawValue ?? ""] }
                == checks.map { [$0.clause.rawValue, $0.outcome.rawValue, $0.uncertainty?.rawValue ?? ""] })
        #expect(stored.first?.verdict.kind == .possibleViolation && stored.first?.verdict.rulesVersion == "old")
    }
}
