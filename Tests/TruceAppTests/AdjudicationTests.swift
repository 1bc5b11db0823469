import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("Adjudicating and listing verdicts, in-process")
struct AdjudicationTests {
    @Test("adjudication judges the new incidents against every agreement once, then finds nothing new")
    func adjudicationIsIncremental() throws {
        let (store, _) = try AppFixtures.emptyStore()
        _ = try Loading.agreements(from: [try Bundled.path(Bundled.catalogue)], into: store)
        _ = try Importer(format: "truce")!.importFile(AppFixtures.incidents, into: store)
        let first = try Adjudicating.run(store: store, all: false)
        #expect(first.judged == 3 && first.agreements == 6 && first.changedAgreements == 6, "\(first)")
        #expect((first.counts[.violation] ?? 0) >= 2, "the two strikes on a substation during the energy moratorium: \(first)")
        #expect(first.description.hasPrefix("judged 3 new or changed incident(s) against 6 agreement(s)"), "\(first)")
        let again = try Adjudicating.run(store: store, all: false)
        #expect(again.judged == 0 && again.changedAgreements == 0 && again.counts.values.allSatisfy { $0 == 0 }, "\(again)")
        let all = try Adjudicating.run(store: store, all: true)
        #expect(all.judged == 3 && all.counts == first.counts, "\(all)")
    }

    @Test("re-importing a changed incident replaces its row: its old verdicts go with it, its one source record is renewed")
    func changedIncidentIsJudgedAgain() throws {
        let (store, directory) = try AppFixtures.adjudicatedStore()
        let judged = { try Self.keys(VerdictListing.list(VerdictListRequest(unit: .record, limit: nil), in: store).rows) }
        let before = try judged().filter { $0.hasPrefix("app-001 ") }
        #expect(!before.isEmpty)
        let changed = directory.appendingPathComponent("changed.csv")
        let text = try String(contentsOfFile: AppFixtures.incidents, encoding: .utf8)
        try text.replacingOccurrences(of: "Drones hit a substation.", with: "Drones hit a substation twice.")
            .write(to: changed, atomically: true, encoding: .utf8)

        let summary = try Importer(format: "truce")!.importFile(changed.path, into: store)
        #expect(summary.updated == 1 && summary.unchanged == 2, "\(summary)")
        #expect(try judged().filter { $0.hasPrefix("app-001 ") }.isEmpty, "the old version's verdicts are gone")
        let stored = try #require(try store.incidents(matching: .all).first { $0.id == "app-001" })
        #expect(stored.sources.count == 1 && stored.description == "Drones hit a substation twice.")
        let again = try Adjudicating.run(store: store, all: false)
        #expect(again.judged == 1, "\(again)")
        #expect(try judged().filter { $0.hasPrefix("app-001 ") } == before)
    }

    @Test("verdicts listed a page of one row at a time hold every row of the full listing once, in order", arguments: VerdictUnit.allCases)
    func pagesCoverTheListing(unit: VerdictUnit) throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let everything = try VerdictListing.list(VerdictListRequest(unit: unit, limit: nil), in: store)
        #expect(everything.next == nil && everything.zone == nil)
        var paged: [String] = []
        var after: PagePosition?
        var pages = 0
        repeat {
            let page = try VerdictListing.list(VerdictListRequest(unit: unit, after: after, limit: 1), in: store)
            paged += Self.keys(page.rows)
            after = page.next
            pages += 1
        } while after != nil && pages < 100
        #expect(paged == Self.keys(everything.rows))
        #expect(paged.count >= 3, "\(paged)")
    }

    @Test("a filter on an agreement counts days in its zone; an unknown agreement is not found")
    func filterOnAnAgreement() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let moratorium = VerdictFilter(agreement: "energy-moratorium-2025", verdict: .violation)
        let listed = try VerdictListing.list(VerdictListRequest(filter: moratorium, unit: .record, limit: nil), in: store)
        #expect(listed.zone == ZoneIdentifier("Europe/Moscow"))
        #expect(Self.keys(listed.rows) == ["app-001 energy-moratorium-2025", "app-002 energy-moratorium-2025"])
        let oneDay = VerdictFilter(agreement: "energy-moratorium-2025", days: DayRange(from: StatedTime(year: 2025, month: 3, day: 21)))
        #expect(
            Self.keys(try VerdictListing.list(VerdictListRequest(filter: oneDay, unit: .record, limit: nil), in: store).rows) == [
                "app-002 energy-moratorium-2025"
            ])
        let unknown = try #require(throws: NotFound.self) {
            try VerdictListing.list(VerdictListRequest(filter: VerdictFilter(agreement: "no-such-agreement")), in: store)
        }
        #expect(unknown == NotFound(.agreement, id: "no-such-agreement"))
    }

    @Test("incidents listed under an agreement are those in its window and scope")
    func incidentsUnderAnAgreement() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let listed = try IncidentListing.list(IncidentListRequest(agreement: "gaza-ceasefire-2025"), in: store)
        #expect(listed.incidents.map(\.id) == ["app-003"])
        let gaza = try #require(try store.agreement(id: "gaza-ceasefire-2025"))
        #expect(listed.zone == gaza.timeZone)
        #expect(try IncidentListing.list(IncidentListRequest(party: "RU", limit: 1), in: store).incidents.map(\.id) == ["app-001"])
    }

    /// Each row as `incident agreement` (records) or `event agreement accused` (events).
    static func keys(_ rows: VerdictList.Rows) -> [String] {
        switch rows {
        case .records(let verdicts): return verdicts.map { "\($0.verdict.incident) \($0.verdict.agreement)" }
        case .events(let rows): return rows.map { "\($0.event) \($0.agreement) \($0.accused?.rawValue ?? "-")" }
        }
    }
}
