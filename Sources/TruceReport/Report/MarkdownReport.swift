import Foundation
import TruceCore
import TruceEngine

extension ReportRenderer {
    /// The report as Markdown. Every text that comes from agreements, incidents or claims goes through
    /// ``MarkdownText``: it shows as written and adds neither HTML nor Markdown markup.
    static func markdown(_ report: MonitoringReport) -> String {
        let text = MarkdownText.inline
        var out = "# \(text(report.agreement.title))\n\n"
        out +=
            "Report for \(report.from) to \(report.to) (\(text(report.agreement.timeZone.rawValue))); agreement \(MarkdownText.code(report.agreement.id)).\n\n"
        out += "**Status: \(badge(report))**\n\n"
        out += "## Summary\n\n" + summaryLines(report).map { "- \(text($0))" }.joined(separator: "\n") + "\n\n"
        out +=
            "Counts are events (records linked as one happening count once), with their records in brackets where they differ. "
            + "Violations rest on claims (alleged) unless verified.\n\n"
        out +=
            "## Alleged violations by day (events)\n\n| day | single claim | contested | corroborated | verified | possible | records |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for day in report.analytics.days {
            out +=
                "| \(day.date) | " + EvidenceLevel.allCases.map { String(day.violations[$0.rawValue] ?? 0) }.joined(separator: " | ")
                + " | \(day.possibleViolations) | \(day.violationRecords + day.possibleViolationRecords) |\n"
        }
        for (title, counts) in [("party", report.byParty), ("region", report.byRegion), ("target", report.byTarget)] {
            let noun = counts.contains { $0.verifiedViolations > 0 } ? "violations" : "alleged violations"
            out += "\n## By \(title)\n\n| \(title) | \(noun): events (records) | verified | possible: events (records) |\n|---|---:|---:|---:|\n"
            out +=
                counts.map {
                    "| \(text($0.key)) | \(cell($0.violations, records: $0.violationRecords)) | \($0.verifiedViolations) | \(cell($0.possibleViolations, records: $0.possibleViolationRecords)) |"
                }.joined(separator: "\n") + (counts.isEmpty ? "| none | 0 | 0 | 0 |" : "") + "\n"
        }
        out +=
            "\n## Casualties as claimed\n\nEach claimant's own figures over the period's counted events; figures of different claimants are never added together.\n\n"
        out += "| claimant | speaks for | events | killed | injured |\n|---|---|---:|---:|---:|\n"
        for row in report.casualties {
            out +=
                "| \(text(row.claimant)) | \(text(row.speaksFor?.rawValue ?? "independent")) | \(row.events) | \(row.fatalities.map(String.init) ?? "-") | \(row.injured.map(String.init) ?? "-") |\n"
        }
        if report.casualties.isEmpty { out += "| none | - | 0 | - | - |\n" }
        out +=
            "\n## Claims and who made them\n\nEvery claim on the period's records about the agreement's parties, including those the agreement does not cover.\n\n"
        out += "| claimant | speaks for | claims | events | accused | out of scope |\n|---|---|---:|---:|---|---:|\n"
        for claimant in report.claimants {
            let accused = claimant.accused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out +=
                "| \(text(claimant.claimant)) | \(text(claimant.speaksFor?.rawValue ?? "independent")) | \(claimant.claims) | \(claimant.events) | \(text(accused)) | \(claimant.outOfScope) |\n"
        }
        out += "\n## Notable events\n"
        for event in report.notable {
            let verdict =
                event.verdict == .violation && event.evidence != .verified
                ? "alleged violation" : event.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            out +=
                "\n### \(text(event.event)): \(verdict), \(event.evidence.rawValue) (\(event.records.count) record\(event.records.count == 1 ? "" : "s"))\n\n"
            out += "\(MarkdownText.paragraph(event.place)). \(text(event.description))\n\n"
            out += "- accused: \(text(event.accused.joined(separator: ", "))); explained by record \(text(event.incident))\n"
            out += event.facts.map { "- \(text($0))\n" }.joined()
            out +=
                event.casualties.map { "- casualties claimed by \(text($0.claimant)): \(casualtyText($0.effects))" }.joined(separator: "\n")
                + (event.casualties.isEmpty ? "" : "\n")
            out +=
                event.checks.map {
                    "- **\($0.clause.rawValue)** \($0.outcome.rawValue)\($0.uncertainty.map { " (\($0.rawValue))" } ?? ""): \(text($0.reason))"
                }.joined(separator: "\n") + "\n"
            out += event.sources.map { "- source: \(text($0))" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// `3 killed, 5 injured`.
    static func casualtyText(_ effects: Effects) -> String {
        [effects.fatalities.map { "\($0) killed" }, effects.injured.map { "\($0) injured" }].compactMap { $0 }.joined(separator: ", ")
    }
}
