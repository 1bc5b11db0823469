import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceStore
import TruceTestSupport

@Suite("Reading incidents and verdicts in pages")
struct PagingTests {
    /// 60 incidents on six distinct start times (so many share a second), ids in no particular order, two
    /// parties, two regions, two categories, some open-ended.
    static func incidents() throws -> [Incident] {
        var csv = "id,start,end,time_zone,country,admin1,target_category,perpetrator,claimant,source_url\n"
        for n in 0..<60 {
            let start = "2025-03-\(18 + n % 6)T10:00"
            let end = n % 5 == 0 ? "" : "2025-04-0\(1 + n % 3)T10:00"
            csv +=
                "pg-\((n * 37) % 60),\(start),\(end),Europe/Kyiv,UA,\(n % 2 == 0 ? "Kharkiv Oblast" : "Odesa Oblast"),"
                + "\(n % 3 == 0 ? "energy" : "civilian"),\(n % 4 == 0 ? "UA" : "RU"),Reuters,https://example.org/\(n)\n"
        }
        let batch = try TruceCSVFormat().read(bytes: Array(csv.utf8), file: "paging.csv")
        #expect(batch.quarantined.isEmpty && batch.incidents.count == 60)
        return batch.incidents
    }

    func filledStore() throws -> SQLiteStore {
        let directory = try ScratchDirectory.make("truce-paging")
        let store = try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
        let agreements = AgreementCatalog.read(paths: [StoreTests.catalogue]).agreements
        _ = try store.save(agreements: agreements)
        let incidents = try Self.incidents()
        _ = try store.save(incidents: incidents, quarantined: [])
        let kinds: [VerdictKind] = [.violation, .possibleViolation, .notAViolation]
        let verdicts = incidents.enumerated().flatMap { index, incident in
            agreements.prefix(1 + index % 3).enumerated().map { order, agreement in
                Verdict(incident: incident.id, agreement: agreement.id, kind: kinds[(index + order) % 3], checks: [], rulesVersion: "test")
            }
        }
        try store.save(AdjudicationRun(incidents: incidents.map(\.id), agreements: agreements.map(\.id), verdicts: verdicts, rulesVersion: "test"))
        try store.save(
            evidence: incidents.enumerated().filter { $0.offset % 2 == 0 }.map {
                EvidenceRecord(incident: $0.element.id, group: $0.element.id, level: $0.offset % 4 == 0 ? .corroborated : .singleClaim)
            })
        return store
    }

    @Test("pages of any size, read one after another, give exactly the incidents of one whole listing", arguments: [1, 2, 7, 59, 60, 1_000])
    func incidentPages(size: Int) throws {
        let store = try filledStore()
        let span = TimeSpan(
            start: try #require(StatedTime(parsing: "2025-03-20T00:00Z")).instant(in: .utc),
            end: try #require(StatedTime(parsing: "2025-03-22T00:00Z")).instant(in: .utc))
        let queries = [
            IncidentQuery.all, IncidentQuery(perpetrator: "RU"), IncidentQuery(during: span), IncidentQuery(category: .energy, country: "UA"),
            IncidentQuery(detail: .summary), IncidentQuery(perpetrator: "UA", detail: .withoutSourceFields),
        ]
        for query in queries {
            var paged: [Incident] = []
            var pages = 0
            try store.forEachPage(ofIncidentsMatching: query, pageSize: size) {
                #expect($0.count <= size)
                paged += $0
                pages += 1
            }
            let whole = try store.incidents(matching: query)
            #expect(paged == whole, "\(query)")
            #expect(!whole.isEmpty && pages == (whole.count + size - 1) / size)
        }
    }

    @Test("pages of verdicts, read one after another, give exactly the verdicts of one whole listing", arguments: [1, 3, 1_000])
    func verdictPages(size: Int) throws {
        let store = try filledStore()
        let queries = [
            VerdictQuery(), VerdictQuery(agreement: "energy-moratorium-2025"), VerdictQuery(perpetrator: "RU", kind: .violation),
            VerdictQuery(evidence: .corroborated), VerdictQuery(region: "Kharkiv"),
        ]
        for query in queries {
            var paged: [StoredVerdict] = []
            try store.forEachPage(ofVerdictsMatching: query, pageSize: size) { paged += $0 }
            let whole = try store.verdicts(matching: query)
            #expect(!whole.isEmpty && paged == whole, "\(query)")
        }
    }

    @Test("incidents by id come in the order asked, without the ids not stored")
    func incidentsByID() throws {
        let store = try filledStore()
        let ids = ["pg-7", "pg-missing", "pg-3", "pg-59", "pg-0"]
        let found = try store.incidents(ids: ids, detail: .full)
        #expect(found.map(\.id) == ["pg-7", "pg-3", "pg-59", "pg-0"])
        #expect(
            found
                == (try store.incidents(matching: .all)).filter { ids.contains($0.id) }.sorted {
                    ids.firstIndex(of: $0.id)! < ids.firstIndex(of: $1.id)!
                })
    }
}
