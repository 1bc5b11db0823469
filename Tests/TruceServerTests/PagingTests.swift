import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TruceApp
import TruceServer
import TruceTestSupport

@Suite("Cursor paging of incidents")
struct PagingTests {
    @Test("cursor stability: with inserts between pages, every incident there at the first page is listed exactly once, in order")
    func cursorStableUnderInserts() async throws {
        let store = try ServerFixtures.store()
        var generator = SeededGenerator(seed: 12)
        try ServerFixtures.importGenerated(count: 60, prefix: "first", into: store, generator: &generator)
        let app = try ServerFixtures.application(store: store)
        let present = try await app.test(.router) { client in
            try await client.get("/api/v1/incidents?limit=1000").items().compactMap { $0["id"] as? String }
        }
        #expect(present.count == 64)
        let listed = try await app.test(.router) { client in
            var arrivals = SeededGenerator(seed: 13)
            var listed: [[String: Any]] = []
            var cursor: String?
            var round = 0
            repeat {
                let response = try await client.get("/api/v1/incidents?limit=7" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(response.status == .ok, "\(response.text)")
                listed += try response.items()
                cursor = try response.object()["next"] as? String
                // Between pages, more incidents arrive, before and after the cursor.
                round += 1
                try ServerFixtures.importGenerated(count: 5, prefix: "later-\(round)", into: store, generator: &arrivals)
            } while cursor != nil && round < 100
            let starts = listed.compactMap { (($0["time"] as? [String: Any])?["span"] as? [String: Any])?["start"] as? String }
            return (listed.compactMap { $0["id"] as? String }, starts)
        }
        let (ids, starts) = listed
        #expect(Set(ids).count == ids.count, "no incident is listed twice")
        #expect(Set(present).isSubset(of: Set(ids)), "no incident there at the first page is left out")
        #expect(starts.count == ids.count && starts == starts.sorted(), "pages follow the order of starts")
    }

    @Test("a page of agreement-scoped incidents goes on after its last incident, however many were screened out")
    func screenedPages() async throws {
        let store = try ServerFixtures.store()
        var generator = SeededGenerator(seed: 7)
        try ServerFixtures.importGenerated(count: 30, prefix: "scoped", into: store, generator: &generator)
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let whole = try await client.get("/api/v1/incidents?agreement=energy-moratorium-2025&limit=1000").items().compactMap {
                $0["id"] as? String
            }
            var paged: [String] = []
            var cursor: String?
            repeat {
                let response = try await client.get(
                    "/api/v1/incidents?agreement=energy-moratorium-2025&limit=4" + (cursor.map { "&cursor=\($0)" } ?? ""))
                let page = try response.items().compactMap { $0["id"] as? String }
                #expect(page.count <= 4)
                paged += page
                cursor = try response.object()["next"] as? String
            } while cursor != nil
            #expect(paged == whole && !whole.isEmpty)
        }
    }

    @Test("incidents selected by their verdicts are paged each once, though some have verdicts under two agreements")
    func verdictSelectedPages() async throws {
        let store = try ServerFixtures.store()
        // A second agreement with the energy moratorium's terms: each strike on energy is judged under both.
        let catalogue = URL(fileURLWithPath: try Bundled.path(Bundled.catalogue))
        let terms = try String(contentsOf: catalogue.appendingPathComponent("energy-moratorium-2025.yaml"), encoding: .utf8)
        let twin = try ScratchDirectory.make("twin").appendingPathComponent("energy-moratorium-twin.yaml")
        try terms.replacingOccurrences(of: "id: energy-moratorium-2025", with: "id: energy-moratorium-twin").write(
            to: twin, atomically: true, encoding: .utf8)
        _ = try Loading.agreements(from: [twin.path], into: store)
        var generator = SeededGenerator(seed: 5)
        try ServerFixtures.importGenerated(count: 25, prefix: "energy", month: 3, days: 18...31, into: store, generator: &generator)
        _ = try Adjudicating.run(store: store, all: false)
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let records = try await client.get("/api/v1/verdicts?by=record&verdict=violation&limit=1000").items()
            var expected: [String] = []
            for record in records {
                let incident = (record["verdict"] as? [String: Any])?["incident"] as? String ?? ""
                if expected.last != incident { expected.append(incident) }
            }
            #expect(records.count >= 2 * expected.count - 2 && expected.count > 20, "incidents have verdicts under both agreements")
            var paged: [String] = []
            var cursor: String?
            repeat {
                let response = try await client.get("/api/v1/incidents?verdict=violation&limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                paged += try response.items().compactMap { $0["id"] as? String }
                cursor = try response.object()["next"] as? String
            } while cursor != nil
            #expect(paged == expected && Set(paged).count == paged.count)
        }
    }

    @Test("a limit above the configured page size is refused; the default page size applies without one")
    func pageSizeBounds() async throws {
        let store = try ServerFixtures.store()
        let configuration = ServerFixtures.configuration {
            $0.maxPageSize = 3
            $0.defaultPageSize = 2
        }
        let app = try ServerFixtures.application(store: store, configuration: configuration)
        try await app.test(.router) { client in
            #expect(try await client.get("/api/v1/incidents?limit=4").status == .badRequest)
            let page = try await client.get("/api/v1/incidents")
            #expect(try page.items().count == 2 && (try page.object()["next"] as? String) != nil)
        }
    }
}
