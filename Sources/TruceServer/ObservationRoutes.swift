import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

/// Monitors' submissions: evidence files (`POST /api/v1/evidence`, the file's bytes as the body), observations
/// (`POST /api/v1/observations` with an `Idempotency-Key` header), and the files read back
/// (`GET /api/v1/evidence/{sha256}`): the original for reviewers, a photo's copy without metadata for everyone else.
struct ObservationRoutes {
    let writes: WriteQueue
    let evidence: EvidenceFiles
    let maxBodyBytes: Int

    /// The header naming a submission's idempotency key.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// The media types evidence is sent as: each kind's own.
    static let evidenceTypes = Set(EvidenceKind.allCases.map(\.mediaType))

    func add(to router: Router<TruceRequestContext>) {
        router.post("/api/v1/evidence") { request, context in
            try context.require(.submitObservations)
            _ = try context.author(for: .submitObservations)
            try RequestBody.requireMediaType(of: request, in: Self.evidenceTypes)
            let declared = request.headers[.contentType] ?? ""
            let kind = EvidenceKind.allCases.first { declared.lowercased().hasPrefix($0.mediaType) }
            let limit = kind.map(evidence.limits.maximumBytes(of:)) ?? 0
            var request = request
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw Problem(.payloadTooLarge, detail: "A \(kind?.rawValue ?? "file") is kept up to \(limit) bytes.")
            }
            let bytes = Array(buffer.readableBytesView)
            let files = evidence
            // Hashing and taking a photo's metadata out are work for a thread of the pool, not the event loop.
            let kept = try await NIOThreadPool.singleton.runIfActive { try Self.keep(bytes, declaredType: declared, in: files) }
            return try Responses.encoded(EvidenceBody(kept), status: .created, headers: [.location: "/api/v1/evidence/\(kept.sha256)"])
        }
        router.get("/api/v1/evidence/{sha256}") { _, context in
            let name = try context.pathParameter("sha256")
            try context.require(.readIncidents)
            let files = evidence
            let reviewer = context.allows(.review)
            // Reading, hashing and stripping a file are work for a thread of the pool, not the event loop.
            let shown: (kind: EvidenceKind, bytes: [UInt8])? = try await NIOThreadPool.singleton.runIfActive {
                do {
                    return try files.shown(named: name, toReviewer: reviewer)
                } catch let error as EvidenceError {
                    throw Self.problem(error)
                }
            }
            guard let shown else {
                throw Problem(.forbidden, detail: "Only reviewers see videos and documents: Truce does not take their metadata out.")
            }
            return Responses.bytes(shown.bytes, as: shown.kind.mediaType, headers: Self.privateFile)
        }
        router.post("/api/v1/observations") { request, context in
            try context.require(.submitObservations)
            let author = try context.author(for: .submitObservations)
            guard let key = request.headers[Self.idempotencyKey] else {
                throw Problem(
                    .invalidContent, detail: "An observation needs an Idempotency-Key header: a key the sender keeps until it is sent.",
                    errors: [Diagnostic(file: "-", line: nil, field: "Idempotency-Key", message: "is missing")])
            }
            let body = Data(try await RequestBody.text(of: request, types: [Responses.json], maxBytes: maxBodyBytes).utf8)
            let files = evidence
            let submitted = try await writes.write { store in
                do {
                    return try Observations.submit(body, idempotencyKey: key, evidenceIn: files, by: author, in: store)
                } catch let rejected as IncidentEdits.Rejected {
                    let error = Diagnostic(file: "-", line: nil, field: rejected.field, message: rejected.message)
                    throw Problem(.invalidContent, detail: "The observation cannot be stored; nothing was stored.", errors: [error])
                } catch let conflict as Observations.Conflict {
                    throw Problem(.conflict, detail: conflict.description)
                }
            }.value
            let json = IncidentRoutes.incidentBody(submitted.incident, history: [])
            return Responses.bytes(
                json, as: Responses.json, status: submitted.isNew ? .created : .ok,
                headers: [.location: "/api/v1/incidents/\(submitted.incident.id)"])
        }
    }

    /// No shared cache keeps an evidence file: what a reader is shown depends on who asks.
    static let privateFile: HTTPFields = [.cacheControl: "private, no-store"]

    static func keep(_ bytes: [UInt8], declaredType: String, in files: EvidenceFiles) throws -> StoredEvidence {
        do {
            return try files.keep(bytes, declaredType: declaredType)
        } catch let error as EvidenceError {
            throw problem(error)
        }
    }

    /// The answer to an evidence error: 404 for a file not kept, 413 for one too large, 422 for one Truce does not
    /// keep, 503 when it cannot be read or written.
    static func problem(_ error: EvidenceError) -> Problem {
        switch error {
        case .notFound: Problem(.notFound, detail: error.description)
        case .tooLarge: Problem(.payloadTooLarge, detail: error.description)
        case .unknownKind, .mismatch, .unreadablePhoto:
            Problem(
                .invalidContent, detail: "The file cannot be kept; nothing was stored.",
                errors: [Diagnostic(file: "-", line: nil, field: "body", message: error.description)])
        case .corrupted, .storage: Problem(.storeUnavailable, detail: "The evidence files cannot be read or written right now; try again later.")
        }
    }

}

/// What a kept file is said to be: its name, kind, size and, for a photo, its published copy's name and the
/// metadata its original carries (which readers other than reviewers never see).
struct EvidenceBody: Encodable {
    var sha256: String
    var kind: String
    var mediaType: String
    var size: Int
    var publishedSHA256: String?
    var originalMetadata: [String]

    init(_ kept: StoredEvidence) {
        sha256 = kept.sha256
        kind = kept.kind.rawValue
        mediaType = kept.kind.mediaType
        size = kept.size
        publishedSHA256 = kept.publishedSHA256
        originalMetadata = kept.originalMetadata.map(\.rawValue)
    }

    enum CodingKeys: String, CodingKey {
        case sha256, kind, size
        case mediaType = "media_type"
        case publishedSHA256 = "published_sha256"
        case originalMetadata = "original_metadata"
    }
}
