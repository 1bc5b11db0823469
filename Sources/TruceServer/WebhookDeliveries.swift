import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import TruceApp
import TruceStore

/// Posts what subscribers are told (``TruceApp/Notifications``) to their webhooks: every `interval`, once the store
/// has changed (or a delivery failed and is due again), each subscription's new entries are posted oldest first,
/// signed (`Truce-Signature`), and marked delivered on a 2xx answer. A failed delivery stops that subscription's
/// round and is tried again at the next; the others go on. Posts go only to the hosts the configuration allows.
public final class WebhookDeliveries: Service, Sendable {
    let store: StoreAccess
    let interval: Duration
    let logger: Logger
    let client: HTTPClient
    /// How long one delivery may take.
    static let timeout: TimeAmount = .seconds(10)

    /// Deliveries from `store` every `interval` (once ``run()`` runs), logged to `logger`.
    public init(store: StoreAccess, interval: Duration, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    public func run() async throws {
        let watch = try store.store.changeWatch()
        await cancelWhenGracefulShutdown { await self.deliverEachRound(watch: watch) }
        try await shutdown()
    }

    /// Closes the connections to webhooks; call it once when ``run()`` was never run.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Delivers what is pending every `interval` until cancelled, once the store changed or a delivery failed.
    private func deliverEachRound(watch: StoreChangeWatch) async {
        var delivered: Int64?
        var failed = false
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                let version = try watch.version()
                guard version != delivered || failed else { continue }
                failed = try await !deliverPending()
                delivered = version
            } catch is CancellationError {
                return
            } catch {
                logger.warning("webhook deliveries could not be read", metadata: ["error": "\(error)"])
                failed = true
            }
        }
    }

    /// Posts every pending entry now. - Returns: whether every delivery succeeded.
    @discardableResult
    public func deliverPending() async throws -> Bool {
        let pending = try await store.run { try Notifications.pendingDeliveries(in: $0) }
        var allDelivered = true
        for (subscription, entries) in pending {
            for entry in entries {
                guard await post(entry, for: subscription) else {
                    allDelivered = false
                    break
                }
                let id = subscription.id
                try await store.run { try $0.markDelivered([entry.id], of: id, at: Date()) }
            }
        }
        return allDelivered
    }

    /// Posts one entry. - Returns: whether the webhook answered 2xx.
    func post(_ entry: NotificationEntry, for subscription: Subscription) async -> Bool {
        guard let url = subscription.webhookURL else { return true }
        let body = Notifications.payload(entry, subscription: subscription)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Truce-Webhook")
        request.headers.add(name: Notifications.signatureHeader, value: Notifications.signature(of: body, secret: subscription.secret, at: Date()))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            _ = try? await response.body.collect(upTo: 1 << 16)
            guard (200..<300).contains(response.status.code) else {
                logger.warning(
                    "a webhook refused a delivery", metadata: ["subscription": "\(subscription.id)", "status": "\(response.status.code)"])
                return false
            }
            return true
        } catch {
            logger.warning("a webhook could not be reached", metadata: ["subscription": "\(subscription.id)", "error": "\(error)"])
            return false
        }
    }
}
