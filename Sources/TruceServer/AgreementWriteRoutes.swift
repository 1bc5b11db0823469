import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

/// Agreements created and replaced from YAML, and status events added to them: read by the same validator as
/// `truce agreements validate`, saved in the write queue's turn with an audit entry in the same transaction.
struct AgreementWriteRoutes {
    let writes: WriteQueue
    let maxBodyBytes: Int

    func add(to router: Router<TruceRequestContext>) {
        router.post("/api/v1/agreements") { request, context in
            try context.require(.editAgreements)
            let author = try context.author(for: .editAgreements)
            let (agreement, _) = try await readAgreement(request)
            _ = try await writes.write { store in
                guard try store.agreement(id: agreement.id) == nil else {
                    throw Problem(.conflict, detail: "An agreement with the id \(agreement.id) exists; replace it with PUT.")
                }
                return try AuditedAgreements.save([agreement], action: "POST /api/v1/agreements", by: author, in: store)
            }
            return try Self.stored(agreement, status: .created)
        }
        router.put("/api/v1/agreements/{id}") { request, context in
            let id = try context.pathParameter("id")
            try context.require(.editAgreements, agreement: id)
            let author = try context.author(for: .editAgreements)
            let (agreement, idLine) = try await readAgreement(request)
            guard agreement.id == id else {
                let error = Diagnostic(file: "-", line: idLine, field: "id", message: "is \"\(agreement.id)\" but the path names \"\(id)\"")
                throw Self.invalid([error], what: "agreement")
            }
            let outcome = try await writes.write { store in
                try AuditedAgreements.save([agreement], action: "PUT /api/v1/agreements/{id}", by: author, in: store)
            }
            return try Self.stored(agreement, status: outcome.value.new > 0 ? .created : .ok)
        }
        router.post("/api/v1/agreements/{id}/status-events") { request, context in
            let id = try context.pathParameter("id")
            try context.require(.editAgreements, agreement: id)
            let author = try context.author(for: .editAgreements)
            let text = try await RequestBody.text(of: request, types: RequestBody.yamlTypes.union([Responses.json]), maxBytes: maxBodyBytes)
            let outcome = try await writes.write { store in
                let agreement = try Agreements.named(id, in: store)
                let read = StatusEventReader.read(yaml: text, file: "status event", for: agreement)
                guard let event = read.event else { throw Self.invalid(read.diagnostics, what: "status event") }
                let changed = agreement.adding(event)
                _ = try AuditedAgreements.save([changed], action: "POST /api/v1/agreements/{id}/status-events", by: author, in: store)
                return changed
            }
            return try Self.stored(outcome.value, status: .created)
        }
    }

    /// The agreement a YAML body holds.
    /// - Throws: ``Problem`` 422 with every error (line, field, message) when it has any.
    private func readAgreement(_ request: Request) async throws -> (Agreement, idLine: Int?) {
        let text = try await RequestBody.text(of: request, types: RequestBody.yamlTypes, maxBytes: maxBodyBytes)
        // "-" names no file, so no warning compares the id with a file name.
        let read = AgreementReader.read(yaml: text, file: "-")
        guard let agreement = read.agreement else { throw Self.invalid(read.diagnostics, what: "agreement") }
        return (agreement, read.idLine)
    }

    /// The 422 problem listing every error of `diagnostics`.
    static func invalid(_ diagnostics: [Diagnostic], what: String) -> Problem {
        let errors = diagnostics.filter(\.isError)
        return Problem(.invalidContent, detail: "The \(what) has \(errors.count) error(s); nothing was stored.", errors: errors)
    }

    private static func stored(_ agreement: Agreement, status: HTTPResponse.Status) throws -> Response {
        var response = try Responses.encoded(agreement)
        response.status = status
        if status == .created { response.headers[.location] = "/api/v1/agreements/\(agreement.id)" }
        return response
    }
}
