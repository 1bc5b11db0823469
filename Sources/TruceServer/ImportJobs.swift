import Foundation
import NIOConcurrencyHelpers
import ServiceLifecycle
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

/// The imports uploaded to the server, run in the background one at a time, in the order they came, each in
/// the write queue's turn. A service of the server's group: at shutdown the import running finishes and the
/// ones still queued are marked failed (their files are removed).
public final class ImportJobs: Service, Sendable {
    /// How many finished jobs are kept to be listed.
    static let kept = 200

    private let writes: WriteQueue
    private let jobs = NIOLockedValueBox(Jobs())
    private let queue: AsyncStream<Pending>
    private let continuation: AsyncStream<Pending>.Continuation

    private struct Jobs {
        var byID: [String: ImportJob] = [:]
        var order: [String] = []
        /// The uploaded files of the jobs not yet started, by job id.
        var waiting: [String: String] = [:]
    }

    /// An uploaded file awaiting its turn.
    struct Pending: Sendable {
        var id: String
        var path: String
        var author: ChangeAuthor
    }

    public init(writes: WriteQueue) {
        self.writes = writes
        (queue, continuation) = AsyncStream.makeStream(of: Pending.self)
    }

    /// The job `id`, or `nil`.
    public func job(_ id: String) -> ImportJob? {
        jobs.withLockedValue { $0.byID[id] }
    }

    /// The recent jobs, newest first.
    public func recent() -> [ImportJob] {
        jobs.withLockedValue { jobs in jobs.order.reversed().compactMap { jobs.byID[$0] } }
    }

    /// Queues the import of the file saved at `path` (which the job removes once done) as `dataset`, named `file`.
    func submit(path: String, dataset: String, file: String, by author: ChangeAuthor) -> ImportJob {
        let job = ImportJob(
            id: UUID().uuidString.lowercased(), state: .queued, dataset: dataset, file: file, progress: 0, submitted: Date(),
            submittedBy: author.name)
        jobs.withLockedValue { jobs in
            jobs.byID[job.id] = job
            jobs.order.append(job.id)
            jobs.waiting[job.id] = path
            while jobs.order.count > Self.kept, let oldest = jobs.order.first, jobs.byID[oldest]?.state != .queued {
                jobs.order.removeFirst()
                jobs.byID[oldest] = nil
            }
        }
        continuation.yield(Pending(id: job.id, path: path, author: author))
        return job
    }

    /// Runs the queued imports until shutdown.
    public func run() async throws {
        for await pending in queue.cancelOnGracefulShutdown() {
            await process(pending)
        }
        continuation.finish()
        let left = jobs.withLockedValue { jobs in
            defer { jobs.waiting = [:] }
            for id in jobs.waiting.keys {
                jobs.byID[id]?.state = .failed
                jobs.byID[id]?.error = "The server stopped before this import ran; upload the file again."
                jobs.byID[id]?.finished = Date()
            }
            return Array(jobs.waiting.values)
        }
        for path in left { try? FileManager.default.removeItem(atPath: path) }
    }

    private func process(_ pending: Pending) async {
        defer { try? FileManager.default.removeItem(atPath: pending.path) }
        let started = jobs.withLockedValue { jobs -> ImportJob? in
            guard jobs.waiting.removeValue(forKey: pending.id) != nil else { return nil }
            jobs.byID[pending.id]?.state = .running
            return jobs.byID[pending.id]
        }
        guard let job = started else { return }
        let record: ImportRecord
        do {
            let outcome = try await writes.write { store in
                try Self.importFile(pending, job: job, into: store) { records in self.update(job.id) { $0.progress = records } }
            }
            record = outcome.value
        } catch {
            record = ImportRecord(dataset: job.dataset, file: job.file, summary: nil, error: "The import could not run; try again later.")
        }
        TruceMetrics.importFinished(dataset: job.dataset)
        update(job.id) {
            $0.state = record.error == nil ? .done : .failed
            $0.summary = record.summary
            $0.error = record.error
            $0.finished = Date()
        }
    }

    /// Imports the file and appends the audit entry telling what it did, failed or not.
    private static func importFile(
        _ pending: Pending, job: ImportJob, into store: SQLiteStore, progress: @escaping @Sendable (Int) -> Void
    ) throws -> ImportRecord {
        var record = ImportRecord(dataset: job.dataset, file: job.file)
        do {
            guard let importer = try Importer(format: job.dataset) else { throw Problem.invalid("dataset", "one of acled, ucdp, gdelt, truce") }
            record.summary = try importer.importFile(pending.path, named: job.file, into: store, observer: JobObserver(progress: progress))
        } catch let failure as Failure {
            record.summary = failure.committed?.summary
            record.error = failure.message
        }
        let entry = try AuditTrail.entry(
            by: pending.author, action: "POST /api/v1/imports", recordKind: "import", recordID: job.id, before: ImportRecord?.none,
            after: record, at: Date())
        try AuditTrail(store: store).append(entry)
        return record
    }

    private func update(_ id: String, _ change: (inout ImportJob) -> Void) {
        jobs.withLockedValue { jobs in
            guard var job = jobs.byID[id] else { return }
            change(&job)
            jobs.byID[id] = job
        }
    }
}

/// Hands an import's count of records read to its job.
private struct JobObserver: ProgressObserver {
    let progress: @Sendable (Int) -> Void

    func importing(_ file: String, progress: ImportProgress) {
        self.progress(progress.records)
    }
}
