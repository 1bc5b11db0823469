import Foundation
import TruceCore

/// An uploaded file's import, as `GET /api/v1/imports/{id}` shows it: queued, running (with the records read so
/// far), then done with its summary, or failed with why.
public struct ImportJob: Hashable, Encodable, Sendable {
    public enum State: String, Hashable, Encodable, Sendable { case queued, running, done, failed }

    public var id: String
    public var state: State
    /// The dataset format: `acled`, `ucdp`, `gdelt` or `truce`.
    public var dataset: String
    /// The file's name as its records keep it.
    public var file: String
    /// Records read so far (saved or quarantined).
    public var progress: Int
    /// New, updated, unchanged and quarantined records: once done, or what was committed before a failure.
    public var summary: LoadSummary?
    /// Why the import failed, in plain words.
    public var error: String?
    public var submitted: Date
    public var finished: Date?
    /// Who submitted it.
    public var submittedBy: String

    enum CodingKeys: String, CodingKey {
        case id, state, dataset, file, progress, summary, error, submitted, finished
        case submittedBy = "submitted_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(state, forKey: .state)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(file, forKey: .file)
        try container.encode(progress, forKey: .progress)
        try container.encode(summary, forKey: .summary)
        try container.encode(error, forKey: .error)
        try container.encode(submitted, forKey: .submitted)
        try container.encode(finished, forKey: .finished)
        try container.encode(submittedBy, forKey: .submittedBy)
    }
}

/// What the audit trail keeps of an import: the dataset, the file and what it did.
struct ImportRecord: Encodable {
    var dataset: String
    var file: String
    var summary: LoadSummary?
    var error: String?
}
