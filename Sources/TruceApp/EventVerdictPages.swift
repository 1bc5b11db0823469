import Foundation
import TruceCore
import TruceStore

/// Event verdicts a page at a time, in the order of the stored record verdicts they group.
///
/// An event's records may lie far apart in that order, so each event row is listed once, on the page that
/// holds its first matching record, and is complete there: its other matching records are looked up by event,
/// wherever they lie. Memory and time follow the page, not the store.
public struct EventVerdictPages {
    public let store: any VerdictStore
    public let query: VerdictQuery

    public init(store: any VerdictStore, query: VerdictQuery) {
        self.store = store
        self.query = query
    }

    /// At most `limit` event rows whose first record comes after `position` (from the start when `nil`), and
    /// where the next page starts (`nil` when no row follows).
    public func page(after position: PagePosition?, limit: Int) throws -> (rows: [EventListing.Row], next: PagePosition?) {
        precondition(limit > 0, "a page holds at least one row")
        var rows: [EventListing.Row] = []
        var cursor = position
        var lastListed: PagePosition?
        // Records are read in batches a little larger than the page: some belong to events listed before.
        let batch = max(limit, 200)
        while true {
            let records = try store.verdicts(matching: query, after: cursor, limit: batch)
            var byFirstRecord: [PagePosition: EventListing.Row] = [:]
            for row in EventListing(try completed(records.items)).rows {
                if let first = row.firstRecord { byFirstRecord[first] = row }
            }
            for record in records.items {
                guard let row = byFirstRecord[record.position] else { continue }
                // A row beyond the page: the next page starts after the last row listed.
                if rows.count == limit { return (rows, lastListed) }
                rows.append(row)
                lastListed = record.position
            }
            guard let next = records.next else { return (rows, nil) }
            cursor = next
        }
    }

    /// `records` with the other matching records of their events.
    private func completed(_ records: [StoredVerdict]) throws -> [StoredVerdict] {
        let events = Set(records.compactMap(\.event))
        guard !events.isEmpty else { return records }
        var members = query
        members.events = events
        return try store.verdicts(matching: members) + records.filter { $0.event == nil }
    }
}

extension EventListing.Row {
    /// The position of the row's first record in the order of listings.
    public var firstRecord: PagePosition? {
        verdicts.map(\.position).min(by: PagePosition.precedes)
    }
}

extension PagePosition {
    /// Whether `a` comes before `b` in the store's order: by start, then incident, then agreement, ids compared
    /// byte by byte as SQLite compares them.
    public static func precedes(_ a: PagePosition, _ b: PagePosition) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.incident != b.incident { return a.incident.utf8.lexicographicallyPrecedes(b.incident.utf8) }
        return (a.agreement ?? "").utf8.lexicographicallyPrecedes((b.agreement ?? "").utf8)
    }
}
