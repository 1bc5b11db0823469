import TruceCore

/// Why a use case stopped: words for people that name the file, line and field where there are any, and the
/// kind of problem, which the command line turns into its exit code.
///
/// Use cases also let the store's own ``TruceStore/StoreError`` through, and throw ``NotFound`` for an id the
/// store does not hold and ``MissingBundledFile`` for a shipped file that is not there.
public struct Failure: Error, CustomStringConvertible, Sendable {
    /// What kind of problem stopped the use case.
    public enum Kind: Sendable, Equatable {
        /// The input is wrong: a file that cannot be read or has errors, rows quarantined where none may be.
        case invalidInput
        /// The store could not be opened or written.
        case storeFailure
    }

    public var message: String
    public var kind: Kind
    /// For an import that stopped part-way: its file and what was committed before it stopped.
    public var committed: FileImport?
    /// The underlying error in full, for debugging.
    public var details: String?

    public var description: String { message }

    public init(message: String, kind: Kind, committed: FileImport? = nil, details: String? = nil) {
        self.message = message
        self.kind = kind
        self.committed = committed
        self.details = details
    }
}

/// An id the store holds nothing under.
public struct NotFound: Error, Hashable, CustomStringConvertible, Sendable {
    /// What was looked for.
    public enum Thing: Hashable, Sendable {
        case agreement, incident, quarantinedRow
    }

    public var thing: Thing
    public var id: String

    public init(_ thing: Thing, id: String) {
        self.thing = thing
        self.id = id
    }

    /// E.g. `no agreement with id "gaza-ceasefire-2025"`, `no quarantined row with id 12`.
    public var description: String {
        switch thing {
        case .agreement: return "no agreement with id \"\(id)\""
        case .incident: return "no incident with id \"\(id)\""
        case .quarantinedRow: return "no quarantined row with id \(id)"
        }
    }
}

/// One file's import: its name as given and its counts.
public struct FileImport: Hashable, Sendable {
    public var file: String
    public var summary: LoadSummary

    public init(file: String, summary: LoadSummary) {
        self.file = file
        self.summary = summary
    }
}
