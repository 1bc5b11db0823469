import Foundation
import Testing
import TruceCore

@testable import TruceStore

@Suite("Incidents read to judge, a batch at a time, are the stored incidents as any other read gives them")
struct IncidentsToJudgeTests {
    /// Every incident of `selection`, read `limit` at a time.
    func readInBatches(_ store: SQLiteStore, _ selection: IncidentsToJudge, limit: Int) throws -> (incidents: [Incident], batches: Int) {
        var incidents: [Incident] = []
        var batches = 0
        var position: IncidentBatch.Position?
        repeat {
            let batch = try store.incidents(selection, rulesVersion: "test", after: position, limit: limit)
            incidents += batch.incidents
            batches += 1
            position = batch.next
        } while position != nil
        return (incidents, batches)
    }

    @Test("incidents read to judge in batches of 3, each read in place from its row, equal those read by id without source fields")
    func batchesReadInPlaceEqualIncidentsReadByID() throws {
        let store = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let (judged, batches) = try readInBatches(store, .awaiting, limit: 3)
        let stored = try store.incidents(matching: .all)
        #expect(judged.count == stored.count && batches == stored.count / 3 + 1)
        #expect(Set(judged.map(\.id)).count == judged.count)
        let byID = try store.incidents(ids: judged.map(\.id), detail: .withoutSourceFields)
        #expect(judged == byID)
        // Every column the summary reads took part: the examples hold points, fatalities and perpetrators.
        #expect(judged.contains { $0.location.coordinate != nil && $0.effects.fatalities != nil && $0.perpetrator != nil })
    }

    @Test(
        "a batch awaiting judgement carries a fingerprint of each incident that a save finds unchanged, and one that differs once the incident changes"
    )
    func fingerprintsOfBatchMatchStoredRowsUntilChanged() throws {
        let path = try StoreFixtures.filledDatabase()
        let store = try SQLiteStore(path: path)
        let batch = try store.incidents(.awaiting, rulesVersion: "test", after: nil, limit: 1_000)
        #expect(Set(batch.fingerprints.keys) == Set(batch.incidents.map(\.id)))
        let input = try store.adjudicationInput(rulesVersion: "test")
        // A basis without the written version: the save compares every fingerprint with the stored row's.
        var basis = input.basis(for: batch)
        basis.writtenVersion = nil
        var changed = batch.incidents[1]
        changed.location.place = (changed.location.place ?? "") + " (moved)"
        _ = try SQLiteStore(path: path).save(incidents: [changed], quarantined: [])
        let stale = try store.save(
            AdjudicationRun(incidents: batch.incidents.map(\.id), agreements: [], verdicts: [], rulesVersion: "test", basis: basis))
        #expect(stale == 1)
        #expect(try store.incidentsAwaitingAdjudication(rulesVersion: "test") == [changed.id])
    }

    @Test("incidents already judged are read in batches too, and none awaits once all are saved")
    func judgedIncidentsReadInBatches() throws {
        let store = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let awaiting = try readInBatches(store, .awaiting, limit: 4).incidents
        _ = try store.save(AdjudicationRun(incidents: awaiting.map(\.id), agreements: [], verdicts: [], rulesVersion: "test"))
        #expect(try readInBatches(store, .awaiting, limit: 4).incidents.isEmpty)
        let judged = try readInBatches(store, .judged(countries: nil, endingAfter: nil), limit: 4).incidents
        #expect(judged == awaiting)
    }
}
