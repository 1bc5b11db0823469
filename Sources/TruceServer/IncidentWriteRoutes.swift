import Foundation
import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// An analyst's correction of an incident: `PATCH /api/v1/incidents/{id}` with a JSON merge patch, saved in the
/// write queue's turn with the version it replaces kept in the incident's history and an audit entry of both.
struct IncidentWriteRoutes {
    let writes: WriteQueue
    let maxBodyBytes: Int

    /// The media types an edit takes: a merge patch, or plain JSON read as one.
    static let patchTypes: Set<String> = ["application/merge-patch+json", Responses.json]

    func add(to router: Router<TruceRequestContext>) {
        router.patch("/api/v1/incidents/{id}") { request, context in
            let id = try context.pathParameter("id")
            try context.require(.editIncidents)
            let author = try context.author(for: .editIncidents)
            let patch = Data(try await RequestBody.text(of: request, types: Self.patchTypes, maxBytes: maxBodyBytes).utf8)
            let scope = context.principal?.agreementScope ?? []
            let outcome = try await writes.write { store in
                // A user limited to some agreements edits only the incidents those agreements cover.
                guard let stored = try store.incidents(ids: [id], detail: .full).first, try IncidentRoutes.within(scope, stored, store) else {
                    throw NotFound(.incident, id: id)
                }
                let edited: Incident
                do {
                    edited = try IncidentEdits.apply(patch, to: id, action: "PATCH /api/v1/incidents/{id}", by: author, in: store)
                } catch let rejected as IncidentEdits.Rejected {
                    let error = Diagnostic(file: "-", line: nil, field: rejected.field, message: rejected.message)
                    throw Problem(.invalidContent, detail: "The incident's edit cannot be applied; nothing was stored.", errors: [error])
                }
                return IncidentRoutes.incidentBody(edited, history: try store.history(of: id))
            }
            return Responses.bytes(outcome.value, as: Responses.json)
        }
    }
}
