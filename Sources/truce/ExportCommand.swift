import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport

struct ExportCommand: ParsableCommand, FilteredListing {
    static let agreementHelp = "Only incidents judged under this agreement; --from and --to are then days in its time zone."

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export incidents, verdicts or claims as CSV, GeoJSON (RFC 7946) or JSON Lines.",
        discussion: """
            The filters are those of `truce verdicts list`. With --agreement, --verdict or --evidence, incidents and \
            claims are those of the matching verdicts (run `truce adjudicate` first). Incidents as CSV are in \
            Truce's own format and read back with `truce import truce`. CSV cells that a spreadsheet would run \
            as a formula start with an added ' (docs/formats.md), which `truce import truce` takes off. Exports \
            are written as they are read, a page at a time, so memory does not grow with their size. With \
            --agreement, --from and --to are days in the agreement's time zone, else UTC days; standard error \
            says which. The exported contents are the same either way (instants in UTC).
            """)

    @Argument(help: "What to export.")
    var kind: ExportKind

    @Option(help: "The export's format.")
    var format: ExportFormat = .csv

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @OptionGroup var filters: VerdictFilterOptions<ExportCommand>

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.openForReading()
            let export = try naming(option: "--agreement") {
                try Export(ExportRequest(kind: kind, format: format, filter: filters.filter), from: opened)
            }
            let destination = try ExportDestination(path: out)
            let output = BufferedOutput(destination.handle)
            let written: Int
            do {
                written = try export.write(to: output, observer: TerminalObserver())
                try destination.commit()
            } catch {
                destination.abandon()
                throw error
            }
            if let out {
                printError("\(out): \(written) \(kind == .claims ? "incidents' claims" : kind.rawValue)")
            }
            if let days = filters.daysStatement(agreementZone: export.zone) { printError(days) }
        }
    }
}
