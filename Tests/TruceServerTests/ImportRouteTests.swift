import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TruceApp
import TruceServer
import TruceStore
import TruceTestSupport

@Suite("Uploaded files are imported as background jobs; the quarantine is retried; adjudication runs after writes")
struct ImportRouteTests {
    @Test("an import job reports its progress and final summary, is listed, audited once and counted; the same file again is all unchanged")
    func importJobAndReupload() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        var generator = SeededGenerator(seed: 12)
        let csv =
            UploadFiles.strikes(count: 40, prefix: "up", generator: &generator) + "up-bad,2025-02-30,,Europe/Kyiv,day,UA,,,,,,shelling,,,,,,,,,,,\n"
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let first = try await client.finishedJob(try await client.upload(csv, name: "strikes.csv"))
            #expect(first["state"] as? String == "done", "\(first)")
            #expect(first["progress"] as? Int == 41)
            let summary = try #require(first["summary"] as? [String: Int])
            #expect(summary == ["new": 40, "updated": 0, "unchanged": 0, "quarantined": 1])
            #expect(first["file"] as? String == "strikes.csv" && first["submitted_by"] as? String == "admin")

            let again = try await client.finishedJob(try await client.upload(csv, name: "strikes.csv"))
            #expect(again["summary"] as? [String: Int] == ["new": 0, "updated": 0, "unchanged": 40, "quarantined": 1])

