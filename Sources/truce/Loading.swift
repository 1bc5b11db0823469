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
    /// A record the store refuses is quarantined and the import goes on (see ``ImportSaver``).
    /// - Throws: ``Failure`` when the file cannot be read at all or is not of this format, or when the store
    ///   fails part-way: then with the counts committed before it stopped.
    static func incidents(
        from file: String, format: some DatasetFormat, into store: (any Store)?,
        maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes, onQuarantine: (QuarantinedRecord) -> Void = { _ in }
    ) throws -> LoadSummary {
        let bar = ProgressBar(label: file)
        var saver = store.map { ImportSaver(store: $0, file: file) }
        do {
            func report(_ quarantined: [QuarantinedRecord]) {
                for record in quarantined {
                    onQuarantine(record)
                    bar?.clear()
                    printError("\(record.file):\(record.line): quarantined: \(record.reason)")
                }
            }
            let importer = StreamingImport(format: format, maxRecordBytes: maxRecordBytes)
            let summary: LoadSummary
            if saver != nil {
                summary = try importer.run(file: file, progress: bar?.update, prepareVerbatim: prepared) { prepared, quarantined in
                    report(quarantined)
                    let saved = try saver!.save(prepared, quarantined: quarantined)
                    report(saved.refused)
                    return saved.summary
                }.summary
            } else {
                // A dry run reads and normalises every record; the verbatim fields, which nothing reads, stay bytes.
                summary = try importer.run(file: file, progress: bar?.update, prepareVerbatim: { _, _ in true }) { incidents, quarantined in
                    report(quarantined)
                    return LoadSummary(new: incidents.count, quarantined: quarantined.count)
                }.summary
            }
            try saver?.finish()
            bar?.finish()
            return summary
        } catch let error as InputError {
            try? saver?.finish()  // when this fails too, the next opening of the store builds the indexes
            bar?.clear()
            throw stopped(file, committed: saver?.committed, cause: error.description, code: .invalidInput)
        } catch let error as StoreError {
            try? saver?.finish()
            bar?.clear()
            throw stopped(file, committed: saver?.committed, cause: error.description, code: .storeFailure, details: error.details)
        }
    }

    /// An incident's stored form, worked out on the import's workers: its verbatim fields go from the record's
    /// bytes straight into the stored JSON.
    @Sendable static func prepared(_ incident: Incident, _ verbatim: VerbatimRecord?) -> PreparedIncident {
        guard let verbatim else { return PreparedIncident(incident) }
        return PreparedIncident(incident, fieldNames: verbatim.names, valuesJSON: verbatim.valuesJSON)
    }

    /// The failure of an import that stopped part-way: what was committed (on standard output, as a summary
    /// line), why it stopped, and that running the same command again picks up where it stopped.
    static func stopped(_ file: String, committed: LoadSummary?, cause: String, code: ExitStatus, details: String? = nil) -> Failure {
        guard let committed, committed.total > 0 || code == .storeFailure else {
            return Failure(message: cause, code: code, details: details)
        }
        return Failure(
            message: """
                \(file): import stopped: \(cause)
                \(file): \(committed.total) record(s) were committed before it stopped (\(committed)); running the same \
                command again resumes safely: records already committed count as unchanged and nothing is duplicated
                """,
            code: code, output: "\(file): \(committed) (incomplete)", details: details)
    }
}
