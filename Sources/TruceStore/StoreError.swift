import Foundation

/// A failure of the store, naming the database file, what was being done and, in plain words, why.
///
/// ``description`` is meant for people: it never carries SQL or a database library's dump. ``details`` keeps
/// the underlying error for debugging.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// Why the store failed, in the terms a user can act on.
    public enum Cause: Hashable, Sendable {
        /// Another process held the write lock for longer than the busy timeout (in seconds).
        case busy(timeout: Double)
        /// The disk (or its quota) holding the database is full.
        case diskFull
        /// The database file or its folder cannot be written.
        case readOnly
        /// The operating system reported an input/output error.
        case inputOutput
        /// The file is not an SQLite database, or is damaged.
        case damaged
        /// There is no database at the path (when opening one only to read it).
        case missing
        /// The file holds an SQLite database without Truce's schema.
        case notTruce
        /// The database was made by an older Truce: `truce init` upgrades it.
        case schemaBehind
        /// The database was made by a newer Truce.
        case schemaAhead
        /// The store was opened read-only and was asked to write.
        case openedReadOnly
        /// One record cannot be stored (too large, or against a constraint): the record, not the environment,
        /// is at fault, so saving the others can go on.
        case recordRejected(String)
        /// Anything else, with the database's own short message (never SQL).
        case other(String)
    }

    public var path: String
    public var operation: String
    public var cause: Cause
    /// The underlying error in full, for debugging: may contain SQL.
    public var details: String

    public init(path: String, operation: String, cause: Cause, details: String = "") {
        self.path = path
        self.operation = operation
        self.cause = cause
        self.details = details
    }

    /// Whether the failure comes from one record rather than from the disk, the lock or the file.
    public var isCausedByRecord: Bool {
        if case .recordRejected = cause { return true }
        return false
    }

    /// The cause in plain words, naming the database.
    public var description: String {
        switch cause {
        case .busy(let timeout):
            return "another Truce command is writing to \(path); waited \(Self.seconds(timeout)); re-run when it has "
                + "finished (TRUCE_BUSY_TIMEOUT sets how long to wait)"
        case .diskFull:
            return "the disk holding \(path) is full; free some space"
        case .readOnly:
            return "\(path) cannot be written: the file or its folder is read-only"
        case .inputOutput:
            return "\(path) could not be read or written: the disk reported an input/output error"
        case .damaged:
            return "\(path) is not a Truce database or is damaged"
        case .missing:
            return "there is no database at \(path); create one with `truce init`"
        case .notTruce:
            return "\(path) is not a Truce database; create one with `truce init --db PATH` elsewhere"
        case .schemaBehind:
            return "the database at \(path) was made by an older Truce; run `truce init` to upgrade it"
        case .schemaAhead:
            return "the database at \(path) was made by a newer Truce; use that version to read it"
        case .openedReadOnly:
            return "\(path) was opened read-only and cannot \(operation)"
        case .recordRejected(let reason):
            return "\(path) cannot \(operation): \(reason)"
        case .other(let message):
            return "\(path): cannot \(operation): \(message)"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
