import Hummingbird
import TruceStore

/// The routes around the API: health, metrics, and the contract as JSON and as a reference page.
struct ServiceRoutes {
    let store: StoreAccess
    let document: OpenAPIDocument

    func add(to router: Router<TruceRequestContext>) {
        router.get("/healthz") { _, _ in
            try await store.run { try $0.ping() }
            return Responses.bytes(Array(#"{"status":"ok","store":"reachable"}"#.utf8), as: Responses.json)
        }
        router.get("/metrics") { _, _ in
            Responses.bytes(TruceMetrics.exposition(), as: Responses.prometheus)
        }
        router.get("/api/v1/openapi.json") { _, _ in
            Responses.bytes(document.json, as: Responses.json)
        }
        router.get("/api/v1/docs") { _, _ in
            Responses.text(document.referencePage, as: Responses.html)
        }
    }
}
