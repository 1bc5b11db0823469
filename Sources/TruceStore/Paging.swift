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

extension PagePosition {
    /// The position as one printable word, to hand back for the next page (`--after`, or a cursor in a URL):
    /// URL-safe Base64 of the start, the incident and the agreement.
    public var token: String {
        let text = [String(start), incident, agreement ?? ""].joined(separator: "\u{1F}")
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The position a ``token`` stands for, or `nil` when `token` is not one.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let start = Int64(parts[0]), !parts[1].isEmpty else { return nil }
        self.init(start: start, incident: parts[1], agreement: parts[2].isEmpty ? nil : parts[2])
    }
}

extension StoredVerdict {
    /// Where this verdict stands in the order of listings: pages that end with it go on after it.
    public var position: PagePosition {
        PagePosition(start: unix(start), incident: verdict.incident, agreement: verdict.agreement)
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

/// A stored incident as a page of bodies reads it: the values kept in columns, and its canonical JSON without
/// the source records' fields, byte for byte what ``TruceCore/Incident/appendCanonicalJSON(to:)`` writes for
/// the incident read with ``IncidentQuery/Detail/withoutSourceFields``.
public struct StoredIncidentRow: Sendable {
    /// The incident's ``IncidentQuery/Detail/summary``: time, place, action, target, accused party, fatalities.
    public var summary: Incident
    /// The incident's canonical JSON, without its source records' verbatim fields.
    public var body: String

    public init(summary: Incident, body: String) {
        self.summary = summary
        self.body = body
    }
}
