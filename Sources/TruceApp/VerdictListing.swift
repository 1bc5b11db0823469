import TruceCore
import TruceStore

/// What one row of a verdict listing stands for.
public enum VerdictUnit: String, CaseIterable, Sendable {
    /// An event (the records linked as one happening), per accused party.
    case event
    /// A single record.
    case record
}

/// A page of stored verdicts to list.
public struct VerdictListRequest: Hashable, Sendable {
    public var filter: VerdictFilter
    public var unit: VerdictUnit
    /// List the rows after this position (from the start when `nil`).
    public var after: PagePosition?
    /// At most this many rows; `nil` for every matching row.
    public var limit: Int?

    public init(filter: VerdictFilter = VerdictFilter(), unit: VerdictUnit = .event, after: PagePosition? = nil, limit: Int? = 100) {
        self.filter = filter
        self.unit = unit
        self.after = after
        self.limit = limit
    }
}

/// Stored verdicts listed: one row per record, or per event and accused party.
public struct VerdictList: Sendable {
    /// The rows, by the unit asked for.
    public enum Rows: Sendable {
        case records([StoredVerdict])
        case events([EventListing.Row])
    }

    public var rows: Rows
    /// Where the next page starts, or `nil` when no row follows.
    public var next: PagePosition?
    /// The zone the filter's days are counted in: the agreement's, or `nil` for UTC.
    public var zone: ZoneIdentifier?
}

/// Listing stored verdicts a page at a time.
public enum VerdictListing {
    /// The rows `request` asks for. Filters select records; an event row holds the strongest verdict of its
    /// matching records (see ``EventVerdictPages``).
    /// - Throws: ``NotFound`` when the filter names an agreement the store does not hold.
    public static func list(_ request: VerdictListRequest, in store: some VerdictStore) throws -> VerdictList {
        let zone = try request.filter.zone(in: store)
        let query = request.filter.query(zone: zone)
        switch (request.unit, request.limit) {
        case (.record, nil):
            return VerdictList(rows: .records(try store.verdicts(matching: query)), next: nil, zone: zone)
        case (.record, let limit?):
            let page = try store.verdicts(matching: query, after: request.after, limit: limit)
            return VerdictList(rows: .records(page.items), next: page.next, zone: zone)
        case (.event, nil):
            return VerdictList(rows: .events(EventListing(try store.verdicts(matching: query)).rows), next: nil, zone: zone)
        case (.event, let limit?):
            let page = try EventVerdictPages(store: store, query: query).page(after: request.after, limit: limit)
            return VerdictList(rows: .events(page.rows), next: page.next, zone: zone)
        }
    }
}