            let listed = try await client.get("/api/v1/imports").items()
            #expect(listed.map { $0["id"] as? String } == [again["id"] as? String, first["id"] as? String])
            #expect(try await client.get("/api/v1/imports/no-such-job").status == .notFound)
            #expect(try await client.get("/api/v1/incidents/up-0").status == .ok)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("truce_imports_total{dataset=\"truce\"}"))
        }
        let audited = try AuditTrail(store: store).list().filter { $0.action == "POST /api/v1/imports" }
        #expect(audited.count == 2)
        #expect(audited.first?.after?.contains("strikes.csv") == true && audited.first?.after?.contains("\"new\":40") == true)
    }

    @Test("an upload over max_upload_bytes is a 413, declared or streamed, and nothing is stored or left on disk")
    func uploadOverTheLimit() async throws {
        let store = try ServerFixtures.store()
        let uploads = try ScratchDirectory.make("limit")
        let configuration = ServerFixtures.configuration { $0.maxUploadBytes = 2_000 }
        let writeSide = WriteSide(configuration: configuration, store: store, uploads: uploads)
        let router = TruceServer.router(
            configuration: configuration, store: StoreAccess(store: store), document: try OpenAPIDocument(maxPageSize: 100),
            writeSide: writeSide)
        let app = TruceServer.application(
            configuration: configuration, router: router, logger: ServerFixtures.logger(nil), services: [writeSide.jobs])
        var generator = SeededGenerator(seed: 13)
        let csv = UploadFiles.strikes(count: 40, prefix: "big", generator: &generator)
        #expect(csv.utf8.count > 2_000)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            let response = try await client.send(.post, "/api/v1/imports?dataset=truce", body: csv, as: "text/csv")
            #expect(response.status == .contentTooLarge)
            #expect(try response.object()["type"] as? String == "/problems/payload-too-large")
            #expect(try await client.get("/api/v1/imports").items().isEmpty)
            let other = try await client.send(.post, "/api/v1/imports?dataset=truce", body: "{}", as: "application/json")
            #expect(other.status == .unsupportedMediaType)
            let unknown = try await client.send(.post, "/api/v1/imports?dataset=excel", body: "a", as: "text/csv")
            #expect(unknown.status == .badRequest)
        }
        #expect(try store.incidents(ids: ["big-0"], detail: .summary).isEmpty)
        let left = FileManager.default.enumerator(atPath: uploads.path)?.allObjects.compactMap { $0 as? String }.filter { $0.contains("upload-") }
        #expect(left?.isEmpty ?? true, "no partial upload is left: \(left ?? [])")
    }

    @Test("the quarantine retry imports a fixed file again: its row leaves the quarantine, the others stay, one audit entry")
    func quarantineRetry() async throws {
        let store = try ServerFixtures.store()
        let file = try ScratchDirectory.make("retry").appendingPathComponent("fixable.csv")
        let bad =
            "fix-1,2025-03-32T10:00,,Europe/Kyiv,hour,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,drone_strike,energy,,,RU,Wire,UA,,,A strike.,https://example.org/fix,"
        try (ServerFixtures.header + "\n" + bad + "\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try Importer(format: "truce")!.importFile(file.path, into: store)
        let app = try ServerFixtures.application(store: store)
        try await ServerFixtures.test(app, as: .admin, in: store) { client in
            #expect(try await client.get("/api/v1/quarantine").items().count == 2)
            try (ServerFixtures.header + "\n" + bad.replacingOccurrences(of: "2025-03-32", with: "2025-03-22") + "\n").write(
                to: file, atomically: true, encoding: .utf8)
            let encoded = try #require(file.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let response = try await client.send(.post, "/api/v1/quarantine/retry?file=\(encoded)", body: "", as: "text/plain")
            #expect(response.status == .ok, "\(response.text)")
            let files = try #require(try response.object()["files"] as? [[String: Any]])
            #expect(files.count == 1 && files[0]["fixed"] as? Int == 1 && files[0]["outcome"] as? String == "retried")
            #expect(try await client.get("/api/v1/quarantine").items().count == 1, "the fixture's own bad row stays")
            let verdicts = try await client.get("/api/v1/verdicts?by=record&agreement=energy-moratorium-2025").items()
            #expect(Self.incidents(judgedIn: verdicts).contains("fix-1"), "the retry was adjudicated")
        }
        #expect(try AuditTrail(store: store).list().filter { $0.action == "POST /api/v1/quarantine/retry" }.count == 1)
    }

    @Test("adjudication after a write changes the verdicts list; with adjudicate_after_writes off, only POST /api/v1/adjudications does")
    func adjudicationAfterWrites() async throws {
        let yaml = try AgreementWriteTests.yaml()
        let path = "/api/v1/verdicts?by=record&agreement=kharkiv-energy-pause"
        let followingStore = try ServerFixtures.store()
        let following = try ServerFixtures.application(store: followingStore)
        try await ServerFixtures.test(following, as: .admin, in: followingStore) { client in
            #expect(try await client.get(path).status == .notFound, "no such agreement yet")
            #expect(try await client.send(.post, "/api/v1/agreements", body: yaml, as: "application/yaml").status == .created)
            let verdicts = Self.incidents(judgedIn: try await client.get(path).items())
            #expect(Set(verdicts).isSuperset(of: ["srv-001", "srv-002"]), "\(verdicts)")
        }
        let manualStore = try ServerFixtures.store()
        let manual = try ServerFixtures.application(
            store: manualStore, configuration: ServerFixtures.configuration { $0.adjudicateAfterWrites = false })
        try await ServerFixtures.test(manual, as: .admin, in: manualStore) { client in
            #expect(try await client.send(.post, "/api/v1/agreements", body: yaml, as: "application/yaml").status == .created)
            #expect(try await client.get(path).items().isEmpty)
            let run = try await client.send(.post, "/api/v1/adjudications", body: "", as: "text/plain")
            #expect(run.status == .ok)
            #expect(try run.object()["changed_agreements"] as? Int == 1)
            #expect(try await client.get(path).items().count >= 2)
            let all = try await client.send(.post, "/api/v1/adjudications?all=true", body: "", as: "text/plain")
            #expect(try all.object()["judged"] as? Int == 4)
        }
    }

    /// The incidents a page of `GET /api/v1/verdicts?by=record` judged.
    static func incidents(judgedIn items: [[String: Any]]) -> [String] {
        items.compactMap { ($0["verdict"] as? [String: Any])?["incident"] as? String }
    }
}
