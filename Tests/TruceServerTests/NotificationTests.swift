import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing
import TruceApp
import TruceCore
import TruceServer
import TruceStore

/// Subscribers told of what happens to an agreement: a violation reaching `verified` and a status change, posted
/// once each to a webhook with a signature that Python's `hmac` verifies with the subscription's secret, and the
/// agreement's Atom feed, which `feedparser` reads without complaint.
@Suite("Notifications: webhooks and Atom feeds")
struct NotificationTests {
    /// The webhook requests a test receiver got: each one's signature header and body.
    final class Received: Sendable {
        let requests = Mutex<[(signature: String, body: String)]>([])
    }

    /// Runs a receiver of webhook posts at `/hook` on a free loopback port while `body` runs.
    static func withReceiver(_ body: @Sendable (Int, Received) async throws -> Void) async throws {
        let received = Received()
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            let signature = request.headers[HTTPField.Name("Truce-Signature")!] ?? ""
            received.requests.withLock { $0.append((signature, String(buffer: bytes))) }
            return .noContent
        }
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { port.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "receiver"))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: Logger(label: "receiver")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let bound = try #require(await iterator.next())
            do {
                try await body(bound, received)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Whether Python's `hmac` finds `signature` (`t=…,v1=…`) right for `body` with `secret`: a check independent
    /// of Truce's own code.
    static func pythonVerifies(signature: String, body: String, secret: String) throws -> Bool {
        let script = """
            import hmac, hashlib, sys
            secret, header, body = sys.argv[1], sys.argv[2], sys.stdin.buffer.read()
            parts = dict(p.split("=", 1) for p in header.split(","))
            expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
            sys.exit(0 if hmac.compare_digest(expected, parts["v1"]) else 1)
            """
        return try Python.run(script, arguments: [secret, signature], input: body).status == 0
    }

    @Test("a verified violation and a status change are posted once each, signed with the subscription's secret")
    func webhook() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        try await Self.withReceiver { port, received in
            let app = try ServerFixtures.application(
                store: store, configuration: ServerFixtures.accountsConfiguration { $0.webhookHosts = ["127.0.0.1"] })
            try await app.test(.router) { client in
                var headers = accounts.bearer(.analyst)
                headers[.contentType] = "application/json"
                let refused = try await client.execute(
                    uri: "/api/v1/subscriptions", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"agreement": "energy-moratorium-2025", "webhook_url": "http://169.254.169.254/hook"}"#)
                ) { $0 }
                #expect(refused.status == .badRequest && refused.text.contains("webhook_url"), "only the hosts the operator allows")
                let made = try await client.execute(
                    uri: "/api/v1/subscriptions", method: .post, headers: headers,
                    body: ByteBuffer(
                        string: #"{"agreement": "energy-moratorium-2025", "evidence": "verified", "webhook_url": "http://127.0.0.1:\#(port)/hook"}"#)
                ) { $0 }
                #expect(made.status == .created, "\(made.text)")
                let secret = try #require(try made.object()["secret"] as? String)
                #expect(try secret.hasPrefix("whsec_") && secret == store.subscriptions(userID: nil).first?.secret)
                let listed = try await client.get("/api/v1/subscriptions", headers: accounts.bearer(.analyst))
                #expect(listed.status == .ok && !listed.text.contains(secret), "the secret is shown once")
            }
            let secret = try #require(try store.subscriptions(userID: nil).first?.secret)
            let deliveries = WebhookDeliveries(store: StoreAccess(store: store), interval: .seconds(60), logger: Logger(label: "test"))
            #expect(try await deliveries.deliverPending())
            #expect(received.requests.withLock { $0.isEmpty }, "what was true when subscribing is not sent")

            try await app.test(.router) { client in
                var submit = accounts.bearer(.monitor)
                submit[.contentType] = "application/json"
                submit[HTTPField.Name("Idempotency-Key")!] = "webhook-1"
                let sent = try await client.execute(
                    uri: "/api/v1/observations", method: .post, headers: submit, body: ByteBuffer(string: ObservationReviewRouteTests.body)
                ) { $0 }
                let id = try #require((try sent.object()["incident"] as? [String: Any])?["id"] as? String)
                _ = try await ObservationReviewRouteTests.review(id, #"{"action": "take"}"#, as: .analyst, accounts, client)
                let verified = try await ObservationReviewRouteTests.review(
                    id, #"{"action": "verify", "note": "the photo matches"}"#, as: .analyst, accounts, client)
                #expect(verified.status == .ok)
            }
            #expect(try await deliveries.deliverPending())
            #expect(try await deliveries.deliverPending(), "a second round sends nothing new")
            let first = received.requests.withLock { $0 }
            #expect(first.count == 1, "\(first.map(\.body))")
            let delivery = try #require(first.first)
            #expect(delivery.body.contains(#""kind":"violation""#) && delivery.body.contains(#""evidence":"verified""#))
            #expect(try Self.pythonVerifies(signature: delivery.signature, body: delivery.body, secret: secret))
            #expect(try !Self.pythonVerifies(signature: delivery.signature, body: delivery.body + " ", secret: secret), "a changed body fails")

            try await app.test(.router) { client in
                var headers = accounts.bearer(.admin)
                headers[.contentType] = "application/yaml"
                let event = try await client.execute(
                    uri: "/api/v1/agreements/energy-moratorium-2025/status-events", method: .post, headers: headers,
                    body: ByteBuffer(string: "at: 2025-04-20\nstatus: suspended\nsource:\n  url: https://example.org/suspended\n")
                ) { $0 }
                #expect(event.status == .created, "\(event.text)")
            }
            try await deliveries.deliverPending()
            let all = received.requests.withLock { $0 }
            #expect(all.count == 2 && all[1].body.contains(#""kind":"status""#) && all[1].body.contains(#""status":"suspended""#))
            try await deliveries.shutdown()
        }
    }

    @Test(
        "the agreement's Atom feed lists its status changes and verified violations, and feedparser reads it as Atom 1.0",
        .enabled(if: Feedparser.available, "python3 lacks feedparser (.ci/run installs it)"))
    func atomFeed() async throws {
        let store = try ServerFixtures.store()
        let accounts = try TestAccounts.add(to: store)
        let app = try ServerFixtures.application(store: store, configuration: ServerFixtures.accountsConfiguration())
        try await app.test(.router) { client in
            var submit = accounts.bearer(.monitor)
            submit[.contentType] = "application/json"
            submit[HTTPField.Name("Idempotency-Key")!] = "feed-1"
            let sent = try await client.execute(
                uri: "/api/v1/observations", method: .post, headers: submit, body: ByteBuffer(string: ObservationReviewRouteTests.body)
            ) { $0 }
            let id = try #require((try sent.object()["incident"] as? [String: Any])?["id"] as? String)
            let before = try await client.get("/agreements/energy-moratorium-2025/feed.atom?evidence=verified")
            #expect(before.status == .ok && before.contentType?.hasPrefix("application/atom+xml") == true)
            #expect(!before.text.contains("/incidents/\(id)"))
            _ = try await ObservationReviewRouteTests.review(id, #"{"action": "take"}"#, as: .analyst, accounts, client)
            _ = try await ObservationReviewRouteTests.review(id, #"{"action": "verify", "note": "seen"}"#, as: .analyst, accounts, client)
            let after = try await client.get("/agreements/energy-moratorium-2025/feed.atom?evidence=verified")
            let parsed = try Feedparser.parse(after.text)
            #expect(parsed["bozo"] as? Bool == false, "\(parsed)")
            #expect(parsed["version"] as? String == "atom10")
            let links = parsed["links"] as? [String] ?? []
            #expect(links.contains("/incidents/\(id)"), "\(links)")
            #expect((parsed["categories"] as? [String] ?? []).contains("status"), "the status history is in the feed")
            #expect(try await client.get("/agreements/energy-moratorium-2025/feed.atom?evidence=sure").status == .badRequest)
        }
    }
}

/// Python scripts run for independent checks: `python3 -c SCRIPT ARGUMENTS…` with `input` on its standard input.
enum Python {
    static func run(_ script: String, arguments: [String] = [], input: String = "") throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// Reading a feed with Python's feedparser (PyPI).
enum Feedparser {
    static let available = (try? Python.run("import feedparser").status == 0) ?? false

    /// What feedparser makes of `xml`: `bozo` (whether it found it malformed), `version`, and each entry's link and category.
    static func parse(_ xml: String) throws -> [String: Any] {
        let script = """
            import feedparser, json, sys
            d = feedparser.parse(sys.stdin.buffer.read())
            print(json.dumps({"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                              "links": [e.get("link", "") for e in d.entries],
                              "categories": [t.term for e in d.entries for t in e.get("tags", [])]}))
            """
        return try JSONSerialization.jsonObject(with: Python.run(script, input: xml).output) as? [String: Any] ?? [:]
    }
}
