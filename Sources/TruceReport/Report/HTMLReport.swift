import Foundation
import TruceCore
import TruceEngine

extension ReportRenderer {
    static func html(_ report: MonitoringReport, outlines: Outlines?) -> String {
        func escape(_ text: String) -> String { SVG.escape(text) }
        let days = report.analytics.days
        let verified = days.contains { ($0.violations[EvidenceLevel.verified.rawValue] ?? 0) > 0 }
        let noun = verified ? "Violations" : "Alleged violations"
        let chart = TimeSeriesChart(days: days, window: report.windowDays, markers: report.agreement.statusChanges.map { ($0.day, $0.label) })
            .svg(title: "\(noun) per day (events), \(report.from) to \(report.to)")
        func bars(_ counts: [MonitoringReport.Count]) -> [BarChart.Bar] {
            counts.filter { $0.violations > 0 }.map {
                BarChart.Bar(label: $0.key, value: $0.violations, note: $0.violationRecords == $0.violations ? nil : "\($0.violationRecords) records")
            }
        }
        let unit = "\(noun.lowercased()): events, with their records where more"
        let parties = BarChart(bars: bars(report.byParty), unit: unit).svg(title: "\(noun) by accused party")
        let targets = BarChart(bars: bars(report.byTarget), unit: unit).svg(title: "\(noun) by target")
        let dots = report.mapDots
        let map = IncidentMap(dots: dots, outlines: outlines).svg(title: "Events by verdict and evidence")

        func table(_ title: String, _ counts: [MonitoringReport.Count]) -> String {
            let allegedOnly = !counts.contains { $0.verifiedViolations > 0 }
            let rows = counts.map {
                "<tr><td>\(escape($0.key))</td><td class=\"n\">\(cell($0.violations, records: $0.violationRecords))</td><td class=\"n\">\(cell($0.possibleViolations, records: $0.possibleViolationRecords))</td></tr>"
            }.joined()
            return
                "<table><thead><tr><th>\(title)</th><th>\(allegedOnly ? "alleged violations" : "violations")</th><th>possible</th></tr></thead><tbody>\(rows.isEmpty ? "<tr><td colspan=\"3\">none</td></tr>" : rows)</tbody></table>"
        }
        let claimants = report.claimants.map { claimant in
            "<tr><td>\(escape(claimant.claimant))</td><td>\(escape(claimant.speaksFor?.rawValue ?? "independent"))</td><td class=\"n\">\(claimant.claims)</td><td class=\"n\">\(claimant.events)</td><td>\(escape(claimant.accused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))</td><td class=\"n\">\(claimant.outOfScope)</td></tr>"
        }.joined()
        let casualties = report.casualties.map { row in
            "<tr><td>\(escape(row.claimant))</td><td>\(escape(row.speaksFor?.rawValue ?? "independent"))</td><td class=\"n\">\(row.events)</td><td class=\"n\">\(row.fatalities.map(String.init) ?? "–")</td><td class=\"n\">\(row.injured.map(String.init) ?? "–")</td></tr>"
        }.joined()
        let notable = report.notable.map { event in
            let checks = event.checks.map { check in
                "<li class=\"\(check.outcome.rawValue)\"><b>\(check.clause.rawValue)</b> \(check.outcome.rawValue)\(check.uncertainty.map { " (\($0.rawValue))" } ?? ""): \(escape(check.reason))</li>"
            }.joined()
            let sources = event.sources.map { "<li>\(escape($0))</li>" }.joined()
            let tolls = event.casualties.map { "<li>casualties claimed by \(escape($0.claimant)): \(escape(casualtyText($0.effects)))</li>" }.joined()
            let verdict =
                event.verdict == .violation && event.evidence != .verified
                ? "alleged violation" : event.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            return """
                <article class="incident"><h3>\(escape(event.event)) — \(verdict), \
                \(event.evidence.rawValue.replacingOccurrences(of: "_", with: " ")) · \(event.records.count) record\(event.records.count == 1 ? "" : "s")</h3>\
                <p>\(escape(event.place)). \(escape(event.description))</p><p class="meta">accused: \(escape(event.accused.joined(separator: ", "))) · \
                explained by record \(escape(event.incident))\(event.facts.map { " · " + escape($0) }.joined())</p><ul class="tolls">\(tolls)</ul>\
                <ul class="checks">\(checks)</ul><ul class="sources">\(sources)</ul></article>
                """
        }.joined(separator: "\n")
        let summary = summaryLines(report).map { "<li>\(escape($0))</li>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(report.agreement.title)) — \(report.from) to \(report.to)</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f23; max-width: 760px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 1.5em; margin-bottom: 0; } h2 { font-size: 1.15em; border-bottom: 1px solid #d0d7de; padding-bottom: 2px; margin-top: 1.6em; }
            h3 { font-size: 1em; margin-bottom: 0.2em; } .meta { color: #57606a; margin-top: 4px; }
            .status { display: inline-block; padding: 2px 10px; border-radius: 4px; font-weight: bold; color: #fff; }
            .status.holding { background: #0072B2; } .status.strained { background: #E69F00; color: #1b1f23; } .status.collapsing { background: #D55E00; } .status.collapsed { background: #555; } section#summary .meta { font-size: 0.9em; } ul.tolls { font-size: 0.9em; padding-left: 18px; }
            table { border-collapse: collapse; margin: 6px 0 12px; font-size: 0.92em; } th, td { border-bottom: 1px solid #e5e7eb; padding: 3px 10px 3px 0; text-align: left; } td.n { text-align: right; }
            .grid { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; } svg { max-width: 100%; height: auto; }
            ul.checks { font-size: 0.9em; padding-left: 18px; } ul.checks li.fail { color: #8a1c00; } ul.checks li.unknown { color: #7a5200; } ul.sources { font-size: 0.85em; color: #57606a; }
            article.incident { break-inside: avoid; }
            @page { size: A4; margin: 15mm; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } svg { break-inside: avoid; } }
            </style></head>
            <body>
            <h1>\(escape(report.agreement.title))</h1>
            <p class="meta">Monitoring report, \(report.from) to \(report.to) (days in \(escape(report.agreement.timeZone.rawValue))) · agreement <code>\(escape(report.agreement.id))</code> · \(report.agreement.kind.rawValue) · parties: \(escape(report.agreement.parties.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")))</p>
            <section id="summary"><h2>Summary</h2><p><span class="status \(report.analytics.status.rawValue)">\(escape(badge(report)))</span></p><ul>\(summary)</ul>
            <p class="meta">Counts are events: the records that describe one happening count once, and their number follows in brackets where it differs. Per-party figures count an event for each party accused of it. Violations rest on claims (alleged) unless a monitor verified them.</p></section>
            <section id="chart"><h2>\(noun) per day</h2>\(chart)</section>
            <section id="breakdowns"><h2>\(noun) by party, region and target</h2><div class="grid"><div>\(parties)</div><div>\(targets)</div></div>
            <div class="grid">\(table("party", report.byParty))\(table("region", report.byRegion))\(table("target", report.byTarget))</div></section>
            <section id="map"><h2>Map</h2>\(map)<p class="meta">\(dots.count) event(s) with a point; events known only to a region or country are not drawn.</p></section>
            <section id="casualties"><h2>Casualties as claimed</h2><table><thead><tr><th>claimant</th><th>speaks for</th><th>events</th><th>killed</th><th>injured</th></tr></thead><tbody>\(casualties.isEmpty ? "<tr><td colspan=\"5\">none reported</td></tr>" : casualties)</tbody></table>
            <p class="meta">Each claimant's own figures over the period's counted events; figures of different claimants are never added together.</p></section>
            <section id="claims"><h2>Claims and who made them</h2><table><thead><tr><th>claimant</th><th>speaks for</th><th>claims</th><th>events</th><th>accused</th><th>out of scope</th></tr></thead><tbody>\(claimants.isEmpty ? "<tr><td colspan=\"6\">none</td></tr>" : claimants)</tbody></table>
            <p class="meta">Every claim on the period's records about the agreement's parties, including those the agreement does not cover (out of scope). Truce is neutral: each accusation is the claimant's claim, with its source, not a finding of fact.</p></section>
            <section id="notable"><h2>Notable events</h2>\(notable.isEmpty ? "<p>None in the period.</p>" : notable)</section>
            </body></html>

            """
    }
}

extension MonitoringReport {
    /// Every event of the period with a point, for the map.
    public var mapDots: [IncidentMap.Dot] {
        points.map {
            IncidentMap.Dot(
                coordinate: $0.coordinate, verdict: $0.verdict, evidence: $0.evidence,
                label: "\($0.event): \($0.verdict.rawValue) (\($0.records.count) record\($0.records.count == 1 ? "" : "s"))")
        }
    }
}
