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

    static func summaryLines(_ report: MonitoringReport) -> [String] {
        let analytics = report.analytics
        var lines = [
            "Compliance: \(analytics.status.rawValue.uppercased()). Rule: \(analytics.statusRule).",
            "The agreement's status at the end of the period: \(report.agreementStatus).",
        ]
        let overall = analytics.overall
        lines.append("Violations in the period: \(analytics.days.map(\.totalViolations).reduce(0, +)); possible violations: \(analytics.days.map(\.possibleViolations).reduce(0, +)).")
        if let rate = overall.rate {
            lines.append("Since the window opened: \(overall.violations) violation(s) in \(String(format: "%.1f", rate.days)) day(s), \(rate.baselineCount) would-be violation(s) in the \(String(format: "%.0f", rate.baselineDays)) day(s) before. " + rateText(rate))
        }
        lines.append("First violation alleged: \(duration(overall.untilFirstAlleged)); first corroborated: \(duration(overall.untilFirstCorroborated)); first verified: \(duration(overall.untilFirstVerified)).")
        if let share = analytics.uncertainShare {
            lines.append("Verdicts left open by imprecise times or places: \(Int((share * 100).rounded()))%.")
        }
        lines.append("Outstanding conditions: \(analytics.outstandingConditions.isEmpty ? "none" : analytics.outstandingConditions.map { "\($0.holder): \($0.text)" }.joined(separator: "; ")).")
        return lines
    }

    static func rateText(_ rate: RateRatio) -> String {
        guard let ratio = rate.ratio else {
            return rate.count + rate.baselineCount == 0 ? "No events in either period: no rate ratio." : "No events before the window: the rate ratio is unbounded (lower 95% bound \(String(format: "%.2f", rate.lower ?? 0)))."
        }
        let upper = rate.upper.map { String(format: "%.2f", $0) } ?? "∞"
        return "Rate ratio \(String(format: "%.2f", ratio)) (95% CI \(String(format: "%.2f", rate.lower ?? 0))–\(upper), exact conditional Poisson)."
    }

    static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "none" }
        let hours = Int(seconds / 3600)
        return hours < 48 ? "after \(hours) h" : "after \(hours / 24) days \(hours % 24) h"
    }
}
