import Foundation
import TruceApp
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

/// A scratch store with the bundled 2025 catalogue and the small incident fixture, and an observer that keeps
/// what it hears.
enum AppFixtures {
    /// The fixture: three incidents (two energy strikes in Kharkiv during the energy moratorium, one strike in
    /// Gaza) and a row dated 2025-04-31, which is quarantined.
    static let incidents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/incidents.csv").path

    /// A new, empty store in a scratch directory.
    static func emptyStore() throws -> (store: SQLiteStore, directory: URL) {
        let directory = try ScratchDirectory.make("truce-app")
        return (try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path), directory)
    }

    /// A store holding the bundled catalogue and the fixture, adjudicated.
    static func adjudicatedStore() throws -> (store: SQLiteStore, directory: URL) {
        let (store, directory) = try emptyStore()
        _ = try Loading.agreements(from: [try Bundled.path(Bundled.catalogue)], into: store)
        _ = try Importer(format: "truce")!.importFile(incidents, into: store)
        _ = try Adjudicating.run(store: store, all: false)
        return (store, directory)
    }
}

/// Keeps what a use case tells its observer.
final class RecordingObserver: ProgressObserver, @unchecked Sendable {
    private(set) var notes: [String] = []
    private(set) var quarantined: [QuarantinedRecord] = []
    private(set) var started: [String] = []
    private(set) var finished: [String] = []

    func note(_ text: String) { notes.append(text) }
    func startedImporting(_ file: String) { started.append(file) }
    func quarantined(_ record: QuarantinedRecord) { quarantined.append(record) }
    func finishedImporting(_ file: String) { finished.append(file) }
}
