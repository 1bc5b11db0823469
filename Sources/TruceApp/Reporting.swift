import Foundation
import TruceCore
import TruceEngine
import TruceIngest
import TruceReport
import TruceStore

/// A monitoring report to write on one agreement. Days are the agreement's local days; without `date` or
/// `from`/`to` the report covers the agreement's window (up to now when it is open-ended).
public struct ReportRequest: Hashable, Sendable {
    public var agreement: AgreementID
    /// One day; or else `from` and `to`.
    public var date: StatedTime?
    public var from: StatedTime?
    public var to: StatedTime?
    public var format: ReportRenderer.Format
    /// GeoJSON outlines to draw under the map; the bundled country outlines when `nil`.
    public var boundaries: String?

    public init(
        agreement: AgreementID, date: StatedTime? = nil, from: StatedTime? = nil, to: StatedTime? = nil, format: ReportRenderer.Format = .html,
        boundaries: String? = nil
    ) {
        self.agreement = agreement
        self.date = date
        self.from = from
        self.to = to
        self.format = format
        self.boundaries = boundaries
    }
}

/// A report rendered: its text and the name its file takes.
public struct RenderedReport: Sendable {
    /// `AGREEMENT_FROM_TO.FORMAT`.
    public var fileName: String
    public var text: String
    /// Whether the map was drawn without outlines because none were given and the bundled ones are missing.
    public var bundledOutlinesMissing: Bool
}

/// A report's figures before rendering, with the outlines its map is drawn over.
public struct BuiltReport: Sendable {
    public var report: MonitoringReport
    /// The outlines under the map: those given, else the bundled country outlines, else none.
    public var outlines: Outlines?
    /// Whether no outlines were given and the bundled ones are missing.
    public var bundledOutlinesMissing: Bool
}

/// Building monitoring reports: figures over a period counted by event, rendered as HTML, Markdown or JSON.
public enum Reporting {
    /// Renders the report `request` asks for. The first judge of the process tells `observer` of missing outlines.
    /// - Throws: ``NotFound`` for an unknown agreement; ``Failure`` when the given boundaries cannot be read.
    public static func render(
        _ request: ReportRequest, store: some VerdictStore, observer: any ProgressObserver = QuietObserver()
    ) throws -> RenderedReport {
        let built = try build(request, store: store, observer: observer)
        let text = try ReportRenderer.render(built.report, as: request.format, outlines: built.outlines)
        return RenderedReport(
            fileName: "\(built.report.agreement.id)_\(built.report.from)_\(built.report.to).\(request.format.rawValue)", text: text,
            bundledOutlinesMissing: built.bundledOutlinesMissing)
    }

    /// The figures of the report `request` asks for (its format aside), and the outlines for its map.
    /// - Throws: as ``render(_:store:observer:)``.
    public static func build(
        _ request: ReportRequest, store: some VerdictStore, observer: any ProgressObserver = QuietObserver()
    ) throws -> BuiltReport {
        let agreement = try Agreements.named(request.agreement, in: store)
        let zone = agreement.timeZone
        let now = Date()
        let window = agreement.outerSpan ?? agreement.span
        var start = (request.date ?? request.from).map { $0.instant(in: zone) } ?? window?.start ?? now.addingTimeInterval(-7 * 86_400)
        var end = (request.date ?? request.to).map { $0.adding(days: 1).instant(in: zone) } ?? min(window?.end ?? now, now)
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
            judge: Bundled.judge(observer: observer))
        var outlines: Outlines?
        var bundledOutlinesMissing = false
        if let boundaries = request.boundaries {
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
            bundledOutlinesMissing = true
        }
        return BuiltReport(report: report, outlines: outlines, bundledOutlinesMissing: bundledOutlinesMissing)
    }

    /// Renders the report and writes it into `directory` (created if missing).
    /// - Returns: the report as rendered, and the path of the file written.
    /// - Throws: as ``render(_:store:observer:)``, and ``Failure`` when the file cannot be written.
    public static func write(
        _ request: ReportRequest, into directory: String, store: some VerdictStore, observer: any ProgressObserver = QuietObserver()
    ) throws -> (report: RenderedReport, path: String) {
        let report = try render(request, store: store, observer: observer)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(report.fileName)
        do { try report.text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw Failure(message: "\(path): cannot be written: \(error.localizedDescription)", kind: .invalidInput)
        }
        return (report, path)
    }
}
