import Foundation
import TruceCore

/// Where a page of incidents or verdicts ended, in their order (the incident's start, its id, then for
/// verdicts the agreement): the next page starts after it.
public struct PagePosition: Hashable, Sendable {
    /// The incident's start, in whole seconds since 1970, as the store orders by it.
    public var start: Int64
    public var incident: IncidentID
    /// The verdict's agreement; `nil` for pages of incidents.
    public var agreement: AgreementID?

    public init(start: Int64, incident: IncidentID, agreement: AgreementID? = nil) {
        self.start = start
        self.incident = incident
        self.agreement = agreement
    }
}

/// One page of a long listing, and where the next one starts.
public struct Page<Item: Sendable>: Sendable {
    /// The page's items: as many as asked while more match. Only ``next`` says whether more follow.
    public var items: [Item]
    /// Where the next page starts, or `nil` when this is the last.
    public var next: PagePosition?

    public init(items: [Item], next: PagePosition?) {
        self.items = items
        self.next = next
    }
}

extension Store {
    /// Hands `body` every incident matching `query`, a page at a time, in the order of
    /// ``Store/incidents(matching:)``: memory holds one page however many incidents match. Each page is read
    /// in its own transaction, so an incident changed while the pages are read is read as it is then.
    public func forEachPage(
        ofIncidentsMatching query: IncidentQuery, pageSize: Int = 1_000, _ body: ([Incident]) throws -> Void
    ) throws {
        try readPages({ try incidents(matching: query, after: $0, limit: pageSize) }, body)
    }
}

extension VerdictStore {
    /// Hands `body` every verdict matching `query`, a page at a time, in the order of
    /// ``VerdictStore/verdicts(matching:)``: memory holds one page however many verdicts match.
    public func forEachPage(
        ofVerdictsMatching query: VerdictQuery, pageSize: Int = 1_000, _ body: ([StoredVerdict]) throws -> Void
    ) throws {
        try readPages({ try verdicts(matching: query, after: $0, limit: pageSize) }, body)
    }
}

/// Reads page after page with `read`, from the start until a page says it is the last, handing each non-empty
/// page's items to `body`.
private func readPages<Item>(_ read: (PagePosition?) throws -> Page<Item>, _ body: ([Item]) throws -> Void) throws {
    var position: PagePosition?
    repeat {
        let page = try read(position)
        if !page.items.isEmpty { try body(page.items) }
        position = page.next
    } while position != nil
}
