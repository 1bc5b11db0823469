import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceReport

@Suite("Model completeness: exports")
struct ModelCompletenessExportTests {
    static func incidents() throws -> [Incident] {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TruceIngestTests/Fixtures/model-completeness.csv").path
        return try TruceCSVFormat().read(file: fixture).incidents
    }

    @Test("outcome, acts, several countries, an unstated time and a denial with its counter-claim export as Truce CSV and read back the same")
    func truceCSVRoundTrip() throws {
        let incidents = try Self.incidents()
        let csv = try TruceCSVExport.layout.text(of: incidents)
        let again = try TruceCSVFormat().read(bytes: Array(csv.utf8), file: "export.csv")
        #expect(again.quarantined.isEmpty, "\(again.quarantined.map(\.reason))")
        #expect(again.incidents.count == incidents.count)
        for (original, read) in zip(incidents, again.incidents) {
            #expect(read.time == original.time && read.outcome == original.outcome && read.acts == original.acts, "\(original.id)")
            #expect(read.location.countries == original.location.countries && read.action == original.action)
            #expect(read.claims.map(\.stance) == original.claims.map(\.stance) && read.claims.map(\.accused) == original.claims.map(\.accused))
        }
        #expect(csv.contains(",19,") && csv.contains("RU;UA") && csv.contains(",unstated,"))
        #expect(TruceCSVExport.columns == TruceCSVFormat.columns)
    }

    @Test("a denial exported as a claim says denial, so it is never read as an accusation")
    func claimStance() throws {
        let denial = try #require(try Self.incidents().first { $0.id == "mc-denial" })
        let csv = try ExportFormat.csv.claims.text(of: denial.claims.map { (incident: denial, claim: $0) })
        #expect(csv.hasPrefix("incident,claimant,claimant_party,accused,source_url,published,stance\n"))
        #expect(csv.contains(",UA,https://example.org/mc-7,2025-03-21,denial\n"))
        let jsonl = try ExportFormat.jsonl.claims.text(of: denial.claims.map { (incident: denial, claim: $0) })
        let row = try JSONDecoder().decode(ClaimRow.self, from: Data(jsonl.utf8))
        #expect(row.stance == .denial && row.accused == "UA")
        let geojson = try ExportFormat.geojson.incidents.text(of: try Self.incidents())
        #expect(geojson.contains("\"acts\":19") && geojson.contains("\"countries\":\"RU;UA\"") && geojson.contains("\"outcome\":\"intercepted\""))
    }
}
