import Foundation
import Testing
import TruceApp
import TruceCore
import TruceReport
import TruceStore

@Suite("Reports, explanations and exports, in-process")
struct ReportExplainExportTests {
    @Test("a report renders as JSON with the records it counts, and as HTML over the bundled outlines; it writes where asked")
    func reportRendersAndWrites() throws {
        let (store, directory) = try AppFixtures.adjudicatedStore()
        let request = ReportRequest(
            agreement: "energy-moratorium-2025", from: StatedTime(year: 2025, month: 3, day: 18), to: StatedTime(year: 2025, month: 3, day: 24),
            format: .json)
        let json = try Reporting.render(request, store: store)
        #expect(json.fileName == "energy-moratorium-2025_2025-03-18_2025-03-24.json")
        #expect(!json.bundledOutlinesMissing)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[String: Any]])
        let records = Set(points.flatMap { $0["records"] as? [String] ?? [] })
        #expect(records.isSuperset(of: ["app-001", "app-002"]), "\(records)")

        var html = request
        html.format = .html
        let written = try Reporting.write(html, into: directory.appendingPathComponent("reports").path, store: store)
        #expect(written.path.hasSuffix("reports/energy-moratorium-2025_2025-03-18_2025-03-24.html"))
        #expect(try String(contentsOfFile: written.path, encoding: .utf8) == written.report.text)
        #expect(written.report.text.contains("class=\"outline\""), "the map draws the bundled country outlines")

        let unknown = try #require(throws: NotFound.self) { try Reporting.render(ReportRequest(agreement: "no-such-agreement"), store: store) }
        #expect(unknown == NotFound(.agreement, id: "no-such-agreement"))
        var outlines = request
        outlines.boundaries = directory.appendingPathComponent("nowhere.geojson").path
        let unreadable = try #require(throws: Failure.self) { try Reporting.render(outlines, store: store) }
        #expect(unreadable.message.contains("nowhere.geojson") && unreadable.kind == .invalidInput, "\(unreadable)")
    }

    @Test("an explanation judges the incident clause by clause against each agreement, with its event")
    func explanation() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let one = try Explaining.explain(incident: "app-001", agreement: "energy-moratorium-2025", store: store)
        #expect(one.incident.id == "app-001" && one.incident.sources.count == 1)
        let verdict = try #require(one.verdicts.first)
        #expect(one.verdicts.count == 1 && verdict.kind == .violation)
        #expect(!verdict.checks.isEmpty && verdict.checks.allSatisfy { !$0.reason.isEmpty })
        #expect(one.evidence?.incident == "app-001")
        #expect(!one.linkedWith.contains("app-001"))

        #expect(try Explaining.explain(incident: "app-003", store: store).verdicts.map(\.agreement).count == 6)
        #expect(throws: NotFound(.incident, id: "app-999")) { try Explaining.explain(incident: "app-999", store: store) }
        #expect(throws: NotFound(.agreement, id: "nope")) { try Explaining.explain(incident: "app-001", agreement: "nope", store: store) }
    }

    @Test("an export of verdicts writes one CSV row per stored verdict the filter selects")
    func verdictExport() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let filter = VerdictFilter(agreement: "energy-moratorium-2025")
        let export = try Export(ExportRequest(kind: .verdicts, format: .csv, filter: filter), from: store)
        #expect(export.zone == ZoneIdentifier("Europe/Moscow"))
        let (count, text) = try Self.written(export)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "incident,agreement,verdict,evidence,perpetrator,start,country,admin1,open_clauses,rules_version")
        guard case .records(let stored) = try VerdictListing.list(VerdictListRequest(filter: filter, unit: .record, limit: nil), in: store).rows
        else {
            Issue.record("a record listing lists records")
            return
        }
        #expect(count == stored.count && lines.count == count + 1, "\(text)")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == stored.map(\.verdict.incident))
        #expect(throws: NotFound(.agreement, id: "nope")) {
            try Export(ExportRequest(kind: .verdicts, filter: VerdictFilter(agreement: "nope")), from: store)
        }
    }

    @Test("incidents exported as Truce CSV import back into another store as the same incidents")
    func incidentExportImportsBack() throws {
        let (store, directory) = try AppFixtures.adjudicatedStore()
        let (count, text) = try Self.written(try Export(ExportRequest(kind: .incidents, format: .csv), from: store))
        #expect(count == 3)
        let file = directory.appendingPathComponent("exported.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (other, _) = try AppFixtures.emptyStore()
        #expect(try Importer(format: "truce")!.importFile(file.path, into: other) == LoadSummary(new: 3))
        let ids = { (store: SQLiteStore) in try store.incidents(matching: .all).map(\.id) }
        #expect(try ids(other) == ids(store))
    }

    /// What `export` writes, and the count it returns.
    static func written(_ export: Export) throws -> (count: Int, text: String) {
        var bytes: [UInt8] = []
        let count = try export.write(to: BufferedOutput(capacity: 64) { bytes += $0 })
        return (count, String(decoding: bytes, as: UTF8.self))
    }
}
