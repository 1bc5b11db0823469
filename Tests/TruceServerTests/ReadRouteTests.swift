import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TruceServer
import TruceTestSupport

@Suite("The read routes: status and body shape of each")
struct ReadRouteTests {
    @Test("GET /healthz answers 200 JSON with the store reachable")
    func health() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok && response.contentType == "application/json")
            let body = try response.object()
            #expect(body["status"] as? String == "ok" && body["store"] as? String == "reachable")
        }
    }

    @Test("agreements are listed, and one is given as JSON, or as YAML by Accept or by format=yaml")
    func agreements() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let list = try await client.get("/api/v1/agreements")
            #expect(list.status == .ok)
            let ids = try list.items().compactMap { $0["id"] as? String }
            #expect(ids.contains("energy-moratorium-2025") && ids == ids.sorted(), "\(ids)")

            let one = try await client.get("/api/v1/agreements/energy-moratorium-2025")
            #expect(try one.status == .ok && (one.object()["id"] as? String) == "energy-moratorium-2025")
            let yaml = try await client.get("/api/v1/agreements/energy-moratorium-2025", headers: [.accept: "application/yaml"])
            #expect(yaml.status == .ok && yaml.contentType == "application/yaml")
            #expect(yaml.text.contains("id: energy-moratorium-2025"), "\(yaml.text.prefix(200))")
            let byFormat = try await client.get("/api/v1/agreements/energy-moratorium-2025?format=yaml")
            #expect(byFormat.text == yaml.text)
        }
    }

    @Test("incidents are listed as JSON with next, filtered by every filter of verdicts list")
    func incidentFilters() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let all = try await client.get("/api/v1/incidents")
            #expect(all.status == .ok && all.contentType == "application/json")
            #expect(try all.items().compactMap { $0["id"] as? String } == ["srv-004", "srv-001", "srv-002", "srv-003"])
            #expect(try all.object()["next"] is NSNull)

            func ids(_ query: String) async throws -> [String] {
                let response = try await client.get("/api/v1/incidents?\(query)")
                #expect(response.status == .ok, "\(query): \(response.text)")
                return try response.items().compactMap { $0["id"] as? String }
            }
            #expect(try await ids("party=IL") == ["srv-004"])
            #expect(try await ids("country=ua") == ["srv-001", "srv-002", "srv-003"])
            #expect(try await ids("category=port") == ["srv-003"])
            #expect(try await ids("from=2025-03-21&to=2025-03-21") == ["srv-002"])
            #expect(try await ids("agreement=gaza-ceasefire-2025").contains("srv-004"))
            #expect(try await !ids("agreement=energy-moratorium-2025").contains("srv-004"))
            #expect(try await ids("region=Kharkiv") == ["srv-001", "srv-002"])
            let violations = try await ids("agreement=energy-moratorium-2025&verdict=violation")
            #expect(violations.contains("srv-001") && violations.contains("srv-002") && !violations.contains("srv-004"), "\(violations)")
            #expect(try await ids("verdict=violation&category=port&agreement=energy-moratorium-2025").isEmpty)
            #expect(try await ids("bbox=36,49,37,50") == ["srv-001", "srv-002"])
            #expect(try await ids("bbox=30,46,37,50&party=RU") == ["srv-001", "srv-002", "srv-003"])
            #expect(try await ids("bbox=-10,0,10,10").isEmpty)
        }
    }

    @Test("incidents are listed as GeoJSON and CSV, by format= or by Accept, with a Link to the next page")
    func incidentFormats() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let geo = try await client.get("/api/v1/incidents?format=geojson&limit=2")
            #expect(geo.status == .ok && geo.contentType == "application/geo+json")
            let collection = try geo.object()
            #expect(collection["type"] as? String == "FeatureCollection")
            #expect((collection["features"] as? [Any])?.count == 2)
            let link = try #require(geo.headers[HTTPField.Name("Link")!])
            #expect(link.hasPrefix("</api/v1/incidents?") && link.contains("format=geojson") && link.hasSuffix(">; rel=\"next\""), "\(link)")
            let byAccept = try await client.get("/api/v1/incidents?limit=2", headers: [.accept: "application/geo+json"])
            #expect(byAccept.text == geo.text)

            let csv = try await client.get("/api/v1/incidents?country=UA", headers: [.accept: "text/csv"])
            #expect(csv.status == .ok && csv.contentType?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.count == 4 && lines[0].hasPrefix("id,") && lines[1].hasPrefix("srv-001,"), "\(csv.text)")
            #expect(csv.headers[HTTPField.Name("Link")!] == nil, "the last page links to no next page")
        }
    }

    @Test("one incident comes with its claims, its source records verbatim and its history; its explanation clause by clause")
    func incidentAndExplanation() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let response = try await client.get("/api/v1/incidents/srv-001")
            #expect(response.status == .ok)
            let body = try response.object()
            let incident = try #require(body["incident"] as? [String: Any])
            #expect(incident["id"] as? String == "srv-001")
            #expect((incident["claims"] as? [[String: Any]])?.first?["claimant"] as? String == "Ministry of Energy of Ukraine")
            let source = try #require((incident["sources"] as? [[String: Any]])?.first)
            let fields = try #require(source["fields"] as? [[String: Any]])
            #expect(fields.contains { $0["name"] as? String == "target_name" && $0["value"] as? String == "Kharkiv substation 3" }, "\(fields)")
            #expect((body["history"] as? [Any])?.isEmpty == true)

            let explained = try await client.get("/api/v1/incidents/srv-001/explanation?agreement=energy-moratorium-2025")
            #expect(explained.status == .ok)
            let explanation = try explained.object()
            let verdicts = try #require(explanation["verdicts"] as? [[String: Any]])
            #expect(verdicts.count == 1 && verdicts[0]["kind"] as? String == "violation")
            #expect((verdicts[0]["checks"] as? [[String: Any]])?.isEmpty == false)
            #expect(explanation["linked_with"] is [Any])
        }
    }

    @Test("an incident id percent-encoded in the path is found as the id itself; a broken encoding is a 400")
    func percentEncodedIncidentID() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let encoded = try await client.get("/api/v1/incidents/%73rv-001")
            #expect(encoded.status == .ok)
            #expect((try encoded.object()["incident"] as? [String: Any])?["id"] as? String == "srv-001")
            #expect(try await client.get("/api/v1/incidents/%73rv-001/explanation").status == .ok)
            let broken = try await client.get("/api/v1/incidents/srv-%ZZ1")
            #expect(broken.status == .badRequest)
            #expect(try broken.object()["parameter"] as? String == "id")
        }
    }

    @Test("verdicts are listed per event or per record, filtered, and paged by cursor")
    func verdicts() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let events = try await client.get("/api/v1/verdicts?agreement=energy-moratorium-2025&verdict=violation")
            #expect(events.status == .ok)
            let rows = try events.items()
            #expect(!rows.isEmpty && rows.allSatisfy { $0["kind"] as? String == "violation" }, "\(rows)")
            let records = try await client.get("/api/v1/verdicts?by=record&limit=1")
            #expect(try records.status == .ok && (records.items().count) == 1)
            let next = try #require(try records.object()["next"] as? String)
            let second = try await client.get("/api/v1/verdicts?by=record&limit=1&cursor=\(next)")
            #expect(second.status == .ok)
            let firstVerdict = try records.items()[0]
            let secondVerdict = try second.items()[0]
            #expect(
                "\(firstVerdict["verdict"] ?? "")" != "\(secondVerdict["verdict"] ?? "")", "the second page starts after the first")
        }
    }

    @Test("a report renders as HTML, Markdown or JSON; an export writes CSV, GeoJSON or JSON Lines; the quarantine is listed")
    func reportsExportsQuarantine() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            let range = "from=2025-03-18&to=2025-03-24"
            let html = try await client.get("/api/v1/agreements/energy-moratorium-2025/report?\(range)")
            #expect(html.status == .ok && html.contentType?.hasPrefix("text/html") == true && html.text.contains("<html"))
            let markdown = try await client.get("/api/v1/agreements/energy-moratorium-2025/report?format=markdown&\(range)")
            #expect(markdown.status == .ok && markdown.contentType?.hasPrefix("text/markdown") == true && markdown.text.contains("# "))
            let json = try await client.get("/api/v1/agreements/energy-moratorium-2025/report?format=json&\(range)")
            #expect(try json.status == .ok && (json.object()["points"]) != nil)

            let csv = try await client.get("/api/v1/exports?kind=verdicts&agreement=energy-moratorium-2025")
            #expect(csv.status == .ok && csv.text.hasPrefix("incident,agreement,verdict"), "\(csv.text.prefix(100))")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"verdicts.csv\"")
            let geo = try await client.get("/api/v1/exports?kind=incidents&format=geojson&party=RU")
            #expect(try geo.status == .ok && (geo.object()["type"] as? String) == "FeatureCollection")
            let lines = try await client.get("/api/v1/exports?kind=claims&format=jsonl")
            #expect(lines.status == .ok && lines.text.split(separator: "\n").count == 4, "\(lines.text)")

            let quarantine = try await client.get("/api/v1/quarantine")
            #expect(quarantine.status == .ok)
            let entries = try quarantine.items()
            #expect(entries.count == 1 && (entries[0]["record"] as? [String: Any])?["line"] as? Int == 6, "\(entries)")
        }
    }

    @Test("an export many chunks long is streamed whole, in the store's order")
    func largeExportStreams() async throws {
        let store = try ServerFixtures.store()
        var generator = SeededGenerator(seed: 31)
        try ServerFixtures.importGenerated(count: 3_000, prefix: "bulk", into: store, generator: &generator)
        let app = try ServerFixtures.application(store: store)
        try await app.test(.router) { client in
            let response = try await client.get("/api/v1/exports?kind=incidents&format=csv")
            #expect(response.status == .ok && response.contentType?.hasPrefix("text/csv") == true)
            #expect(response.body.readableBytes > 4 * 65_536, "more than the chunks the writer may run ahead")
            let rows = response.text.split(separator: "\n").dropFirst()
            #expect(rows.count == 3_004)
            #expect(Set(rows.map { $0.prefix { $0 != "," } }).count == 3_004, "each incident once")
        }
    }
}
