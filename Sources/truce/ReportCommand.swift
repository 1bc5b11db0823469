import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceEngine
import TruceIngest
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
    @Option(help: "GeoJSON outlines (countries or first-level regions) to draw under the map (default: the bundled country outlines, data/boundaries/countries.geojson).")
    var boundaries: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if date != nil && (from != nil || to != nil) { throw ValidationError("give --date, or --from and --to, not both") }
    }

    func run() throws {
        try reportingFailures {
            let path = try Reporting.write(
                store: try store.openForReading(), agreement: agreement, date: date, from: from, to: to, format: format, directory: out,
                boundaries: boundaries)
            print(path)
        }
    }
}

/// Writing a report, shared by `truce report` and `truce demo`.
enum Reporting {
    static func write(
        store: some VerdictStore, agreement id: String, date: Day?, from: Day?, to: Day?, format: ReportRenderer.Format,
        directory: String, boundaries: String?
    ) throws -> String {
        guard let agreement = try store.agreement(id: id) else {
            throw Failure(message: "--agreement: no agreement with id \"\(id)\" (see `truce agreements list`)", kind: .invalidInput)
        }
        let zone = agreement.timeZone
        let now = Date()
        let window = agreement.outerSpan ?? agreement.span
        var start = (date ?? from).map { $0.stated.instant(in: zone) } ?? window?.start ?? now.addingTimeInterval(-7 * 86_400)
        var end = (date ?? to).map { $0.stated.adding(days: 1).instant(in: zone) } ?? min(window?.end ?? now, now)
        if end <= start { (start, end) = (end, start.addingTimeInterval(86_400)) }
        let period = TimeSpan(start: start, end: end)
        // What the analytics read: the period, the window up to the period's end, and the month before the window.
        let earliest = min(start, window?.start ?? start).addingTimeInterval(-31 * 86_400)
        // The window and the period are read in full (claims feed evidence and the claimants' table); the
        // baseline before them only needs the values kept in columns.
        let counted = TimeSpan(start: min(start, window?.start ?? start), end: max(end, window?.end ?? end))
        let linked = try store.incidents(matching: IncidentQuery(during: counted, detail: .withoutSourceFields))
        // Linking the window's records (for evidence) runs while the baseline is read.
        let linking = Background { Adjudication.evidence(for: linked) }
        let baseline = try store.incidents(matching: IncidentQuery(during: TimeSpan(start: earliest, end: counted.start), detail: .summary))
        let ids = Set(linked.map(\.id))
        let before = baseline.filter { !ids.contains($0.id) }
        let incidents = linked + before
        // Baseline records are linked among themselves, so that would-be violations count by event too.
        let evidence = linking.value + Adjudication.evidence(for: before)
        let report = MonitoringReport.build(
            agreement: agreement, incidents: incidents, evidence: evidence, period: period, asOf: min(end, now), coverage: try store.coverage(),
            judge: Bundled.judge(observer: TerminalObserver()))
        var outlines: Outlines?
        if let boundaries {
            do {
                outlines = try Outlines(geoJSON: Data(contentsOf: URL(fileURLWithPath: boundaries)), file: boundaries)
            } catch let error as Outlines.OutlineError {
                throw Failure(message: error.description, kind: .invalidInput)
            } catch {
                throw Failure(message: "\(boundaries): cannot be read: \(error.localizedDescription)", kind: .invalidInput)
            }
        } else if let bundled = Bundled.find(Bundled.countryOutlines) {
            outlines = try? Outlines(geoJSON: Data(contentsOf: URL(fileURLWithPath: bundled)), file: bundled)
        } else {
            printError("note: the bundled country outlines (data/boundaries/countries.geojson) were not found, so the map has none; pass --boundaries FILE")
        }
        let text = try ReportRenderer.render(report, as: format, outlines: outlines)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("\(agreement.id)_\(report.from)_\(report.to).\(format.rawValue)")
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw Failure(message: "\(path): cannot be written: \(error.localizedDescription)", kind: .invalidInput)
        }
        return path
    }
}
