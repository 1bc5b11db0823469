import Foundation
import Testing
import TruceCore

@testable import TruceStore

@Suite("Evidence written many rows to a statement")
struct EvidenceWriteTests {
    @Test("only rows that differ from the stored ones are written and counted, and records of incidents not stored are left out")
    func writtenOnlyWhenDifferent() throws {
        var world = LinkingWorld(seed: 41)
        let store = try LinkingWorld.store()
        // More records than one statement takes, so that whole chunks and the rows after them are both written.
        let count = ChunkedRows.rowsPerStatement + 30
        let incidents = (0..<count).map { world.record("r\($0)") }
        _ = try store.save(incidents: incidents, quarantined: [])
        var records = incidents.map { EvidenceRecord(incident: $0.id, group: $0.id, level: .singleClaim) }
        records[3].mayDescribe = ["r1", "r2"]
        let unknown = EvidenceRecord(incident: "not stored", group: "not stored", level: .singleClaim)

        #expect(try store.linking { try $0.write(evidence: [unknown] + records) } == count)
        #expect(try store.evidence() == records.sorted { $0.incident < $1.incident })
        #expect(try store.linking { try $0.write(evidence: records) } == 0)

        var changed = records
        changed[0].group = "r1"
        changed[count - 1].level = .corroborated
        changed[3].mayDescribe = []
        #expect(try store.linking { try $0.write(evidence: changed) } == 3)
        #expect(try store.evidence() == changed.sorted { $0.incident < $1.incident })
    }
}
