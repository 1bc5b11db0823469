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
        let configuration = ServerFixtures.configuration()
        let router = TruceServer.router(
            configuration: configuration, store: StoreAccess(store: try ServerFixtures.store()),
            document: try OpenAPIDocument(maxPageSize: configuration.maxPageSize))
        try await Self.serve(router, configuration: configuration) { client, port in
            #expect(port != 0)
            #expect(try await client.get("/healthz").head.status == .ok)
            let page = try await client.get("/api/v1/incidents?limit=2")
            #expect(page.head.status == .ok)
            let body = try #require(page.body.map { Data($0.readableBytesView) })
            #expect((try JSONSerialization.jsonObject(with: body) as? [String: Any])?["items"].map { ($0 as? [Any])?.count } == 2)
        }
    }

    /// Serves `router` on a free loopback port and hands `body` a client connected to it; then shuts the server
    /// down gracefully. The client waits long for answers: the whole suite runs at once on two cores.
    static func serve(
        _ router: TruceRoutes, configuration: ServerConfiguration,
        _ body: @Sendable (TestClient, Int) async throws -> Void
    ) async throws {
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = TruceServer.application(configuration: configuration, router: router, logger: ServerFixtures.logger(nil)) { channel in
            port.yield(channel.localAddress?.port ?? 0)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: ServerFixtures.logger(nil)))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let bound = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: bound, configuration: TestClient.Configuration(timeout: .seconds(300)))
            client.connect()
            do {
                try await body(client, bound)
            } catch {
                await group.triggerGracefulShutdown()
                try? await client.shutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await client.shutdown()
            try await tasks.waitForAll()
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
        let (arrivals, arrived) = AsyncStream<Void>.makeStream()
        router.router.get("/slow") { _, _ in
            arrived.yield()
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
            let client = TestClient(host: "127.0.0.1", port: bound, configuration: TestClient.Configuration(timeout: .seconds(300)))
            client.connect()
            async let slow = client.get("/slow")
            // Shutdown begins once the slow request is being answered.
            var started = arrivals.makeAsyncIterator()
            _ = await started.next()
            await group.triggerGracefulShutdown()
            let response = try await slow
            #expect(response.head.status == .ok)
            #expect(response.body.map { String(buffer: $0) } == "finished")
            try await client.shutdown()
            try await tasks.waitForAll()
        }
    }
}
