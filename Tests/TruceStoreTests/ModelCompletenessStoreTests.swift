import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore

@Suite("Model completeness: the store keeps every new field")
struct ModelCompletenessStoreTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TruceIngestTests/Fixtures/model-completeness.csv").path

    static func filledStore() throws -> (SQLiteStore, [Incident]) {
        let incidents = try TruceCSVFormat().read(file: fixture).incidents
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        _ = try store.save(incidents: incidents, quarantined: [])
        return (store, incidents)
    }

    @Test("unstated times, outcomes, acts, several countries and denials round-trip through the store, and saving again changes nothing")
    func roundTrip() throws {
        let (store, incidents) = try Self.filledStore()
        #expect(incidents.count == 8)
        let stored = try store.incidents(matching: .all)
        #expect(Set(stored) == Set(incidents))
        let again = try store.save(incidents: incidents, quarantined: [])
        #expect(again.unchanged == incidents.count && again.new == 0 && again.updated == 0)
    }

    @Test("the summary read, enough to count and judge, carries outcome, acts, several countries and the unstated precision")
    func summaryCarriesWhatJudgingNeeds() throws {
        let (store, incidents) = try Self.filledStore()
        let summaries = Dictionary(uniqueKeysWithValues: try store.incidents(matching: IncidentQuery(detail: .summary)).map { ($0.id, $0) })
        for incident in incidents {
            let summary = try #require(summaries[incident.id])
            #expect(summary.outcome == incident.outcome && summary.acts == incident.acts, "\(incident.id)")
            #expect(summary.location.countries == incident.location.countries && summary.time.precision == incident.time.precision)
        }
    }

    @Test("an incident in Russia and Ukraine is listed under either country")
    func severalCountriesFilter() throws {
        let (store, _) = try Self.filledStore()
        #expect(try store.incidents(matching: IncidentQuery(country: "UA")).map(\.id).contains("mc-countries"))
        #expect(try store.incidents(matching: IncidentQuery(country: "RU")).map(\.id).contains("mc-countries"))
        #expect(!(try store.incidents(matching: IncidentQuery(country: "PS")).map(\.id).contains("mc-countries")))
    }
}
