import Foundation
import TruceCore
import TruceEngine

extension ReportRenderer {
    /// The report as Markdown. Every text that comes from agreements, incidents or claims goes through
    /// ``MarkdownText``: it shows as written and adds neither HTML nor Markdown markup.
    static func markdown(_ report: MonitoringReport) -> String {
        let text = MarkdownText.inline
        var out = "# \(text(report.agreement.title))\n\n"
        out += "Report for \(report.from) to \(report.to) (\(text(report.agreement.timeZone.rawValue))); agreement \(MarkdownText.code(report.agreement.id)).\n\n"
        out += "## Summary\n\n" + summaryLines(report).map { "- \(text($0))" }.joined(separator: "\n") + "\n\n"
        out += "## Violations by day\n\n| day | single claim | contested | corroborated | verified | possible |\n|---|---:|---:|---:|---:|---:|\n"
        for day in report.analytics.days {
            out += "| \(day.date) | " + EvidenceLevel.allCases.map { String(day.violations[$0.rawValue] ?? 0) }.joined(separator: " | ") + " | \(day.possibleViolations) |\n"
        }
        for (title, counts) in [("party", report.byParty), ("region", report.byRegion), ("target", report.byTarget)] {
            out += "\n## By \(title)\n\n| \(title) | violations | possible |\n|---|---:|---:|\n"
            out += counts.map { "| \(text($0.key)) | \($0.violations) | \($0.possibleViolations) |" }.joined(separator: "\n") + (counts.isEmpty ? "| none | 0 | 0 |" : "") + "\n"
        }
        out += "\n## Claims and who made them\n\n| claimant | speaks for | claims | accused |\n|---|---|---:|---|\n"
        for claimant in report.claimants {
            let accused = claimant.accused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "| \(text(claimant.claimant)) | \(text(claimant.speaksFor?.rawValue ?? "independent")) | \(claimant.claims) | \(text(accused)) |\n"
        }
        out += "\n## Notable incidents\n"
        for incident in report.notable {
            out += "\n### \(text(incident.incident)): \(incident.verdict.rawValue), \(incident.evidence.rawValue)\n\n"
            out += "\(MarkdownText.paragraph(incident.place)). \(text(incident.description))\n\n"
            out += incident.checks.map { "- **\($0.clause.rawValue)** \($0.outcome.rawValue)\($0.uncertainty.map { " (\($0.rawValue))" } ?? ""): \(text($0.reason))" }.joined(separator: "\n") + "\n"
            out += incident.sources.map { "- source: \(text($0))" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
