import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import incidents from dataset exports: acled, ucdp, gdelt, truce (plain or .gz; - for standard input).",
        discussion: """
            ACLED and UCDP GED columns are matched by header name (UCDP's HXL hashtag row is skipped); GDELT 2.0 \
            event exports are read in their fixed 61-column tab-separated layout, with dates that are publication \
            dates. Files are read in chunks, so memory stays flat however \
            large they are. Rows that cannot be read are quarantined with file, line, field and reason; the \
            import goes on and prints `N new, M updated, K unchanged, Q quarantined` for each file. \
            Re-importing a file adds nothing. See `truce quarantine` for the rows kept aside.
            """)

    @Argument(help: ArgumentHelp("The files' format.", valueName: "format"))
    var format: ImportFormat

    @Argument(help: "Files to import (plain or gzip), or - for standard input.")
    var files: [String]

    @Option(help: "Actor table mapping dataset actors to parties (default: the bundled data/actors.csv).")
    var actors: String?

    @Flag(name: .long, help: "Read and normalise every row and print the counts, without writing to the database.")
    var dryRun = false

    @Flag(name: .long, help: "Exit 1 when any row is quarantined.")
    var strict = false

    @OptionGroup var recordSize: RecordSizeOption

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened: (any Store)? = dryRun ? nil : try store.open()
            let importer = try format.importer(actorTable: actors)
            let observer = TerminalObserver()
            var total = LoadSummary()
            for (index, file) in files.enumerated() {
                let summary: LoadSummary
                do {
                    summary = try importer.importFile(file, into: opened, maxRecordBytes: recordSize.bytes, observer: observer)
                } catch var failure as Failure where index + 1 < files.count {
                    failure.message += "\nnot imported: \(files[(index + 1)...].joined(separator: ", "))"
                    throw failure
                }
                print("\(file): \(summary)\(dryRun ? " (dry run: nothing written)" : "")")
                total = total + summary
            }
            if strict && total.quarantined > 0 {
                throw Failure(message: "\(total.quarantined) row(s) quarantined (--strict)", kind: .invalidInput)
            }
        }
    }
}
