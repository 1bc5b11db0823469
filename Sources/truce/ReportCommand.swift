import ArgumentParser
import Foundation
import TruceApp
import TruceReport
import TruceStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a daily or period monitoring report on one agreement: HTML (self-contained), Markdown or JSON.",
        discussion: """
            Days are the agreement's local days. Without --date or --from/--to the report covers the agreement's \
            window (up to today when it is open-ended). Every figure counts events (records linked as one happening \
            count once) with their records beside it; violations are alleged unless verified. The status rule, the \
            baseline, the rate-ratio method and the data the figures rest on are stated in the report; see docs/reports.md.
            """)

    @Option(help: "The agreement's id.")
    var agreement: String
    @Option(help: ArgumentHelp("One day (the agreement's local day).", valueName: Day.form), transform: Day.init(validating:))
    var date: Day?
    @Option(help: ArgumentHelp("First day of the period.", valueName: Day.form), transform: Day.init(validating:))
    var from: Day?
    @Option(help: ArgumentHelp("Last day of the period.", valueName: Day.form), transform: Day.init(validating:))
    var to: Day?
    @Option(help: "The report's format.")
    var format: ReportRenderer.Format = .html
    @Option(help: "Directory to write the report into (created if missing).")
    var out: String = "reports"
    @Option(
        help:
            "GeoJSON outlines (countries or first-level regions) to draw under the map (default: the bundled country outlines, data/boundaries/countries.geojson)."
    )
    var boundaries: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if date != nil && (from != nil || to != nil) { throw ValidationError("give --date, or --from and --to, not both") }
    }

    func run() throws {
        try reportingFailures {
            let request = ReportRequest(
                agreement: agreement, date: date?.stated, from: from?.stated, to: to?.stated, format: format, boundaries: boundaries)
            print(try Self.write(request, into: out, store: try store.openForReading(), observer: TerminalObserver()))
        }
    }

    /// Writes the report `request` asks for into `directory`, saying on standard error when the map has no
    /// outlines; shared with `truce demo`.
    /// - Returns: the path of the file written.
    static func write(_ request: ReportRequest, into directory: String, store: some VerdictStore, observer: TerminalObserver) throws -> String {
        let written = try naming(option: "--agreement", see: "truce agreements list") {
            try Reporting.write(request, into: directory, store: store, observer: observer)
        }
        if written.report.bundledOutlinesMissing {
            printError("note: the bundled country outlines (\(Bundled.countryOutlines)) were not found, so the map has none; pass --boundaries FILE")
        }
        return written.path
    }
}
