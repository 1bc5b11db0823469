import TruceCore
import TruceIngest

/// Hears what a use case has to say while it runs: notes for people (a bundled file missing, an agreement
/// file's diagnostics) and an import's progress and quarantined records. Every method does nothing unless a
/// conforming type says otherwise.
public protocol ProgressObserver {
    /// Something a person should know that does not stop the use case, on one or more lines.
    func note(_ text: String)
    /// An import starts reading `file`.
    func startedImporting(_ file: String)
    /// How far the import of `file` has come; called often, from the thread that reads it.
    func importing(_ file: String, progress: ImportProgress)
    /// A record kept aside, with its file, line, field and reason.
    func quarantined(_ record: QuarantinedRecord)
    /// The import of `file` ended, complete or not.
    func finishedImporting(_ file: String)
}

extension ProgressObserver {
    public func note(_ text: String) {}
    public func startedImporting(_ file: String) {}
    public func importing(_ file: String, progress: ImportProgress) {}
    public func quarantined(_ record: QuarantinedRecord) {}
    public func finishedImporting(_ file: String) {}
}

/// An observer that hears nothing: for callers that only want the result.
public struct QuietObserver: ProgressObserver, Sendable {
    public init() {}
}
