import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TruceServer

@Suite("The OpenAPI document is the contract of the routes")
struct ContractTests {
    @Test("the router's routes and the document's operations are the same set of method and path")
    func routesMatchDocument() throws {
        let configuration = ServerFixtures.configuration()
        let document = try OpenAPIDocument(maxPageSize: configuration.maxPageSize)
        let router = TruceServer.router(configuration: configuration, store: StoreAccess(store: try ServerFixtures.store()), document: document)
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(
            routes == document.operations,
            "only in the router: \(routes.subtracting(document.operations)); only in the document: \(document.operations.subtracting(routes))")
        #expect(routes.count == 60)
    }

    @Test("the document is served as JSON with the configured page size as limit's maximum, and as a reference page without scripts")
    func documentServed() async throws {
        let configuration = ServerFixtures.configuration { $0.maxPageSize = 250 }
        let app = try ServerFixtures.application(store: try ServerFixtures.store(), configuration: configuration)
        try await app.test(.router) { client in
            let json = try await client.get("/api/v1/openapi.json")
            #expect(json.status == .ok && json.contentType == "application/json")
            let document = try json.object()
            #expect(document["openapi"] as? String == "3.1.0")
            let limit = ((document["components"] as? [String: Any])?["parameters"] as? [String: Any])?["Limit"] as? [String: Any]
            #expect((limit?["schema"] as? [String: Any])?["maximum"] as? Int == 250)

            let page = try await client.get("/api/v1/docs")
            #expect(page.status == .ok && page.contentType?.hasPrefix("text/html") == true)
            #expect(page.text.contains("/api/v1/incidents/{id}/explanation") && page.text.contains("bbox"))
            #expect(!page.text.lowercased().contains("<script") && !page.text.contains("https://"), "the page fetches nothing")
        }
    }
}
