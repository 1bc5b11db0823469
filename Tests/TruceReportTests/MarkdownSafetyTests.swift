import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceReport

@Suite("Report text safety")
struct ReportTextSafetyTests {
    static let catalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("agreements/2025").path

    /// Violations of the energy moratorium whose every text is hostile.
    static let incidents = """
        id,start,time_zone,country,admin1,place,latitude,longitude,action,target_category,target_subtype,target_name,perpetrator,claimant,claimant_party,description,source_url
        ex-<b>1</b>,2025-03-20,Europe/Kyiv,UA,"Kharkiv | Oblast\(HostileFixtures.controls)",1. list,49.99,36.23,drone_strike,energy,substation,<i>station</i>,RU,"<img src=x onerror=alert(1)>|`code`\(HostileFixtures.controls)",UA,"[click](javascript:alert(1)) **bold** <script>alert(1)</script>\(HostileFixtures.controls)| pipe
        # not a heading",https://example.org/<script>
        ex-2,2025-03-21,Europe/Kyiv,UA,- dash region,+ plus place,49.99,36.23,drone_strike,energy,substation,,RU,Reuters,,"_under_ ~strike~ \\ back",https://example.org/2

        """

    func report() throws -> MonitoringReport {
        let agreement = try #require(AgreementCatalog.read(paths: [Self.catalogue]).agreements.first { $0.id == "energy-moratorium-2025" })
        let batch = try TruceCSVFormat().read(bytes: Array(Self.incidents.utf8), file: "hostile.csv")
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        let start = try #require(StatedTime(parsing: "2025-03-18")).instant(in: agreement.timeZone)
        let period = TimeSpan(start: start, end: start.addingTimeInterval(14 * 86_400))
        return MonitoringReport.build(agreement: agreement, incidents: batch.incidents, evidence: [], period: period, asOf: period.end!)
    }

    /// Scalars other than line feed (and tab, where kept) that no report may carry.
    func hidden(in text: String, keepingTabs: Bool) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { DisplayText.isHidden($0) && $0 != "\n" && !(keepingTabs && $0 == "\t") }
    }

    /// The `|` that separate cells: those not escaped with a backslash.
    func cellSeparators(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test("Markdown report carries raw <script> and an ESC byte: every text is escaped, tables keep their columns")
    func markdownEscapes() throws {
        let report = try report()
        #expect(report.notable.count == 2 && report.claimants.count == 2)
        let markdown = try ReportRenderer.render(report, as: .md, outlines: nil)
        #expect(!markdown.contains("<script") && !markdown.contains("<img") && !markdown.contains("<b>") && !markdown.contains("<i>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && markdown.contains("ex-&lt;b&gt;1&lt;/b&gt;"))
        #expect(hidden(in: markdown, keepingTabs: false).isEmpty, "\(hidden(in: markdown, keepingTabs: false))")
        #expect(!markdown.contains("[click](") && markdown.contains("\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\*"))
        #expect(markdown.contains("\\_under\\_ \\~strike\\~ \\\\ back"))
        // Paragraphs that begin with a list marker stay paragraphs.
        #expect(markdown.contains("\n1\\. list, Kharkiv \\| Oblast") && markdown.contains("\n\\+ plus place, - dash region"))
        // No text became a heading, and every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("#") {
            #expect(line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### "), "\(line)")
            #expect(!line.contains("not a heading") || line.contains("\\# not a heading"))
        }
        var header: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            let cells = cellSeparators(line)
            if let header { #expect(cells == header, "\(line)") } else { header = cells }
        }
    }

    @Test("HTML report strips control characters and bidirectional overrides, and escapes markup")
    func htmlStripsControls() throws {
        let html = try ReportRenderer.render(try report(), as: .html, outlines: nil)
        #expect(hidden(in: html, keepingTabs: true).isEmpty, "\(hidden(in: html, keepingTabs: true))")
        #expect(!html.contains("<script") && !html.contains("<img") && html.contains("&lt;script&gt;"))
        #expect(html.contains("[31mred[0m\nback2Jtxet"))
    }

    @Test(
        "one-line text: line breaks and tabs become a space, other hidden characters go",
        arguments: [
            ("a\r\nb", "a b"), ("a\rb\nc\td", "a b c d"), ("\u{1B}[31mred\u{07}", "[31mred"), ("x\u{202E}y\u{2066}z\u{7F}\u{85}", "xyz "),
            ("ok ünïcødé", "ok ünïcødé"), ("", ""),
        ])
    func singleLine(text: String, shown: String) {
        #expect(DisplayText.singleLine(text) == shown)
    }
}
