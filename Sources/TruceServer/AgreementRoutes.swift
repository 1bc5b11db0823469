import Hummingbird
import TruceApp
import TruceCore
import TruceIngest
import TruceReport
import TruceStore

/// Agreements, one agreement as JSON or YAML, and the monitoring report on one.
struct AgreementRoutes {
    let store: StoreAccess

    enum AgreementFormat: String, CaseIterable { case json, yaml }
    enum ReportFormat: String, CaseIterable { case html, markdown, json }

    static let agreementRepresentation = Representation<AgreementFormat>(
        mediaTypes: [(.json, [Responses.json]), (.yaml, [Responses.yaml, "application/x-yaml", "text/yaml"])], fallback: .json)

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/agreements") { request, context in
            _ = try QueryParameters(request)
            try context.require(.readAgreements)
            let agreements = try await store.run { try $0.agreements() }
            return try Responses.encoded(Items(items: agreements.filter { context.allows(.readAgreements, agreement: $0.id) }))
        }
        router.get("/api/v1/agreements/{id}") { request, context in
            let id = try context.pathParameter("id")
            try context.require(.readAgreements, agreement: id)
            let format = try Self.agreementRepresentation.chosen(for: request, parameters: try QueryParameters(request))
            let agreement = try await store.run { try Agreements.named(id, in: $0) }
            switch format {
            case .json: return try Responses.encoded(agreement)
            case .yaml: return Responses.text(try AgreementWriter.yaml(for: agreement), as: Responses.yaml)
            }
        }
        router.get("/api/v1/agreements/{id}/report") { request, context in
            let id = try context.pathParameter("id")
            // A report shows every incident and verdict of its period, whatever their evidence.
            try context.require(.readIncidents, agreement: id)
            try context.require(.readVerdicts, agreement: id)
            let parameters = try QueryParameters(request)
            let format = try parameters.choice("format", ReportFormat.self) ?? .html
            let days = try parameters.days()
            let reportRequest = ReportRequest(
                agreement: id, date: try parameters.day("date"), from: days.from, to: days.to, format: Self.renderer(format))
            let report = try await store.run { try Reporting.render(reportRequest, store: $0) }
            switch format {
            case .html: return Responses.text(report.text, as: Responses.html)
            case .markdown: return Responses.text(report.text, as: Responses.markdown)
            case .json: return Responses.text(report.text, as: Responses.json)
            }
        }
    }

    private static func renderer(_ format: ReportFormat) -> ReportRenderer.Format {
        switch format {
        case .html: return .html
        case .markdown: return .md
        case .json: return .json
        }
    }
}

/// A list of items as the API writes lists that have no pages: `{"items": [...]}`.
struct Items<Item: Encodable>: Encodable {
    var items: [Item]
}

/// A page of items and the cursor of the next page (`null` on the last).
struct PageBody<Item: Encodable>: Encodable {
    var items: [Item]
    var next: PagePosition?

    enum CodingKeys: String, CodingKey { case items, next }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(next?.token, forKey: .next)
    }
}
