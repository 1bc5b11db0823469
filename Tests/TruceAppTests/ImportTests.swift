import Foundation
import Testing
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

@Suite("Importing and the quarantine, in-process")
struct ImportTests {
    @Test("an import counts new and quarantined rows, tells the observer each quarantined row with file and line, and adds nothing again")
    func importIsIdempotentAndQuarantines() throws {
        let (store, _) = try AppFixtures.emptyStore()
        let importer = try #require(try Importer(format: "truce"))
        let observer = RecordingObserver()
        let first = try importer.importFile(AppFixtures.incidents, into: store, observer: observer)
        #expect(first == LoadSummary(new: 3, quarantined: 1))
        #expect(observer.started == [AppFixtures.incidents] && observer.finished == [AppFixtures.incidents])
        let record = try #require(observer.quarantined.first)
        #expect(observer.quarantined.count == 1)
        #expect(record.file == AppFixtures.incidents && record.line == 5 && record.field == "start", "\(record.reason)")

        let again = try importer.importFile(AppFixtures.incidents, into: store)
        #expect(again.new == 0 && again.unchanged == 3, "\(again)")
        #expect(try IncidentListing.list(IncidentListRequest(), in: store).incidents.map(\.id) == ["app-003", "app-001", "app-002"])
    }

    @Test("a dry run reads every row and writes nothing")
    func dryRunWritesNothing() throws {
        let (store, _) = try AppFixtures.emptyStore()
        let summary = try #require(try Importer(format: "truce")).importFile(AppFixtures.incidents, into: nil)
        #expect(summary == LoadSummary(new: 3, quarantined: 1))
        #expect(try store.incidents(matching: .all).isEmpty)
    }

    @Test("records keep the name they are imported under, not the path they were read from")
    func recordsKeepTheGivenName() throws {
        let (store, _) = try AppFixtures.emptyStore()
        _ = try #require(try Importer(format: "truce")).importFile(AppFixtures.incidents, named: "upload.csv", into: store)
        let incident = try #require(try store.incidents(ids: ["app-001"], detail: .full).first)
        #expect(incident.sources.map(\.file) == ["upload.csv"])
        #expect(try Quarantine.list(in: store).map(\.record.file) == ["upload.csv"])
    }

    @Test("no importer for an unknown format; a file that cannot be read stops the import with a failure naming it")
    func unknownFormatAndUnreadableFile() throws {
        #expect(try Importer(format: "spreadsheet") == nil)
        let (store, directory) = try AppFixtures.emptyStore()
        let missing = directory.appendingPathComponent("nowhere.csv").path
        let failure = try #require(throws: Failure.self) { try #require(try Importer(format: "truce")).importFile(missing, into: store) }
        #expect(failure.kind == .invalidInput)
        #expect(failure.message.contains(missing), "\(failure.message)")
    }

    @Test("the quarantine lists the bad row; once the file is fixed, a retry reads it and the row leaves the quarantine")
    func quarantineRetry() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        let file = directory.appendingPathComponent("incidents.csv")
        try FileManager.default.copyItem(atPath: AppFixtures.incidents, toPath: file.path)
        _ = try #require(try Importer(format: "truce")).importFile(file.path, into: store)
        let entries = try Quarantine.list(file: file.path, in: store)
        #expect(entries.count == 1 && entries[0].record.line == 5)
        #expect(try Quarantine.entry(id: entries[0].id, in: store) == entries[0])
        let unknown = try #require(throws: NotFound.self) { try Quarantine.entry(id: entries[0].id + 100, in: store) }
        #expect(unknown.thing == .quarantinedRow)

        let stillBad = try Quarantine.files(in: store)
        #expect(stillBad.count == 1 && stillBad[0].path == file.path && stillBad[0].dataset == "truce-csv")
        guard case .retried(let fixed, let still, _) = try Quarantine.retry(stillBad[0], in: store) else {
            Issue.record("the file is readable")
            return
        }
        #expect(fixed == 0 && still == 1)

        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "2025-04-31", with: "2025-04-30")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try Quarantine.retry(try Quarantine.files(in: store)[0], in: store)
        #expect(outcome == .retried(fixed: 1, stillQuarantined: 0, summary: LoadSummary(new: 1, unchanged: 3)))
        #expect(try Quarantine.list(in: store).isEmpty)
    }

    @Test("a file that cannot be read any more keeps its rows quarantined")
    func retryOfAFileGone() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        let file = directory.appendingPathComponent("gone.csv")
        try FileManager.default.copyItem(atPath: AppFixtures.incidents, toPath: file.path)
        _ = try #require(try Importer(format: "truce")).importFile(file.path, into: store)
        try FileManager.default.removeItem(at: file)
        #expect(try Quarantine.retry(try Quarantine.files(in: store)[0], in: store) == .unreadable)
        #expect(try Quarantine.list(in: store).count == 1)
    }

    @Test("loading agreements tells the observer every diagnostic and saves the valid agreements")
    func agreementsLoad() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        let broken = directory.appendingPathComponent("broken.yaml")
        try "id: broken\nkind: partial\n".write(to: broken, atomically: true, encoding: .utf8)
        let observer = RecordingObserver()
        let loaded = try Loading.agreements(from: [try Bundled.path(Bundled.catalogue), broken.path], into: store, observer: observer)
        #expect(loaded.summary.new == 6)
        #expect(loaded.catalog.diagnostics.containsErrors)
        #expect(observer.notes == loaded.catalog.diagnostics.map(\.description))
        #expect(observer.notes.allSatisfy { $0.hasPrefix(broken.path + ":") }, "\(observer.notes)")
        #expect(try store.agreements().count == 6)
    }
}
