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

    // MARK: Markdown

    static func markdown(_ report: MonitoringReport) -> String {
        var out = "# \(report.agreement.title)\n\n"
        out += "Report for \(report.from) to \(report.to) (\(report.agreement.timeZone)); agreement `\(report.agreement.id)`.\n\n"
        out += "## Summary\n\n" + summaryLines(report).map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        out += "## Violations by day\n\n| day | single claim | contested | corroborated | verified | possible |\n|---|---:|---:|---:|---:|---:|\n"
        for day in report.analytics.days {
            out += "| \(day.date) | " + EvidenceLevel.allCases.map { String(day.violations[$0.rawValue] ?? 0) }.joined(separator: " | ") + " | \(day.possibleViolations) |\n"
        }
        for (title, counts) in [("party", report.byParty), ("region", report.byRegion), ("target", report.byTarget)] {
            out += "\n## By \(title)\n\n| \(title) | violations | possible |\n|---|---:|---:|\n"
            out += counts.map { "| \($0.key) | \($0.violations) | \($0.possibleViolations) |" }.joined(separator: "\n") + (counts.isEmpty ? "| none | 0 | 0 |" : "") + "\n"
        }
        out += "\n## Claims and who made them\n\n| claimant | speaks for | claims | accused |\n|---|---|---:|---|\n"
        for claimant in report.claimants {
            out += "| \(claimant.claimant) | \(claimant.speaksFor?.rawValue ?? "independent") | \(claimant.claims) | \(claimant.accused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) |\n"
        }
        out += "\n## Notable incidents\n"
        for incident in report.notable {
            out += "\n### \(incident.incident): \(incident.verdict.rawValue), \(incident.evidence.rawValue)\n\n\(incident.place). \(incident.description)\n\n"
            out += incident.checks.map { "- **\($0.clause.rawValue)** \($0.outcome.rawValue)\($0.uncertainty.map { " (\($0.rawValue))" } ?? ""): \($0.reason)" }.joined(separator: "\n") + "\n"
            out += incident.sources.map { "- source: \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
