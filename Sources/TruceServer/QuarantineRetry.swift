import Foundation
import TruceApp
import TruceCore
import TruceStore

/// `POST /api/v1/quarantine/retry`, as `truce quarantine retry` does: the files quarantined rows came from are
/// imported again (of one file, or only the rows of `ids`), and the rows that now read leave the quarantine.
/// One audit entry tells what it did.
struct QuarantineRetry {
    var file: String?
    var ids: Set<Int64>?
    var author: ChangeAuthor

    /// Retries in `store`, in the write queue's turn.
    func run(in store: SQLiteStore) throws -> [RetriedFile] {
        var results: [RetriedFile] = []
        for var quarantined in try Quarantine.files(file: file, in: store) {
            if let ids { quarantined.entries = quarantined.entries.filter { ids.contains($0.id) } }
            guard !quarantined.entries.isEmpty else { continue }
            var result = RetriedFile(file: quarantined.path, dataset: quarantined.dataset, outcome: "retried", rows: quarantined.entries.count)
            switch try Quarantine.retry(quarantined, in: store) {
            case .unreadable: result.outcome = "unreadable"
            case .unknownDataset: result.outcome = "unknown-dataset"
            case .retried(let fixed, let still, let summary):
                result.fixed = fixed
                result.stillQuarantined = still
                result.summary = summary
            }
            results.append(result)
        }
        let entry = try AuditTrail.entry(
            by: author, action: "POST /api/v1/quarantine/retry", recordKind: "quarantine", recordID: file ?? "*",
            before: [RetriedFile]?.none, after: results, at: Date())
        try AuditTrail(store: store).append(entry)
        return results
    }
}

/// What retrying one file's quarantined rows did: `retried` (with the rows fixed and still quarantined and the
/// import's summary), `unreadable` (the file is gone, or was uploaded) or `unknown-dataset`.
struct RetriedFile: Encodable, Sendable {
    var file: String
    var dataset: String
    var outcome: String
    /// The quarantined rows retried.
    var rows: Int
    var fixed = 0
    var stillQuarantined: Int?
    var summary: LoadSummary?

    enum CodingKeys: String, CodingKey {
        case file, dataset, outcome, rows, fixed, summary
        case stillQuarantined = "still_quarantined"
    }
}

/// The retry's answer: each file's outcome and the adjudication that followed.
struct RetryBody: Encodable {
    var files: [RetriedFile]
    var adjudication: AdjudicationBody?
}
