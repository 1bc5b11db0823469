import Foundation
import TruceCore
import TruceIngest
import TruceStore

/// The load steps shared by loading agreements, importing incidents, retrying the quarantine and the demo:
/// read, tell the observer of every problem, save.
public enum Loading {
    /// Reads agreement files and directories of `.yaml` files, tells `observer` every diagnostic (as a note, in
    /// order) and saves the valid agreements.
    public static func agreements(
        from paths: [String], into store: some Store, observer: any ProgressObserver = QuietObserver()
    ) throws -> AgreementsLoaded {
        let catalog = AgreementCatalog.read(paths: paths)
        for diagnostic in catalog.diagnostics { observer.note(diagnostic.description) }
        return AgreementsLoaded(catalog: catalog, summary: try store.save(agreements: catalog.agreements))
    }

    /// Streams the file at `path` of `format` into `store` in batches (or, with `store` nil, only reads and
    /// normalises it), telling `observer` its progress and each quarantined row, and `onQuarantine` each row read
    /// but quarantined. Its records keep `name` as their file (`path` when `nil`). A record the store refuses is quarantined and the import goes on (see ``ImportSaver``).
    /// - Throws: ``Failure`` when the file cannot be read at all or is not of this format, or when the store
    ///   fails part-way: then with the counts committed before it stopped.
    static func incidents(
        from path: String, named name: String? = nil, format: some DatasetFormat, into store: (any Store)?, maxRecordBytes: Int,
        observer: any ProgressObserver,
        onQuarantine: (QuarantinedRecord) -> Void = { _ in }
    ) throws -> LoadSummary {
        let file = name ?? path
        observer.startedImporting(file)
        defer { observer.finishedImporting(file) }
        var saver = store.map { ImportSaver(store: $0, file: file) }
        do {
            func report(_ quarantined: [QuarantinedRecord]) {
                for record in quarantined {
                    onQuarantine(record)
                    observer.quarantined(record)
                }
            }
            let progress = { (progress: ImportProgress) in observer.importing(file, progress: progress) }
            let importer = StreamingImport(format: format, maxRecordBytes: maxRecordBytes)
            let summary: LoadSummary
            if saver != nil {
                summary = try importer.run(source: try ByteSource(file: path), file: file, progress: progress, prepareVerbatim: prepared) {
                    prepared, quarantined in
                    report(quarantined)
                    let saved = try saver!.save(prepared, quarantined: quarantined)
                    report(saved.refused)
                    return saved.summary
                }.summary
            } else {
                // A dry run reads and normalises every record; the verbatim fields, which nothing reads, stay bytes.
                summary = try importer.run(source: try ByteSource(file: path), file: file, progress: progress, prepareVerbatim: { _, _ in true }) {
                    incidents, quarantined in
                    report(quarantined)
                    return LoadSummary(new: incidents.count, quarantined: quarantined.count)
                }.summary
            }
            try saver?.finish()
            return summary
        } catch let error as InputError {
            try? saver?.finish()  // when this fails too, the next opening of the store builds the indexes
            throw stopped(file, committed: saver?.committed, cause: error.description, kind: .invalidInput)
        } catch let error as StoreError {
            try? saver?.finish()
            throw stopped(file, committed: saver?.committed, cause: error.description, kind: .storeFailure, details: error.details)
        }
    }

    /// An incident's stored form, worked out on the import's workers: its verbatim fields go from the record's
    /// bytes straight into the stored JSON.
    @Sendable static func prepared(_ incident: Incident, _ verbatim: VerbatimRecord?) -> PreparedIncident {
        guard let verbatim else { return PreparedIncident(incident) }
        return PreparedIncident(incident, fieldNames: verbatim.names, valuesJSON: verbatim.valuesJSON)
    }

    /// The failure of an import that stopped part-way: what was committed, why it stopped, and that running
    /// the same import again picks up where it stopped.
    static func stopped(_ file: String, committed: LoadSummary?, cause: String, kind: Failure.Kind, details: String? = nil) -> Failure {
        guard let committed, committed.total > 0 || kind == .storeFailure else {
            return Failure(message: cause, kind: kind, details: details)
        }
        return Failure(
            message: """
                \(file): import stopped: \(cause)
                \(file): \(committed.total) record(s) were committed before it stopped (\(committed)); running the same \
                command again resumes safely: records already committed count as unchanged and nothing is duplicated
                """,
            kind: kind, committed: FileImport(file: file, summary: committed), details: details)
    }
}

/// Agreement files read and their valid agreements saved.
public struct AgreementsLoaded: Sendable {
    /// What was read: the files, the valid agreements and every diagnostic.
    public var catalog: AgreementCatalog
    /// How many agreements were new, updated or unchanged.
    public var summary: LoadSummary
}
