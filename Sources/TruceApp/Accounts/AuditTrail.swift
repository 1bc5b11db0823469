import Foundation
import TruceCore
import TruceStore

/// The append-only record of every write: who, in which role, when, what, and the record before and after.
public struct AuditTrail: Sendable {
    public let store: any AccountStore

    public init(store: any AccountStore) {
        self.store = store
    }

    /// The entries `query` selects, oldest first.
    public func list(_ query: AuditQuery = AuditQuery()) throws -> [AuditEntry] {
        try store.auditEntries(matching: query)
    }

    /// Appends `entry` in a transaction of its own. To audit a change, append its entry in the change's own
    /// transaction instead (``AccountTransaction/append(_:)`` inside ``AccountStore/write(_:)``).
    @discardableResult
    public func append(_ entry: AuditEntry) throws -> AuditEntry {
        try store.write { try $0.append(entry) }
    }

    /// The entry telling that `author` did `action` on a record, with its content before and after as canonical
    /// JSON (`nil` for a record that did not exist before, or no longer exists after).
    public static func entry<Content: Encodable>(
        by author: ChangeAuthor, action: String, recordKind: String, recordID: String, before: Content?, after: Content?, at instant: Date
    ) throws -> AuditEntry {
        AuditEntry(
            at: instant, actor: author.name, role: author.role, action: action, recordKind: recordKind, recordID: recordID,
            before: try before.map { try TruceJSON.string($0) }, after: try after.map { try TruceJSON.string($0) }, requestID: author.requestID)
    }
}
