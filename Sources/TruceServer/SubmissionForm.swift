import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import TruceApp
import TruceCore
import TruceDashboard
import TruceIngest
import TruceStore

/// The monitors' submission form: `GET /submit` renders it with a fresh idempotency key; `POST /submit` takes it as
/// `multipart/form-data` (its fields as ``TruceApp/ObservationForm`` reads them, its files in `evidence`), keeps the
/// files and stores the observation under the form's key, so that a form sent twice (a double tap, an offline
/// draft sent again) is stored once. A browser is sent to the new incident's page (303); a script asking for JSON
/// gets `{"incident", "href"}` (201 when new, 200 when sent before). A refused form comes back with the reason and
/// the fields as typed (422), under the same key. `GET /assets/{name}` serves the form's script.
struct SubmissionForm {
    let store: StoreAccess
    let writes: WriteQueue
    let authentication: Authentication
    let evidence: EvidenceFiles
    let dashboard: Result<Dashboard, any Error>

    static let path = "/submit"

    /// The largest form taken: one video at its limit, or several photos, with the text fields.
    var maxFormBytes: Int {
        max(evidence.limits.videoBytes, 4 * evidence.limits.photoBytes) + (1 << 20)
    }

    func add(to router: Router<TruceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            let parameters = try QueryParameters(form: request)
            if let signIn = Self.signInFirst(request, context, path: Self.path) { return signIn }
            try context.require(.submitObservations)
            let page = try DashboardRoutes.pageRequest(request, parameters, context, path: Self.path)
            return DashboardRoutes.page(try dashboard.get().submitPage(SubmitFormState(idempotencyKey: UUID().uuidString.lowercased()), for: page))
        }
        router.post(RouterPath(Self.path)) { request, context in
            let form = try await MultipartForm.read(request, maxBytes: maxFormBytes)
            try await DashboardForms.checkFormToken(
                form.fields["csrf"], of: request, context: context, authentication: authentication, store: store)
            try context.require(.submitObservations)
            let author = try context.author(for: .submitObservations)
            let language = Language(rawValue: form.fields["lang"] ?? "") ?? .english
            let wantsJSON = (request.headers[.accept] ?? "").contains(Responses.json)
            let key = form.fields["key"] ?? ""
            do {
                let submitted = try await submit(form, key: key, by: author)
                let href = Dashboard.href("/incidents/\(submitted.incident.id)", [("lang", language.rawValue), ("submitted", "1")])
                if wantsJSON {
                    let body = try JSONSerialization.data(withJSONObject: ["incident": submitted.incident.id, "href": href], options: [.sortedKeys])
                    return Responses.bytes(Array(body), as: Responses.json, status: submitted.isNew ? .created : .ok, headers: [.location: href])
                }
                return Response(status: .seeOther, headers: [.location: href])
            } catch let refusal as FormRefusal {
                if wantsJSON { throw refusal.problem }
                let state = SubmitFormState(
                    idempotencyKey: key.isEmpty ? UUID().uuidString.lowercased() : key,
                    fields: form.fields.filter { !["csrf", "key", "lang"].contains($0.key) }, refusal: (refusal.field, refusal.message))
                let page = PageRequest(
                    language: language, path: Self.path, query: [],
                    viewer: try DashboardRoutes.pageRequest(request, try QueryParameters(form: request), context, path: Self.path).viewer)
                let html = try dashboard.get().submitPage(state, for: page)
                return Responses.bytes(
                    Array(html.utf8), as: Responses.html, status: refusal.problem.kind.status, headers: [.cacheControl: "no-store"])
            }
        }
        router.get("/assets/{name}") { _, context in
            let name = try context.pathParameter("name")
            guard let asset = try dashboard.get().asset(named: name) else { throw Problem(.notFound, detail: "There is no asset \(name).") }
            return Responses.bytes(asset.bytes, as: asset.mediaType, headers: [.cacheControl: "public, max-age=300"])
        }
    }

    /// A form refused: the field at fault and why, with the API's answer for it.
    struct FormRefusal: Error {
        var field: String
        var message: String
        var problem: Problem
    }

    /// Keeps the form's files, then stores its observation.
    /// - Throws: ``FormRefusal`` for a field or file at fault, or a key used before for other content.
    private func submit(_ form: MultipartForm, key: String, by author: ChangeAuthor) async throws -> Observations.Submitted {
        let files = evidence
        let uploads = form.files.filter { $0.field == "evidence" }
        guard uploads.count <= Observations.maxEvidenceFiles else {
            throw Self.refusal("evidence", "holds at most \(Observations.maxEvidenceFiles) files")
        }
        // Hashing and taking a photo's metadata out are work for a thread of the pool, not the event loop.
        let kept: [StoredEvidence] = try await NIOThreadPool.singleton.runIfActive {
            try uploads.map { upload in
                do {
                    return try files.keep(upload.bytes, declaredType: upload.mediaType)
                } catch let error as EvidenceError {
                    throw Self.refusal("evidence", "\(upload.filename): \(error.description)", status: ObservationRoutes.problem(error).kind.status)
                }
            }
        }
        var unique: [StoredEvidence] = []
        for file in kept where !unique.contains(where: { $0.sha256 == file.sha256 }) { unique.append(file) }
        let body: Data
        do {
            body = try ObservationForm(fields: form.fields).body(evidence: unique.map(\.sha256))
        } catch let rejected as IncidentEdits.Rejected {
            throw Self.refusal(rejected.field, rejected.message)
        }
        let evidence = unique
        return try await writes.write { store in
            do {
                return try Observations.submit(body, idempotencyKey: key, evidence: evidence, by: author, in: store)
            } catch let rejected as IncidentEdits.Rejected {
                throw Self.refusal(rejected.field == "idempotencyKey" ? "key" : rejected.field, rejected.message)
            } catch let conflict as Observations.Conflict {
                throw FormRefusal(field: "key", message: conflict.description, problem: Problem(.conflict, detail: conflict.description))
            }
        }.value
    }

    static func refusal(_ field: String, _ message: String, status: HTTPResponse.Status = .unprocessableContent) -> FormRefusal {
        let problem: Problem =
            status == .unprocessableContent
            ? Problem(
                .invalidContent, detail: "The observation cannot be stored; nothing was stored.",
                errors: [Diagnostic(file: "-", line: nil, field: field, message: message)])
            : Problem(status == .contentTooLarge ? .payloadTooLarge : .storeUnavailable, detail: "\(field): \(message)")
        return FormRefusal(field: field, message: message, problem: problem)
    }

    /// A redirect to the sign-in form for a browser that has not signed in, coming back to `path` after.
    static func signInFirst(_ request: Request, _ context: TruceRequestContext, path: String) -> Response? {
        guard context.principal == nil else { return nil }
        let language = (try? QueryParameters(form: request)).flatMap { $0.values["lang"] } ?? "en"
        return Response(status: .seeOther, headers: [.location: Dashboard.href(DashboardForms.signInPath, [("lang", language), ("next", path)])])
    }
}
