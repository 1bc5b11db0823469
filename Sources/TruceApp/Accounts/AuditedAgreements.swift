import Foundation
import TruceCore
import TruceStore

/// Saving agreements on behalf of someone: each agreement that is new or changed is saved with an audit entry
/// holding its content before and after, in one transaction.
public enum AuditedAgreements {
    /// Saves `agreements` as ``Store/save(agreements:)`` does, and for each one new or changed appends an audit
    /// entry of `action` (e.g. `PUT /api/v1/agreements/{id}`) by `author`; unchanged ones write no entry. All of it
    /// is committed together, or nothing is.
    /// - Returns: how many were new, updated and unchanged.
    public static func save(
        _ agreements: [Agreement], action: String, by author: ChangeAuthor, in store: some AccountStore, now: Date = Date()
    ) throws -> LoadSummary {
        try store.write { transaction in
            var summary = LoadSummary()
            for agreement in agreements {
                let before = try transaction.agreement(id: agreement.id)
                let saved = try transaction.save(agreements: [agreement])
                summary.new += saved.new
                summary.updated += saved.updated
                summary.unchanged += saved.unchanged
                guard saved.unchanged == 0 else { continue }
                try transaction.append(
                    AuditTrail.entry(
                        by: author, action: action, recordKind: "agreement", recordID: agreement.id, before: before, after: agreement, at: now))
            }
            return summary
        }
    }
}
