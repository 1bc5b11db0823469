import Foundation
import Testing
import TruceApp
import TruceCore
import TruceEngine
import TruceStore

@Suite("The demo's steps, in-process")
struct DemoTests {
    @Test("the demo loads the shipped catalogue and examples under their checkout names, and sums up each agreement")
    func demoSteps() throws {
        let (_, directory) = try AppFixtures.emptyStore()
        let path = try Demo.databasePath(in: directory.appendingPathComponent("demo").path)
        #expect(path.hasSuffix("demo/truce.sqlite"))
        let store = try SQLiteStore(path: path)
        let files = try Demo.files()
        #expect(try Demo.loadCatalogue(files.catalogue, into: store) == LoadSummary(new: 6))
        #expect(try Demo.importIncidents(files.incidents, into: store).new > 0)
        #expect(try Demo.importACLEDSample(files.acled, into: store).new > 0)
        _ = try Adjudicating.run(store: store, all: false)

        let summaries = try Demo.agreementSummaries(in: store)
        #expect(summaries.count == 6)
        let moratorium = try #require(summaries.first { $0.agreement.id == "energy-moratorium-2025" })
        #expect(moratorium.records.inScope > 0)
        let violations = try #require(moratorium.violations.rows.first { $0.accused == "RU" && $0.kind == .violation })
        #expect(violations.events.reduce(0, +) > 0 && violations.records >= violations.events.reduce(0, +))
        #expect(Set(Demo.reportedAgreements).isSubset(of: summaries.map(\.agreement.id)))
    }

    @Test("a catalogue with an error stops the demo with a failure naming it")
    func catalogueWithErrors() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        let catalogue = directory.appendingPathComponent("catalogue")
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        try "id: broken\n".write(to: catalogue.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let failure = try #require(throws: Failure.self) { try Demo.loadCatalogue(try Demo.files(catalogue: catalogue.path).catalogue, into: store) }
        #expect(failure.message == "the catalogue in \(catalogue.path) has errors")
    }
}
