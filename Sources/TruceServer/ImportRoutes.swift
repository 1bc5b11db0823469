import Foundation
import HTTPTypes
import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// Imports (an uploaded file run as a background job), the quarantine's retry and adjudication runs.
struct ImportRoutes {
    let writes: WriteQueue
    let jobs: ImportJobs
    let upload: Upload
    let configuration: ServerConfiguration

    enum Dataset: String, CaseIterable { case acled, ucdp, gdelt, truce }

    func add(to router: Router<TruceRequestContext>) {
        router.post("/api/v1/imports") { request, context in
            try context.require(.runImports)
            let author = try context.author(for: .runImports)
            let parameters = try QueryParameters(request)
            guard let dataset = try parameters.choice("dataset", Dataset.self) else {
                throw Problem.invalid("dataset", "is required: one of acled, ucdp, gdelt, truce")
            }
            let name = try parameters.text("name", maxBytes: 255) ?? "upload"
            guard !name.contains("/"), !name.hasPrefix(".") else { throw Problem.invalid("name", "is a file name, without a folder") }
            let path = try await upload.save(request, maxBytes: configuration.maxUploadBytes)
            let job = jobs.submit(path: path, dataset: dataset.rawValue, file: name, by: author)
            var response = try Responses.encoded(job)
            response.status = .accepted
            response.headers[.location] = "/api/v1/imports/\(job.id)"
            return response
        }
        router.get("/api/v1/imports") { request, context in
            try context.require(.runImports)
            _ = try QueryParameters(request)
            return try Responses.encoded(Items(items: jobs.recent()))
        }
        router.get("/api/v1/imports/{id}") { request, context in
            try context.require(.runImports)
            _ = try QueryParameters(request)
            let id = try context.pathParameter("id")
            guard let job = jobs.job(id) else { throw Problem(.notFound, detail: "No import job has this id.") }
            return try Responses.encoded(job)
        }
        router.post("/api/v1/quarantine/retry") { request, context in
            try context.require(.runImports)
            let author = try context.author(for: .runImports)
            let parameters = try QueryParameters(request)
            let file = try parameters.text("file", maxBytes: 4_096)
            let ids = try parameters.text("ids").map(Self.ids)
            let outcome = try await writes.write { store in
                try QuarantineRetry(file: file, ids: ids, author: author).run(in: store)
            }
            return try Responses.encoded(RetryBody(files: outcome.value, adjudication: outcome.adjudication.map(AdjudicationBody.init)))
        }
        router.post("/api/v1/adjudications") { request, context in
            try context.require(.runAdjudication)
            let all = try Self.flag(try QueryParameters(request).text("all"), name: "all")
            return try Responses.encoded(AdjudicationBody(try await writes.adjudication(all: all)))
        }
    }

    /// The quarantined rows' ids of `text`, comma-separated.
    private static func ids(_ text: String) throws -> Set<Int64> {
        let ids = text.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard ids.count == text.split(separator: ",", omittingEmptySubsequences: false).count else {
            throw Problem.invalid("ids", "comma-separated row ids from GET /api/v1/quarantine")
        }
        return Set(ids)
    }

    private static func flag(_ text: String?, name: String) throws -> Bool {
        guard let text else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw Problem.invalid(name, "true or false")
        }
    }
}

/// An adjudication run's summary as the API writes it.
struct AdjudicationBody: Encodable {
    var judged: Int
    var agreements: Int
    var changedAgreements: Int
    var rejudged: Int
    var verdicts: [String: Int]
    var stale: Int
    var linked: Int
    var evidenceWritten: Int

    init(_ summary: AdjudicationSummary) {
        judged = summary.judged
        agreements = summary.agreements
        changedAgreements = summary.changedAgreements
        rejudged = summary.rejudged
        verdicts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.key.rawValue, $0.value) })
        stale = summary.stale
        linked = summary.linked
        evidenceWritten = summary.evidenceWritten
    }

    enum CodingKeys: String, CodingKey {
        case judged, agreements, rejudged, verdicts, stale, linked
        case changedAgreements = "changed_agreements"
        case evidenceWritten = "evidence_written"
    }
}
