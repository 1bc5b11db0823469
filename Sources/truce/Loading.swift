import Foundation
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
        try save(try read(file) { try IncidentCSVReader.read(bytes: $0, file: file) }, into: store)
    }

    /// Reads `file` (or standard input for `-`) and parses it with `parse`, turning input errors into failures.
    static func read(_ file: String, parse: ([UInt8]) throws -> IncidentBatch) throws -> IncidentBatch {
        do {
            let bytes = file == "-"
                ? Array(FileHandle.standardInput.readDataToEndOfFile())
                : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            return try parse(bytes)
        } catch let error as InputError {
            throw Failure(message: error.description, code: .invalidInput)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(message: "\(file): cannot be read: \((error as NSError).localizedDescription)", code: .invalidInput)
        }
    }

    /// Prints each quarantined record on standard error and saves the batch.
    static func save(_ batch: IncidentBatch, into store: some Store) throws -> LoadSummary {
        for record in batch.quarantined {
            printError("\(record.file):\(record.line): quarantined: \(record.reason)")
        }
        return try store.save(incidents: batch.incidents, quarantined: batch.quarantined)
    }
}
