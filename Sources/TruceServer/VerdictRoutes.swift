import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceReport
import TruceStore

/// Verdicts a page at a time, exports with the parameters of `truce export`, and the quarantine.
struct VerdictRoutes {
    let store: StoreAccess
    let configuration: ServerConfiguration
    let exports: ExportStreams

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/verdicts") { request, _ in
            let parameters = try QueryParameters(request)
            let listRequest = VerdictListRequest(
                filter: try parameters.verdictFilter(), unit: try parameters.choice("by") ?? .event, after: try parameters.cursor(),
                limit: try parameters.limit(configuration))
            let bytes = try await store.run { store in
                let listed = try VerdictListing.list(listRequest, in: store)
                let encoder = TruceJSON.encoder()
                switch listed.rows {
                case .records(let verdicts): return Array(try encoder.encode(PageBody(items: verdicts, next: listed.next)))
                case .events(let rows): return Array(try encoder.encode(PageBody(items: rows, next: listed.next)))
                }
            }
            return Responses.bytes(bytes, as: Responses.json)
        }
        router.get("/api/v1/exports") { request, context in
            let parameters = try QueryParameters(request)
            guard let kind = try parameters.choice("kind", ExportKind.self) else {
                throw Problem.invalid("kind", "is required: one of " + ExportKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let format = try parameters.choice("format", ExportFormat.self) ?? .csv
            let exportRequest = ExportRequest(kind: kind, format: format, filter: try parameters.verdictFilter())
            // The filter is checked against the store first, so an unknown agreement is a problem, not a cut body.
            let export = try await store.run { UncheckedSendable(try Export(exportRequest, from: $0)) }
            var headers = HTTPFields()
            headers[.contentType] = Self.mediaType(of: format)
            headers[.contentDisposition] = "attachment; filename=\"\(kind.rawValue).\(format.rawValue)\""
            return Response(status: .ok, headers: headers, body: try exports.body(of: export.value, logger: context.logger))
        }
        router.get("/api/v1/quarantine") { request, _ in
            let file = try QueryParameters(request).text("file")
            let entries = try await store.run { try Quarantine.list(file: file, in: $0) }
            return try Responses.encoded(Items(items: entries))
        }
    }

    static func mediaType(of format: ExportFormat) -> String {
        switch format {
        case .csv: return Responses.csv
        case .geojson: return Responses.geoJSON
        case .jsonl: return Responses.jsonLines
        }
    }
}
