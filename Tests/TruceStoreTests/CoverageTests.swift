import Foundation
import Testing
import TruceCore
import TruceStore

@Suite("What each dataset in the store covers")
struct CoverageTests {
    static func seconds(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

    @Test("coverage gives each dataset's records, earliest and latest start, and the last import that changed it")
    func coverageByDataset() throws {
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        #expect(try store.coverage().isEmpty)
        let (incidents, quarantined) = try StoreFixtures.examples()
        let before = Date().addingTimeInterval(-1)
        _ = try store.save(incidents: incidents, quarantined: quarantined)
        let coverage = try store.coverage()
        let byDataset = Dictionary(grouping: incidents) { $0.sources[0].dataset }
        #expect(coverage.map(\.dataset) == byDataset.keys.sorted())
        for entry in coverage {
            let members = byDataset[entry.dataset]!
            #expect(entry.records == members.count)
            #expect(entry.earliest == Self.seconds(members.map(\.time.span.start).min()!))
            #expect(entry.latest == Self.seconds(members.map(\.time.span.start).max()!))
            #expect(entry.lastImport.map { $0 >= Self.seconds(before) && $0 <= Date() } == true)
        }

        // An import that changes nothing leaves the figures and the import time alone.
        Thread.sleep(forTimeInterval: 1.1)
        _ = try store.save(incidents: incidents, quarantined: [])
        #expect(try store.coverage() == coverage)

        // A new, earlier record widens its dataset's range and counts once.
        var earlier = incidents[0]
        earlier.id = "earlier"
        earlier.time.span = TimeSpan(start: Date(timeIntervalSince1970: 1_600_000_000), end: Date(timeIntervalSince1970: 1_600_086_400))
        _ = try store.save(incidents: [earlier], quarantined: [])
        let widened = try #require(try store.coverage().first { $0.dataset == earlier.sources[0].dataset })
        #expect(widened.records == byDataset[earlier.sources[0].dataset]!.count + 1)
        #expect(widened.earliest == Date(timeIntervalSince1970: 1_600_000_000))
        #expect(widened.lastImport! > coverage.first { $0.dataset == widened.dataset }!.lastImport!)
    }
}
