import TruceCore
import TruceEngine
import TruceStore

/// A page of incidents as their canonical JSON (without the source records' fields), and where the next starts.
public struct IncidentBodyPage: Sendable {
    /// Each incident's canonical JSON, in the page's order.
    public var bodies: [String]
    /// Where the next page starts, or `nil` when no incident follows.
    public var next: PagePosition?
}

extension IncidentListing {
    /// The page ``page(_:in:)`` lists, each incident as ``TruceCore/Incident/appendCanonicalJSON(to:)`` writes it
    /// when read without its source records' fields. Without verdict filters, the incidents are screened on the
    /// values their rows keep in columns, and only those kept are handed back as canonical JSON.
    /// - Throws: ``NotFound`` when the request names an agreement the store does not hold.
    public static func bodies(_ request: IncidentPageRequest, in store: some VerdictStore) throws -> IncidentBodyPage {
        precondition(request.limit > 0, "a page holds at least one incident")
        guard request.verdict == nil && request.evidence == nil else {
            let listed = try page(request, in: store)
            return IncidentBodyPage(bodies: listed.incidents.map(\.canonicalJSON), next: listed.next)
        }
        let found = try request.filter.agreement.map { try Agreements.named($0, in: store) }
        let query = storeQuery(for: request, agreement: found)
        let window = found?.outerSpan
        let (rows, next) = try collect(
            limit: request.limit, after: request.after, batch: batch(request, agreement: found),
            read: { try store.incidentRows(matching: query, after: $0, limit: $1) },
            keeps: { keeps($0.summary, agreement: found, window: window, box: request.box) }, position: \.summary.position)
        return IncidentBodyPage(bodies: rows.map(\.body), next: next)
    }
}
