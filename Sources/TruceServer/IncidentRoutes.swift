import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TruceApp
import TruceCore
import TruceEngine
import TruceReport
import TruceStore

/// Incidents a page at a time (JSON, GeoJSON or CSV), one incident with its history, and its explanation.
struct IncidentRoutes {
    let store: StoreAccess
    let configuration: ServerConfiguration

    enum ListFormat: String, CaseIterable { case json, geojson, csv }

    static let listRepresentation = Representation<ListFormat>(
        mediaTypes: [(.json, [Responses.json]), (.geojson, [Responses.geoJSON]), (.csv, ["text/csv"])], fallback: .json)

    func add(to router: Router<TruceRequestContext>) {
        router.get("/api/v1/incidents") { request, context in try await list(request, context: context) }
        router.get("/api/v1/incidents/{id}") { _, context in
            let id = try context.pathParameter("id")
            try context.require(.readIncidents)
            let scope = context.principal?.agreementScope ?? []
            let bytes = try await store.run { store in
                guard let incident = try store.incidents(ids: [id], detail: .full).first, try Self.within(scope, incident, store)
                else { throw NotFound(.incident, id: id) }
                return Self.incidentBody(incident, history: try store.history(of: id))
            }
            return Responses.bytes(bytes, as: Responses.json)
        }
        router.get("/api/v1/incidents/{id}/explanation") { request, context in
            let id = try context.pathParameter("id")
            let agreement = try context.agreementFilter(try QueryParameters(request).text("agreement", maxBytes: 128), for: .readIncidents)
            try context.require(.readVerdicts, agreement: agreement)
            let scope = context.principal?.agreementScope ?? []
            let explanation = try await store.run { store in
                guard let incident = try store.incidents(ids: [id], detail: .full).first, try Self.within(scope, incident, store)
                else { throw NotFound(.incident, id: id) }
                return try Explaining.explain(incident: incident.id, agreement: agreement, store: store)
            }
            return try Responses.encoded(ExplanationBody(explanation))
        }
    }

    /// Whether `incident` is in the window and scope of one of the agreements of a user's `scope` (always, for
    /// a user with no scope): a scoped user is told nothing of the others.
    static func within(_ scope: [AgreementID], _ incident: Incident, _ store: SQLiteStore) throws -> Bool {
        guard !scope.isEmpty else { return true }
        return try scope.contains { id in
            try store.agreement(id: id).map { ScopeScreen.screen(incident, against: $0) != .outOfScope } ?? false
        }
    }

    /// Throws `NotFound` unless the record `id` exists within `scope`. With no scope every record is within it,
    /// and nothing is read: the use case that follows finds whether the record exists.
    static func requireWithin(_ scope: [AgreementID], id: IncidentID, _ store: SQLiteStore) throws {
        guard !scope.isEmpty else { return }
        guard let incident = try store.incidents(ids: [id], detail: .summary).first, try within(scope, incident, store) else {
            throw NotFound(.incident, id: id)
        }
    }

    private func list(_ request: Request, context: TruceRequestContext) async throws -> Response {
        let parameters = try QueryParameters(request)
        let format = try Self.listRepresentation.chosen(for: request, parameters: parameters)
        let filter = IncidentListRequest(
            agreement: try context.agreementFilter(try parameters.text("agreement", maxBytes: 128), for: .readIncidents),
            party: try parameters.text("party", maxBytes: 64).map { PartyID($0) },
            days: try parameters.days(), category: try parameters.choice("category"), country: try Self.country(parameters))
        let box = try parameters.text("bbox").map { text in
            guard let box = BoundingBox(text: text) else {
                throw Problem.invalid(
                    "bbox", "takes minLon,minLat,maxLon,maxLat: longitudes from -180 to 180, latitudes from -90 to 90, south ≤ north")
            }
            return box
        }
        let pageRequest = IncidentPageRequest(
            filter: filter, region: try parameters.text("region", maxBytes: 128), verdict: try parameters.choice("verdict"),
            evidence: try parameters.choice("evidence"), box: box, after: try parameters.cursor(), limit: try parameters.limit(configuration),
            detail: .withoutSourceFields)
        if format == .json {
            let buffer = try await store.run { Self.render(try IncidentListing.bodies(pageRequest, in: $0)) }
            return Responses.buffer(buffer, as: Responses.json)
        }
        let (bytes, next) = try await store.run { store in
            let page = try IncidentListing.page(pageRequest, in: store)
            return (try Self.render(page, as: format), page.next)
        }
        switch format {
        case .json, .geojson: return Responses.bytes(bytes, as: Responses.geoJSON, headers: Self.link(to: next, from: request))
        case .csv: return Responses.bytes(bytes, as: Responses.csv, headers: Self.link(to: next, from: request))
        }
    }

