import Foundation
import TruceCore
import TruceEngine

/// Renders a ``MonitoringReport``: one self-contained HTML file (inline SVG and CSS, prints on A4), Markdown
/// for pasting, or JSON for machines.
public enum ReportRenderer {
    public enum Format: String, CaseIterable, Sendable { case html, md, json }

    public static func render(_ report: MonitoringReport, as format: Format, outlines: Outlines?) throws -> String {
        switch format {
        case .json: return try TruceJSON.string(report, pretty: true) + "\n"
        case .md: return markdown(report)
        case .html: return html(report, outlines: outlines)
        }
    }

    // MARK: Figures in words

    /// The status badge's words: the status, and, for an agreement that ended without collapsing, that it
    /// describes the whole window.
    static func badge(_ report: MonitoringReport) -> String {
        let analytics = report.analytics
        return analytics.ended && analytics.status != .collapsed ? "ended · \(analytics.status.rawValue) over its window" : analytics.status.rawValue
    }

    static func summaryLines(_ report: MonitoringReport) -> [String] {
        let analytics = report.analytics
        let zone = analytics.timeZone
        let span = analytics.statusSpan
        let through = day(span.end.map { $0.addingTimeInterval(-1) } ?? span.start, zone)
        let over =
            analytics.ended
            ? "over its whole window (\(day(span.start, zone)) to \(through); the agreement had ended by the report's end)"
            : "over the last days before the report's moment (\(day(span.start, zone)) to \(through))"
        var lines = [
            "Compliance \(over): \(analytics.status.rawValue.uppercased()).",
            "Status rule: \(analytics.statusRule).",
            "The agreement's status at the end of the period: \(report.agreementStatus).",
        ]
        let days = analytics.days
        let verified = days.map { $0.violations[EvidenceLevel.verified.rawValue] ?? 0 }.reduce(0, +)
        lines.append(
            "\(violationPhrase(events: days.map(\.totalViolations).reduce(0, +), verified: verified, records: days.map(\.violationRecords).reduce(0, +)).capitalisedFirst) "
                + "in the period; possible violations: \(events(days.map(\.possibleViolations).reduce(0, +), records: days.map(\.possibleViolationRecords).reduce(0, +))). "
                + "An event is counted once however many records describe it.")
        let overall = analytics.overall
        if let rate = overall.rate {
            lines.append(
                "Since the window opened: \(violationPhrase(events: overall.violations, verified: overall.verifiedViolations, records: overall.violationRecords)) "
                    + "in \(String(format: "%.1f", rate.days)) day(s), \(rate.baselineCount) would-be violation event(s) in the "
                    + "\(String(format: "%.0f", rate.baselineDays)) day(s) before. " + rateText(rate))
        } else if let withheld = analytics.coverage.rateWithheld {
            lines.append(withheld + ".")
        }
        if let withheld = analytics.coverage.firstViolationWithheld {
            lines.append(withheld + ".")
        } else {
            lines.append(
                "First violation alleged: \(duration(overall.untilFirstAlleged)); first corroborated: \(duration(overall.untilFirstCorroborated)); "
                    + "first verified: \(duration(overall.untilFirstVerified)).")
        }
        if let share = analytics.uncertainShare {
            lines.append("Events left open by imprecise times or places: \(Int((share * 100).rounded()))%.")
        }
        lines.append(coverageLine(analytics.coverage, zone: zone))
        lines.append(
            "Outstanding conditions: \(analytics.outstandingConditions.isEmpty ? "none" : analytics.outstandingConditions.map { "\($0.holder): \($0.text)" }.joined(separator: "; "))."
        )
        return lines
    }

    /// The data the figures rest on: each dataset's records and date range, and the last import.
    static func coverageLine(_ coverage: CoverageStatement, zone: ZoneIdentifier) -> String {
        guard !coverage.datasets.isEmpty else { return "Data: no records." }
        let sets = coverage.datasets.map {
            "\($0.dataset) (\($0.records) record\($0.records == 1 ? "" : "s"), \(day($0.earliest, zone)) to \(day($0.latest, zone)))"
        }
        let imported = coverage.lastImport.map { "last import \(TimeText.utc($0))" } ?? "last import not recorded"
        return "Data: \(sets.joined(separator: "; ")); \(imported)."
    }

    /// `5 alleged violation events (7 records)`; verified events are named apart, as they rest on no claim alone.
    static func violationPhrase(events count: Int, verified: Int, records: Int) -> String {
        if verified == 0 { return "alleged violations: \(events(count, records: records))" }
        if verified == count { return "verified violations: \(events(count, records: records))" }
        return "violations: \(events(count, records: records)), \(verified) verified and \(count - verified) alleged"
    }

    /// `5 events (7 records)`.
    static func events(_ count: Int, records: Int) -> String {
        "\(count) event\(count == 1 ? "" : "s") (\(records) record\(records == 1 ? "" : "s"))"
    }

    static func rateText(_ rate: RateRatio) -> String {
        guard let ratio = rate.ratio else {
            return rate.count + rate.baselineCount == 0
                ? "No events in either period: no rate ratio."
                : "No events before the window: the rate ratio is unbounded (lower 95% bound \(String(format: "%.2f", rate.lower ?? 0)))."
        }
        let upper = rate.upper.map { String(format: "%.2f", $0) } ?? "∞"
        return "Rate ratio \(String(format: "%.2f", ratio)) (95% CI \(String(format: "%.2f", rate.lower ?? 0))–\(upper), exact conditional Poisson)."
    }

    static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "none" }
        let hours = Int(seconds / 3600)
        return hours < 48 ? "after \(hours) h" : "after \(hours / 24) days \(hours % 24) h"
    }

    static func day(_ date: Date, _ zone: ZoneIdentifier) -> String { ComplianceAnalytics.localDay(date, in: zone) }

    /// A table cell: `5 (7)`, events then records.
    static func cell(_ events: Int, records: Int) -> String { events == records ? String(events) : "\(events) (\(records))" }
}

/// Instants as reports print them.
enum TimeText {
    /// `2026-11-30 14:02 UTC`.
    static func utc(_ date: Date) -> String {
        let clock = ZoneIdentifier.utc.wallClock(at: date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(clock.year)-\(two(clock.month))-\(two(clock.day)) \(two(clock.hour)):\(two(clock.minute)) UTC"
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
