import TruceCore
import TruceIngest
import TruceStore

/// The load steps shared by `agreements load`, `incidents load` and `demo`: read, report problems on
/// standard error, save.
enum Loading {
    /// Reads agreement files and directories, prints every diagnostic on standard error, and saves the valid ones.
    static func agreements(from paths: [String], into store: some Store) throws -> (catalog: AgreementCatalog, summary: LoadSummary) {
        let catalog = AgreementCatalog.read(paths: paths)
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
        return (catalog, try store.save(agreements: catalog.agreements))
    }

    /// Reads one Truce CSV file, prints each quarantined row on standard error, and saves the batch.
    /// - Throws: ``Failure`` when the file cannot be read at all.
    static func incidents(from file: String, into store: some Store) throws -> LoadSummary {
        let batch: IncidentBatch
        do {
            batch = try IncidentCSVReader.read(file: file)
        } catch let error as InputError {
            throw Failure(message: error.description, code: .invalidInput)
        }
        for record in batch.quarantined {
            printError("\(record.file):\(record.line): quarantined: \(record.reason)")
        }
        return try store.save(incidents: batch.incidents, quarantined: batch.quarantined)
    }
}
