import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore
import TruceTestSupport

@Suite("Twenty writers and readers at once over HTTP")
struct ConcurrentWriteTests {
    /// One writer's request: an import, an agreement created by PUT, a status event, or an incident's edit.
    enum Write: Sendable {
        case upload(csv: String, name: String)
        case agreement(id: String)
        case statusEvent(day: Int)
        case incidentEdit(id: String)
    }

    /// The incidents the writers edit, one each.
    static let edited = ["srv-001", "srv-002", "srv-003", "srv-004"]

    @Test(
        "20 concurrent writers (imports, agreement edits, status events, incident edits) and readers: nothing lost, no 5xx, one audit entry per write"
    )
    func twentyWriters() async throws {
        let store = try ServerFixtures.store()
        let app = try ServerFixtures.application(store: store)
        let authorization = try ServerFixtures.authorization(as: .admin, in: store)
        var generator = SeededGenerator(seed: 20)
        var writes: [Write] = []
        for index in 0..<6 {
            writes.append(.upload(csv: UploadFiles.strikes(count: 25, prefix: "cw\(index)", generator: &generator), name: "cw\(index).csv"))
        }
        for index in 0..<5 { writes.append(.agreement(id: "pause-\(index)")) }
        for day in 1...5 { writes.append(.statusEvent(day: day)) }
        for id in Self.edited { writes.append(.incidentEdit(id: id)) }
        writes.shuffle(using: &generator)
        let yaml = try AgreementWriteTests.yaml()
        let writesToRun = writes

        try await ServerFixtures.test(app, .live, as: .admin, in: store) { client in
            let port = try #require(client.port)
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { tasks in
                for write in writesToRun {
                    tasks.addTask { [yaml] in
                        let own = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
                        own.connect()
                        defer { Task { try? await own.shutdown() } }
                        return [Int(try await Self.send(write, yaml: yaml, authorization: authorization, with: own).head.status.code)]
                    }
                }
                for reader in 0..<4 {
                    tasks.addTask {
                        let own = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
                        own.connect()
                        defer { Task { try? await own.shutdown() } }
                        var seen: [Int] = []
                        for round in 0..<10 {
                            let path = ["/api/v1/incidents?limit=50", "/api/v1/verdicts?by=record", "/api/v1/agreements", "/api/v1/imports"][
                                (reader + round) % 4]
                            seen.append(Int(try await own.get(path, headers: [.authorization: authorization]).head.status.code))
                        }
                        return seen
                    }
                }
                return try await tasks.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses.filter { $0 >= 500 })")
            #expect(statuses.filter { $0 == 200 || $0 == 201 || $0 == 202 }.count == statuses.count, "\(statuses)")

            for job in try await client.get("/api/v1/imports").items() {
                let finished = try await client.finishedJob(try #require(job["id"] as? String))
                #expect(finished["state"] as? String == "done" && (finished["summary"] as? [String: Int])?["new"] == 25, "\(finished)")
            }
        }
        let incidents = try store.incidents(ids: (0..<6).flatMap { file in (0..<25).map { "cw\(file)-\($0)" } }, detail: .summary)
        #expect(incidents.count == 150, "every imported incident is stored")
        #expect(try (0..<5).allSatisfy { try store.agreement(id: "pause-\($0)") != nil })
        for id in Self.edited {
            let incident = try #require(try store.incidents(ids: [id], detail: .full).first)
            #expect(incident.description == "Edited concurrently: \(id).", "no incident edit is lost")
            #expect(try store.history(of: id).count == 1)
        }
        let events = try #require(try store.agreement(id: "energy-moratorium-2025")).statusHistory.filter { $0.note?.hasPrefix("concurrent") == true }
        #expect(events.count == 5, "no status event is lost to another")
        let entries = try ServerFixtures.apiAuditEntries(in: store)
        #expect(entries.count == 20, "one audit entry per write: \(entries.map(\.action))")
        #expect(entries.filter { $0.action == "POST /api/v1/imports" }.count == 6)
        #expect(entries.filter { $0.action == "PUT /api/v1/agreements/{id}" }.count == 5)
        #expect(entries.filter { $0.action == "POST /api/v1/agreements/{id}/status-events" }.count == 5)
        #expect(entries.filter { $0.action == "PATCH /api/v1/incidents/{id}" }.count == 4)
    }

    private static func send(_ write: Write, yaml: String, authorization: String, with client: TestClient) async throws -> TestClient.Response {
        switch write {
        case .upload(let csv, let name):
            return try await client.post(
                "/api/v1/imports?dataset=truce&name=\(name)", headers: [.authorization: authorization, .contentType: "text/csv"],
                body: ByteBuffer(string: csv))
        case .agreement(let id):
            let body = yaml.replacingOccurrences(of: "id: kharkiv-energy-pause", with: "id: \(id)")
            return try await client.put(
                "/api/v1/agreements/\(id)", headers: [.authorization: authorization, .contentType: "application/yaml"], body: ByteBuffer(string: body)
            )
        case .statusEvent(let day):
            let event = String(
                format: "at: 2025-04-%02d\nstatus: suspended\nparty: RU\nnote: concurrent %d\nsource:\n  url: https://example.org/e\n", day, day)
            return try await client.post(
                "/api/v1/agreements/energy-moratorium-2025/status-events",
                headers: [.authorization: authorization, .contentType: "application/yaml"],
                body: ByteBuffer(string: event))
        case .incidentEdit(let id):
            return try await client.execute(
                TestClient.Request(
                    "/api/v1/incidents/\(id)", method: .patch,
                    headers: [.authorization: authorization, .contentType: "application/merge-patch+json"],
                    body: ByteBuffer(string: #"{"description": "Edited concurrently: \#(id)."}"#)))
        }
    }
}
