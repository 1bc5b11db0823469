import Foundation
import GRDB
import Testing
import TruceCore
import TruceIngest

@testable import TruceStore

/// Region filters and whole incidents read a page at a time: the region is matched in SQL (so a page of a
/// region holds as many rows as asked, and nothing outside it is read whole), and a page's source records are
/// read in a few queries, not one per incident.
@Suite("Region filters and whole incidents in pages")
struct RegionPagingTests {
    @Test("a region filtered after reading left pages short: a page of a region's verdicts holds as many as asked", arguments: [2, 3, 5])
    func regionFilteredAfterReadingVerdicts(size: Int) throws {
        let store = try PagingTests().filledStore()
        for region in ["Kharkiv", "Харківська область", "UA-63", "UA"] {
            let whole = try store.verdicts(matching: VerdictQuery(region: region))
            #expect(whole.count > 2 * size && whole.allSatisfy { $0.admin1 == "Kharkiv Oblast" || region == "UA" }, "\(region)")
            var position: PagePosition?
            var paged: [StoredVerdict] = []
            repeat {
                let page = try store.verdicts(matching: VerdictQuery(region: region), after: position, limit: size)
                #expect(page.items.count == size || page.next == nil, "\(region): a page of \(page.items.count) before the last")
                paged += page.items
                position = page.next
            } while position != nil
            #expect(paged == whole, "\(region)")
        }
    }

    @Test("a region filtered after reading left pages short: a page of a region's incidents holds as many as asked")
    func regionFilteredAfterReadingIncidents() throws {
        let store = try PagingTests().filledStore()
        let everything = try store.incidents(matching: .all)
        for region in ["Odesa", "Odesa Oblast", "UA-51"] {
            let query = IncidentQuery(region: region, detail: .withoutSourceFields)
            var position: PagePosition?
            var paged: [Incident] = []
            repeat {
                let page = try store.incidents(matching: query, after: position, limit: 4)
                #expect(page.items.count == 4 || page.next == nil)
                paged += page.items
                position = page.next
            } while position != nil
            let expected = everything.filter { Regions.place(country: $0.location.country, admin1: $0.location.admin1, isIn: region) }
            #expect(paged.map(\.id) == expected.map(\.id) && expected.count == 30, "\(region)")
        }
        // A country code matches every incident in it; a name Truce does not know matches nothing here.
        #expect(try store.incidents(matching: IncidentQuery(region: "UA")).count == 60)
        #expect(try store.incidents(matching: IncidentQuery(region: "Atlantis")).isEmpty)
    }

    @Test("whole incidents read one query of source records per incident: a page of 60 now takes a handful of statements")
    func sourceRecordsQueriedPerIncident() throws {
        let store = try PagingTests().filledStore()
        let statements = StatementCount()
        let read = try store.writer.read { db in
            db.trace { _ in statements.add() }
            defer { db.trace(nil) }
            return try SQLiteStore.readIncidents("FROM incident ORDER BY start_unix, id", [], detail: .full, db: db).incidents
        }
        #expect(read.count == 60 && read.allSatisfy { !$0.sources.isEmpty && !$0.sources[0].fields.isEmpty })
        #expect(statements.value <= 4, "\(statements.value) statements for 60 incidents")
        // The same incidents as read one by one.
        let oneByOne = try read.map { try #require(try store.incidents(ids: [$0.id], detail: .full).first) }
        #expect(read == oneByOne)
    }
}

/// Counts traced statements (the trace runs on the reading connection's queue).
private final class StatementCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
