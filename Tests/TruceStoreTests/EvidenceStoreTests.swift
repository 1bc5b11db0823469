import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

@testable import TruceStore

@Suite("Evidence kept with the events a vague record may describe")
struct EvidenceStoreTests {
    @Test("evidence saved with the events a vague record may describe reads back as saved")
    func mayDescribeRoundTrips() throws {
        let directory = try ScratchDirectory.make("truce-evidence")
        let store = try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
        let incidents = try TruceCSVFormat().read(file: StoreTests.examples).incidents
        try store.save(incidents: incidents, quarantined: [])
        let (a, b, c) = (incidents[0].id, incidents[1].id, incidents[2].id)
        let evidence = [
            EvidenceRecord(incident: a, group: a, level: .contested),
            EvidenceRecord(incident: b, group: a, level: .contested),
            EvidenceRecord(incident: c, group: c, level: .singleClaim, mayDescribe: [a, "an \"odd\" id"]),
        ]
        try store.save(evidence: evidence)
        #expect(try store.evidence() == evidence.sorted { $0.incident < $1.incident })
    }

    @Test("a database written before may_describe existed opens with its evidence describing nothing more")
    func evidenceBeforeMayDescribe() throws {
        let directory = try ScratchDirectory.make("truce-evidence")
        let path = directory.appendingPathComponent("old.sqlite").path
        let incidents = try TruceCSVFormat().read(file: StoreTests.examples).incidents
        do {
            let store = try SQLiteStore(path: path)
            try store.save(incidents: incidents, quarantined: [])
        }
        // Back to the layout of v8: evidence without may_describe.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v10-evidence-may-describe'")
            try db.execute(sql: "ALTER TABLE evidence DROP COLUMN may_describe")
            try db.execute(
                sql: "INSERT INTO evidence (incident_id, link_group, level) VALUES (?, ?, 'corroborated')",
                arguments: [incidents[0].id, incidents[0].id])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations().contains("v10-evidence-may-describe"))
        #expect(try store.evidence() == [EvidenceRecord(incident: incidents[0].id, group: incidents[0].id, level: .corroborated)])
    }
}
