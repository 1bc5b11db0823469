import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Testing
import TruceServer

@Suite("Serving: a live port, logs with the request id, metrics, graceful shutdown")
struct LifecycleTests {
    @Test("a live server on a free loopback port answers health and a page of incidents")
    func live() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.live) { client in
            #expect(client.port != nil && client.port != 0)
            #expect(try await client.get("/healthz").status == .ok)
            let page = try await client.get("/api/v1/incidents?limit=2")
            #expect(try page.status == .ok && (page.items().count) == 2)
        }
    }

    @Test("every log line of a request carries its request id")
    func logsCarryRequestID() async throws {
        let logs = LogRecorder()
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), logs: logs)
        try await app.test(.router) { client in
            _ = try await client.get("/api/v1/incidents/nope", headers: [HTTPField.Name("X-Request-ID")!: "log-check-1"])
        }
        let lines = logs.recorded.filter { $0.metadata["hb.request.id"] != nil || $0.metadata["request_id"] != nil }
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.metadata["request_id"] == "log-check-1", "\(line.message) \(line.metadata)") }
    }

    @Test("/metrics gives request counts and latencies by route, and the import and adjudication counters, in Prometheus format")
    func metrics() async throws {
        let app = try ServerFixtures.application(store: try ServerFixtures.store())
        try await app.test(.router) { client in
            _ = try await client.get("/api/v1/incidents")
            _ = try await client.get("/api/v1/incidents/srv-001")
            TruceMetrics.importFinished(dataset: "acled")
            TruceMetrics.adjudicationFinished()
            let response = try await client.get("/metrics")
            #expect(response.status == .ok && response.contentType?.hasPrefix("text/plain") == true)
            let text = response.text
            #expect(text.contains("# TYPE"), "\(text.prefix(300))")
            #expect(text.contains("http_server_request_duration"), "latencies by route")
            #expect(text.contains("/api/v1/incidents/{id}"), "requests by route template, not by id")
            #expect(text.contains("truce_imports_total{dataset=\"acled\"}"))
            #expect(text.contains("truce_adjudications_total"))
        }
    }

    @Test("graceful shutdown: a slow request started before shutdown completes, then the server stops")
    func gracefulShutdown() async throws {
        let configuration = ServerFixtures.configuration()
        let store = try ServerFixtures.store()
        let router = TruceServer.router(
            configuration: configuration, store: StoreAccess(store: store), document: try OpenAPIDocument(maxPageSize: configuration.maxPageSize))
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .milliseconds(600))
            return "finished"
        }
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = TruceServer.application(configuration: configuration, router: router, logger: ServerFixtures.logger(nil)) { channel in
            port.yield(channel.localAddress?.port ?? 0)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: ServerFixtures.logger(nil)))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let bound = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: bound)
            client.connect()
            async let slow = client.get("/slow")
            try await Task.sleep(for: .milliseconds(150))
            await group.triggerGracefulShutdown()
            let response = try await slow
            #expect(response.head.status == .ok)
            #expect(response.body.map { String(buffer: $0) } == "finished")
            try await client.shutdown()
            try await tasks.waitForAll()
        }
    }
}
