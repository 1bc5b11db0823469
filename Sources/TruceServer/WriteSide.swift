import Foundation
import TruceStore

/// What the write routes share: the queue every write takes its turn in, the import jobs (a service to run
/// with the server) and where uploads wait.
public struct WriteSide: Sendable {
    public let writes: WriteQueue
    public let jobs: ImportJobs
    let upload: Upload

    /// The write side over `store`, uploads waiting in a new folder of `uploads` (the system's temporary folder
    /// when `nil`).
    public init(configuration: ServerConfiguration, store: SQLiteStore, uploads: URL? = nil) {
        writes = WriteQueue(store: store, adjudicateAfterWrites: configuration.adjudicateAfterWrites)
        jobs = ImportJobs(writes: writes)
        let base = uploads ?? FileManager.default.temporaryDirectory
        upload = Upload(directory: base.appendingPathComponent("truce-uploads-\(UUID().uuidString.lowercased())"))
    }
}