    private static func country(_ parameters: QueryParameters) throws -> String? {
        guard let text = try parameters.text("country") else { return nil }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard text.utf8.count == 2, text.utf8.allSatisfy(isLetter)
        else { throw Problem.invalid("country", "takes an ISO 3166-1 alpha-2 code, e.g. UA") }
        return text.uppercased()
    }

    /// A page as GeoJSON or CSV, in the export layouts (JSON pages are written from bodies: ``render(_:)``).
    static func render(_ page: IncidentPage, as format: ListFormat) throws -> [UInt8] {
        switch format {
        case .json, .geojson:
            return Array(try ExportFormat.geojson.incidents.text(of: page.incidents).utf8)
        case .csv:
            return Array(try ExportFormat.csv.incidents.text(of: page.incidents).utf8)
        }
    }

    /// A JSON page, `{"items": […], "next": …}`, written from the incidents' canonical JSON into one buffer.
    static func render(_ page: IncidentBodyPage) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(page.bodies.reduce(64) { $0 + $1.utf8.count + 1 })
        buffer.writeStaticString(#"{"items":["#)
        for (index, body) in page.bodies.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeString(body)
        }
        buffer.writeStaticString(#"],"next":"#)
        if let next = page.next {
            var token: [UInt8] = []
            JSONBytes.appendString(next.token, to: &token)
            buffer.writeBytes(token)
        } else {
            buffer.writeStaticString("null")
        }
        buffer.writeStaticString("}")
        return buffer
    }

    /// `{"incident": …, "history": […]}`, each in Truce's canonical JSON.
    static func incidentBody(_ incident: Incident, history: [Incident]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONBytes.appendRaw(#"{"history":["#, to: &bytes)
        for (index, earlier) in history.enumerated() {
            if index > 0 { JSONBytes.appendRaw(",", to: &bytes) }
            earlier.appendCanonicalJSON(to: &bytes)
        }
        JSONBytes.appendRaw(#"],"incident":"#, to: &bytes)
        incident.appendCanonicalJSON(to: &bytes)
        JSONBytes.appendRaw("}", to: &bytes)
        return bytes
    }

    /// A `Link` header to the next page: the same request with `cursor` set to `next`.
    static func link(to next: PagePosition?, from request: Request) -> HTTPFields {
        guard let next else { return [:] }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;#")
        var pairs: [String] = []
        for (name, value) in request.uri.queryParameters where name != "cursor" {
            let encoded = [String(name), String(value)].map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            pairs.append(encoded.joined(separator: "="))
        }
        pairs.append("cursor=\(next.token)")
        var headers = HTTPFields()
        headers[Responses.linkHeader] = "<\(request.uri.path)?\(pairs.joined(separator: "&"))>; rel=\"next\""
        return headers
    }
}

/// An explanation as the API writes it: the incident's id, one verdict per agreement clause by clause, its
/// evidence record and the incidents linked with it.
struct ExplanationBody: Encodable {
    var incident: IncidentID
    var verdicts: [Verdict]
    var evidence: EvidenceRecord?
    var linkedWith: [IncidentID]

    init(_ explanation: Explanation) {
        incident = explanation.incident.id
        verdicts = explanation.verdicts
        evidence = explanation.evidence
        linkedWith = explanation.linkedWith
    }

    enum CodingKeys: String, CodingKey {
        case incident, verdicts, evidence
        case linkedWith = "linked_with"
    }
}
