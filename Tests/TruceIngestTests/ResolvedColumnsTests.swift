import Foundation
import Testing
import TruceCore
import TruceIngest

/// The row paths that skip per-row work give the same results as the slower ones they replace.
@Suite("Columns resolved once, dates read from digits, keywords and zone offsets worked out once")
struct ResolvedColumnsTests {
    @Test("a header resolved once gives each named column's position by index, and none for a column it lacks")
    func resolvedPositions() {
        let header = HeaderIndex(names: ["b", " a ", "c", "a"]).resolving(["a", "missing", "c"])
        #expect(header.position(ofKnown: 0) == 1)
        #expect(header.position(ofKnown: 1) == nil)
        #expect(header.position(ofKnown: 2) == 2)
        #expect(header.position(ofKnown: 3) == nil)
        #expect(HeaderIndex(names: ["a"]).position(ofKnown: 0) == nil)
    }

    /// One 61-field GDELT line with `values` set by column name and everything else empty.
    func gdelt(_ values: [String: String]) throws -> IncidentBatch {
        var line = ["GLOBALEVENTID": "42", "SQLDATE": "20250320", "EventCode": "190", "QuadClass": "4", "DATEADDED": "20250320081500"]
        line.merge(values) { _, new in new }
        let text = GDELTFormat.columnNames.map { line[$0] ?? "" }.joined(separator: "\t") + "\n"
        return try GDELTFormat().read(bytes: Array(text.utf8), file: "one.tsv")
    }

    @Test("GDELT's SQLDATE and DATEADDED read from their digits give the day and UTC time, and bad ones are refused")
    func gdeltDigitDates() throws {
        let incident = try #require(
            try gdelt(["SQLDATE": "20240229", "DATEADDED": "20240301235959", "SOURCEURL": "https://example.org/a"]).incidents.first)
        #expect(incident.time.span.start == Date(timeIntervalSince1970: 1_709_164_800))  // 2024-02-29T00:00Z
        #expect(incident.claims.first?.source?.published == StatedTime(parsing: "2024-03-01T23:59:59Z")?.description)
        #expect(incident.sources.first?.release == "20240301235959")
        for (column, text) in [
            ("SQLDATE", "20230229"), ("SQLDATE", "2023021"), ("SQLDATE", "202302011"), ("SQLDATE", "2023-2-1"),
            ("DATEADDED", "20240301240000"), ("DATEADDED", "20240301236000"), ("DATEADDED", "2024030123595"), ("DATEADDED", "20241301000000"),
        ] {
            let batch = try gdelt([column: text])
            #expect(batch.incidents.isEmpty, "\(column) \(text)")
            #expect(batch.quarantined.first?.reason.contains(column) == true, "\(column) \(text)")
        }
    }

    @Test("keywords worked out once match exactly as the same words given as strings")
    func keywordsOnce() {
        let words = ["drone", "бпла", "air defen"]
        let keywords = TargetKeywords.Keywords(words)
        for text in ["A DRONE hit", "undrone", "Збили БпЛА", "the air defence", "airdefence", ""] {
            #expect(TargetKeywords.mentions(keywords, in: text) == TargetKeywords.mentions(words, in: text), "\(text)")
        }
    }

    @Test("local midnights across a change of clocks resolve to the same instants when asked again")
    func zoneOffsetsCached() throws {
        let kyiv = try #require(ZoneIdentifier("Europe/Kyiv"))
        for _ in 0..<2 {
            // Midnight in Kyiv is 22:00Z the day before on the 30th (UTC+2), 21:00Z on the 31st (UTC+3).
            #expect(StatedTime(year: 2025, month: 3, day: 30).instant(in: kyiv) == Date(timeIntervalSince1970: 1_743_285_600))
            #expect(StatedTime(year: 2025, month: 3, day: 31).instant(in: kyiv) == Date(timeIntervalSince1970: 1_743_368_400))
        }
    }
}
