import Foundation
import TruceCore
import TruceIngest
import TruceStore

/// The load steps shared by `agreements load`, `incidents load`, `import` and `demo`: read, report problems
/// on standard error, save.
enum Loading {
    /// Reads agreement files and directories, prints every diagnostic on standard error, and saves the valid ones.
    static func agreements(from paths: [String], into store: some Store) throws -> (catalog: AgreementCatalog, summary: LoadSummary) {
        let catalog = AgreementCatalog.read(paths: paths)
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
        return (catalog, try store.save(agreements: catalog.agreements))
    }

    /// Streams one file of `format` into `store` in batches (or, with `store` nil, only reads and normalises
    /// it), printing each quarantined row on standard error and a progress bar when standard error is a terminal.
    /// - Throws: ``Failure`` when the file cannot be read at all or is not of this format.
    static func incidents(
        from file: String, format: some DatasetFormat, into store: (any Store)?,
        onQuarantine: (QuarantinedRecord) -> Void = { _ in }
    ) throws -> LoadSummary {
        let bar = ProgressBar(label: file)
        do {
            func report(_ quarantined: [QuarantinedRecord]) {
                for record in quarantined {
                    onQuarantine(record)
                    bar?.clear()
                    printError("\(record.file):\(record.line): quarantined: \(record.reason)")
                }
            }
            let importer = StreamingImport(format: format)
            let summary: LoadSummary
            if let store {
                summary = try importer.run(file: file, progress: bar?.update, prepare: PreparedIncident.init) { prepared, quarantined in
                    report(quarantined)
                    return try store.save(prepared: prepared, quarantined: quarantined)
                }.summary
            } else {
                summary = try importer.run(file: file, progress: bar?.update) { incidents, quarantined in
                    report(quarantined)
                    return LoadSummary(new: incidents.count, quarantined: quarantined.count)
                }.summary
            }
            bar?.finish()
            return summary
        } catch let error as InputError {
            bar?.clear()
            throw Failure(message: error.description, code: .invalidInput)
        }
    }
}
