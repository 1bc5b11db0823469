import Foundation
import Testing
import TruceCore

@testable import TruceStore

@Suite("A save of verdicts checks the content judged against the store only when something may have written since it was read")
struct ChangedWhileJudgedTests {
    /// Reads every incident awaiting judgement from `reader`, runs `meanwhile`, then saves a verdict for each
    /// through `reader`.
    /// - Returns: how many changed while judged, and the incidents then awaiting judgement.
    func judge(_ reader: SQLiteStore, meanwhile: () throws -> Void) throws -> (stale: Int, awaiting: Set<IncidentID>) {
        let input = try reader.adjudicationInput(rulesVersion: "test")
        let batch = try reader.incidents(.awaiting, rulesVersion: "test", after: nil, limit: 10_000)
        try meanwhile()
        let agreement = input.agreements[0].id
        let stale = try reader.save(
            AdjudicationRun(
                incidents: batch.incidents.map(\.id), agreements: [],
                verdicts: batch.incidents.map { Verdict(incident: $0.id, agreement: agreement, kind: .violation, checks: [], rulesVersion: "test") },
                rulesVersion: "test", basis: input.basis(for: batch)))
        return (stale, try reader.incidentsAwaitingAdjudication(rulesVersion: "test"))
    }

    @Test("an incident changed through another connection while judged is left out")
    func changedByAnotherConnection() throws {
        let path = try StoreFixtures.filledDatabase()
        let (reader, writer) = (try SQLiteStore(path: path), try SQLiteStore(path: path))
        var changed: Incident?
        let result = try judge(reader) {
            changed = try writer.incidents(matching: .all)[2]
            changed!.effects.fatalities = 4_321
            _ = try writer.save(incidents: [changed!], quarantined: [])
        }
        #expect(result.stale == 1 && result.awaiting == [changed!.id])
    }

    @Test("with nothing written since the content was read, every incident judged is saved")
    func nothingChanged() throws {
        let reader = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let result = try judge(reader) {}
        #expect(result.stale == 0 && result.awaiting.isEmpty)
    }

    @Test("a write that changes nothing judged (evidence written through another connection) still has the content checked, and nothing is left out")
    func unrelatedWriteIsChecked() throws {
        let path = try StoreFixtures.filledDatabase()
        let (reader, other) = (try SQLiteStore(path: path), try SQLiteStore(path: path))
        let before = try reader.writtenVersion()
        let result = try judge(reader) {
            let id = try other.incidents(matching: .all)[0].id
            try other.save(evidence: [EvidenceRecord(incident: id, group: id, level: .singleClaim)])
        }
        #expect(try reader.writtenVersion() != before)
        #expect(result.stale == 0 && result.awaiting.isEmpty)
    }
}
