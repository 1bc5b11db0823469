import Foundation
import Testing
import TruceApp
import TruceCore
import TruceNews
import TruceStore

@Suite("Storing news reports' attacks")
struct NewsIngestTests {
    static let reports = """
        {"url": "https://news.example.org/kherson", "published": "2025-03-19T08:00:00Z", "title": "Kherson", "text": "Russian drones struck a substation in Kherson overnight, Ukraine's energy ministry said. The Kremlin denied striking energy facilities."}
        {"url": "https://news.example.org/broken", "published": "sometime", "text": "A report with a time that is no time."}
        """

    static func extract(_ directory: URL) throws -> [NewsReading.FileResult] {
        let file = directory.appendingPathComponent("reports.jsonl")
        try Self.reports.write(to: file, atomically: true, encoding: .utf8)
        return NewsReading.extract(NewsReading.Request(files: [file.path]))
    }

    @Test("each attack becomes an incident whose one claim is the speaker's, sourced to the article; a second run adds nothing")
    func storesClaimsOnce() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        let results = try Self.extract(directory)
        let first = try NewsIngest.store(results, into: store)
        #expect(first.map(\.summary) == [LoadSummary(new: 2, quarantined: 1)])
        #expect(try NewsIngest.store(try Self.extract(directory), into: store).map(\.summary) == [LoadSummary(unchanged: 2, quarantined: 1)])

        let stored = try store.incidents(matching: .all).sorted { $0.claims[0].stance.rawValue < $1.claims[0].stance.rawValue }
        #expect(stored.count == 2)
        let strike = try #require(stored.first { $0.claims[0].stance == .assertion })
        #expect(strike.id.hasPrefix("news:") && strike.sources[0].dataset == "news")
        #expect(strike.claims[0].claimant == "Ukraine's energy ministry" && strike.claims[0].claimantParty == "UA")
        #expect(strike.claims[0].accused == "RU" && strike.perpetrator?.party == "RU")
        #expect(strike.claims[0].source?.url == "https://news.example.org/kherson")
        #expect(strike.claims[0].source?.quote == "Russian drones struck a substation in Kherson overnight, Ukraine's energy ministry said.")
        #expect(strike.action == .droneStrike && strike.target.subtype == "substation")
        #expect(strike.location.place == "Kherson" && strike.location.country == "UA")
        #expect(strike.time.precision == .hour && strike.time.timeZone == ZoneIdentifier("Europe/Kyiv"))

        let denial = try #require(stored.first { $0.claims[0].stance == .denial })
        #expect(denial.claims[0].claimantParty == "RU" && denial.claims[0].accused == "RU" && denial.perpetrator == nil)
        #expect(denial.time.precision == .unstated, "no time word: reported on the publication day, not dated by it")
    }

    @Test("a record that is not an article is quarantined with its line, field and whole text")
    func quarantinesBadRecords() throws {
        let (store, directory) = try AppFixtures.emptyStore()
        _ = try NewsIngest.store(try Self.extract(directory), into: store)
        let kept = try store.quarantinedRecords()
        #expect(kept.count == 1)
        #expect(kept.first?.line == 2 && kept.first?.field == "published" && kept.first?.raw.contains("sometime") == true)
    }
}
