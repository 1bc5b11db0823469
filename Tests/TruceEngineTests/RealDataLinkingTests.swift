import Foundation
import Testing
import TruceCore
import TruceEngine
import TruceIngest

/// The real datasets beside the checkout, at `../shared/data`, imported as `truce import` imports them.
enum RealData {
    static let directory = LinkingFixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var available: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path) }
    static var absentReason: Comment { "../shared/data is absent: the real-dataset linking tests are skipped" }

    /// Every record of the UCDP, ACLED and GDELT files, read once.
    static let records: [Incident] = {
        guard available else { return [] }
        let actors =
            (try? String(contentsOf: LinkingFixtures.repository.appendingPathComponent("data/actors.csv"), encoding: .utf8))
            .flatMap { try? ActorTable(csv: $0, file: "actors.csv") } ?? ActorTable(entries: [])
        let files: [(String, any DatasetFormat)] = [
            ("ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv", UCDPFormat(actors: actors)),
            ("acled/acled_afghanistan_2020-03_legacy_format.csv", ACLEDFormat(actors: actors)),
            ("acled/geosentinel_acled_data_sample.csv", ACLEDFormat(actors: actors)),
            ("gdelt/20161013151500.export.CSV", GDELTFormat()),
            ("gdelt/20260611091500.translation.export.CSV", GDELTFormat()),
        ]
        return files.flatMap { name, format in
            (try? format.read(file: directory.appendingPathComponent(name).path).incidents) ?? []
        }
    }()

    static let events = IncidentLinker().events(records)
}

@Suite("Events on the real ACLED, UCDP and GDELT files", .enabled(if: RealData.available, RealData.absentReason))
struct RealDataLinkingTests {
    let byID = Dictionary(RealData.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    func dataset(_ id: IncidentID) -> String { String(id.prefix { $0 != ":" }) }

    @Test("every file imports")
    func filesImport() {
        let counts = Dictionary(grouping: RealData.records, by: { dataset($0.id) }).mapValues(\.count)
        print("real records by dataset: \(counts.sorted { $0.key < $1.key })")
        #expect(counts["ucdp"] == 2_989 && counts["acled"] == 498 && (counts["gdelt"] ?? 0) > 4_000)
    }

    @Test("no GDELT statement, visit or meeting is linked to anything, nor may describe anything")
    func noStatementLinksToAStrike() {
        let statements = RealData.records.filter { $0.action == .noHostileAct }
        #expect(statements.count > 1_000)
        let apart = Set(statements.map(\.id))
        for event in RealData.events where event.records.contains(where: apart.contains) {
            #expect(event.records.count == 1 && event.mayDescribe.isEmpty, "\(event.records)")
        }
        #expect(!RealData.events.contains { $0.mayDescribe.contains(where: apart.contains) })
    }

    /// UCDP GED rows are events already, except where a source lists the dead one by one: MemoryBook's rows
    /// of single deaths make the largest events. On the 2014–2021 Ukraine file (2,989 rows) linking finds
    /// 1,960 events, 1,633 of them single rows; three have more than 20 rows, each one day's fighting at one
    /// place: the Ilovaisk breakout on 29 August 2014 (228 rows, 226 of them MemoryBook deaths around
    /// Novokaterynivka, Chervonosilske and Ilovaisk), Donetsk airport on 20 January 2015 (40) and Tsvitni Pisky
    /// on 5 September 2014 (28). Before linking stopped chaining, the largest group had 1,178 rows over many days.
    @Test("UCDP events look like real events: most are single rows, and the few large ones are one day at one place")
    func ucdpGroupsAreSmall() throws {
        let ucdp = RealData.events.filter { $0.records.allSatisfy { dataset($0) == "ucdp" } }
        let sizes = Dictionary(grouping: ucdp.map(\.records.count)) { $0 }.mapValues(\.count)
        print("UCDP events by size: \(sizes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
        #expect(Double(sizes[1] ?? 0) >= 0.8 * Double(ucdp.count))
        let large = ucdp.filter { $0.records.count > 20 }
        #expect(large.count <= 3)
        let largest = try #require(ucdp.max { $0.records.count < $1.records.count })
        #expect(largest.records.count <= 250)
        for event in large {
            let members = event.records.compactMap { byID[$0] }
            let days = Set(members.compactMap { $0.sources.first?["date_start"]?.prefix(10) })
            #expect(days.count == 1, "\(event.id): \(days.sorted())")
        }
        #expect(largest.records.compactMap { byID[$0]?.sources.first?["date_start"]?.prefix(10) }.allSatisfy { $0 == "2014-08-29" })
    }

    @Test("in every real event of several records, every two records fit")
    func realEventsAreWhole() {
        for event in RealData.events where event.records.count > 1 {
            let members = event.records.compactMap { byID[$0] }
            for (offset, a) in members.enumerated() {
                for b in members[(offset + 1)...] { #expect(IncidentLinker.describeSameEvent(a, b), "\(a.id) \(b.id)") }
            }
        }
    }
}
