import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest

@testable import TruceStore

@Suite("Several stores on one file at once", .serialized)
struct ConcurrentStoreTests {
    /// Holds the write lock of `store` for `seconds` on a background thread; returns once it is held.
    static func holdWriteLock(_ store: SQLiteStore, for seconds: Double) -> DispatchSemaphore {
        let held = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread {
            _ = try? store.immediateWrite { _ in
                held.signal()
                Thread.sleep(forTimeInterval: seconds)
            }
            released.signal()
        }.start()
        held.wait()
        return released
    }

    @Test("concurrent writers fail instead of waiting: a writer waits for another's transaction")
    func writerWaits() throws {
        let path = try StoreFixtures.newPath()
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)
        let released = Self.holdWriteLock(first, for: 0.8)
        let start = Date()
        let agreements = AgreementCatalog.read(paths: [StoreTests.catalogue]).agreements
        #expect(try second.save(agreements: agreements) == LoadSummary(new: agreements.count))
        #expect(Date().timeIntervalSince(start) > 0.5)
        released.wait()
    }

    @Test("past the busy timeout, the error says another command is writing, in plain words without SQL")
    func busyTimeoutIsPlain() throws {
        let path = try StoreFixtures.newPath()
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path, busyTimeout: 0.2)
        let released = Self.holdWriteLock(first, for: 1.5)
        defer { released.wait() }
        let error = try #require(throws: StoreError.self) { try second.save(incidents: StoreFixtures.examples().incidents, quarantined: []) }
        #expect(error.cause == .busy(timeout: 0.2))
        #expect(
            error.description
                == "another Truce command is writing to \(path); waited 0.2 s; re-run when it has finished (TRUCE_BUSY_TIMEOUT sets how long to wait)"
        )
        for word in ["INSERT", "SELECT", "BEGIN", "SQLite", "GRDB"] { #expect(!error.description.contains(word)) }
        // Readers neither wait for the writer nor fail.
        #expect(try second.incidents(matching: .all).isEmpty)
    }

    @Test("opening and migrating one new file from several connections at once never fails")
    func concurrentOpening() throws {
        for _ in 0..<3 {
            let path = try StoreFixtures.newPath()
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    let store = try SQLiteStore(path: path)
                    _ = try store.save(agreements: AgreementCatalog.read(paths: [StoreTests.catalogue]).agreements)
                } catch {
                    failures.add("\(error)")
                }
            }
            #expect(failures.all.isEmpty)
            #expect(try SQLiteStore(path: path, access: .readOnly).appliedMigrations().count == Migrations.migrator.migrations.count)
        }
    }

    @Test("adjudication leaves out an incident changed while it was judged: no verdict, mark or evidence from stale content")
    func adjudicationLeavesOutWhatChanged() throws {
        let store = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let input = try store.adjudicationInput(rulesVersion: "test")
        let batch = try store.incidents(.awaiting, rulesVersion: "test", after: nil, limit: 10_000)
        #expect(batch.incidents.count == (try store.contentDump()["incident"]?.count) && batch.next == nil)
        var changed = batch.incidents[0]
        changed.effects.fatalities = 1_000
        #expect(try store.save(incidents: [changed], quarantined: []) == LoadSummary(updated: 1))

        let agreement = input.agreements[0].id
        let verdicts = batch.incidents.map { Verdict(incident: $0.id, agreement: agreement, kind: .violation, checks: [], rulesVersion: "test") }
        let evidence = batch.incidents.map { EvidenceRecord(incident: $0.id, group: $0.id, level: .singleClaim) }
        let stale = try store.save(
            AdjudicationRun(
                incidents: batch.incidents.map(\.id), agreements: Array(input.awaitingAgreements), verdicts: verdicts,
                rulesVersion: "test", basis: input.basis(for: batch), evidence: evidence))
        #expect(stale == 1)
        #expect(try store.incidentsAwaitingAdjudication(rulesVersion: "test") == [changed.id])
        let stored = try store.verdicts(matching: VerdictQuery())
        #expect(Set(stored.map(\.verdict.incident)) == Set(batch.incidents.dropFirst().map(\.id)))
        #expect(try store.contentDump()["evidence"]?.count == batch.incidents.count - 1)
    }

    @Test("a judged incident changed while an edited agreement was judged gets no verdict from its old content")
    func rejudgingAnAgreementLeavesOutAnIncidentChangedMeanwhile() throws {
        let store = try SQLiteStore(path: try StoreFixtures.filledDatabase())
        let input = try store.adjudicationInput(rulesVersion: "test")
        let all = try store.incidents(.awaiting, rulesVersion: "test", after: nil, limit: 10_000)
        try store.save(
            AdjudicationRun(incidents: all.incidents.map(\.id), agreements: input.agreements.map(\.id), verdicts: [], rulesVersion: "test"))
        let judged = try store.incidents(.judged(countries: nil, endingAfter: nil), rulesVersion: "test", after: nil, limit: 10_000)
        #expect(judged.incidents.count == (try store.contentDump()["incident"]?.count))

        var changed = judged.incidents[1]
        changed.effects.fatalities = 999
        _ = try store.save(incidents: [changed], quarantined: [])
        let agreement = input.agreements[0].id
        let verdicts = judged.incidents.map { Verdict(incident: $0.id, agreement: agreement, kind: .violation, checks: [], rulesVersion: "test") }
        let stale = try store.save(
            AdjudicationRun(incidents: [], agreements: [agreement], verdicts: verdicts, rulesVersion: "test", basis: input.basis))
        #expect(stale == 1)
        #expect(
            Set(try store.verdicts(matching: VerdictQuery()).map(\.verdict.incident)) == Set(judged.incidents.map(\.id)).subtracting([changed.id]))
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
