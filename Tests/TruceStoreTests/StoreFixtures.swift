import Foundation
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

/// Databases and records for the store's robustness tests.
enum StoreFixtures {
    /// A path for a new database in a fresh folder.
    static func newPath() throws -> String {
        let directory = try ScratchDirectory.make("truce-store")
        return directory.appendingPathComponent("truce.sqlite").path
    }

    /// The example incidents and the bad rows' quarantined records.
    static func examples() throws -> (incidents: [Incident], quarantined: [QuarantinedRecord]) {
        let good = try TruceCSVFormat().read(file: StoreTests.examples)
        let bad = try TruceCSVFormat().read(file: StoreTests.badRows)
        return (good.incidents + bad.incidents, bad.quarantined)
    }

    /// A database at a new path holding the catalogue, the examples and the bad rows; the store is closed.
    static func filledDatabase() throws -> String {
        let path = try newPath()
        let store = try SQLiteStore(path: path)
        _ = try store.save(agreements: AgreementCatalog.read(paths: [StoreTests.catalogue]).agreements)
        let (incidents, quarantined) = try examples()
        _ = try store.save(incidents: incidents, quarantined: quarantined)
        return path
    }
}
