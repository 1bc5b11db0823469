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
        router.get("/api/v1/verdicts") { request, context in
            let parameters = try QueryParameters(request)
            var filter = try parameters.verdictFilter()
            filter.agreement = try context.agreementFilter(filter.agreement, for: .readVerdicts)
            let listRequest = VerdictListRequest(
                filter: filter, unit: try parameters.choice("by") ?? .event, after: try parameters.cursor(),
                limit: try parameters.limit(configuration))
            // Anonymous readers limited to an evidence level see the rows at or above it; a page may hold fewer.
            let minimum = context.minimumEvidence
            let shows = { @Sendable (level: EvidenceLevel?) -> Bool in
                guard let minimum else { return true }
                return level.map { $0 >= minimum } ?? false
            }
            let bytes = try await store.run { store in
                let listed = try VerdictListing.list(listRequest, in: store)
                let encoder = TruceJSON.encoder()
                switch listed.rows {
                case .records(let verdicts):
                    let shown = verdicts.filter { shows($0.evidence) }
                    return Array(try encoder.encode(PageBody(items: shown, next: listed.next)))
                case .events(let rows):
                    let shown = rows.filter { shows($0.evidence) }
                    return Array(try encoder.encode(PageBody(items: shown, next: listed.next)))
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
            var filter = try parameters.verdictFilter()
            // An export holds the incidents and verdicts whatever their evidence.
            filter.agreement = try context.agreementFilter(filter.agreement, for: .readIncidents)
            try context.require(.readVerdicts, agreement: filter.agreement)
            let exportRequest = ExportRequest(kind: kind, format: format, filter: filter)
            // The filter is checked against the store first, so an unknown agreement is a problem, not a cut body.
            let export = try await store.run { UncheckedSendable(try Export(exportRequest, from: $0)) }
            var headers = HTTPFields()
            headers[.contentType] = Self.mediaType(of: format)
            headers[.contentDisposition] = "attachment; filename=\"\(kind.rawValue).\(format.rawValue)\""
            return Response(status: .ok, headers: headers, body: try exports.body(of: export.value, logger: context.logger))
        }
        router.get("/api/v1/quarantine") { request, context in
            try context.require(.readIncidents)
            // Quarantined rows belong to no agreement yet: a user limited to some agreements does not see them.
            if let principal = context.principal, !principal.agreementScope.isEmpty {
                throw Problem(.forbidden, detail: "The quarantine spans every agreement; this account sees only some.")
            }
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
