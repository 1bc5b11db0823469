import Foundation
import TruceCore
import TruceEngine
import TruceReport
import TruceStore

/// What an export holds.
public enum ExportKind: String, CaseIterable, Sendable {
    case incidents, verdicts, claims
}

/// An export to write: what, in which format, and which verdicts (the filters of a verdict listing). With an
/// agreement, a verdict kind or an evidence level, incidents and claims are those of the matching verdicts;
/// else those matching the party, the days and the region.
public struct ExportRequest: Hashable, Sendable {
    public var kind: ExportKind
    public var format: ExportFormat
    public var filter: VerdictFilter

    public init(kind: ExportKind, format: ExportFormat = .csv, filter: VerdictFilter = VerdictFilter()) {
        self.kind = kind
        self.format = format
        self.filter = filter
    }
}

/// An export ready to write: its filter checked against the store and its days placed in their zone.
///
/// Exports are written as they are read, a page at a time, so memory does not grow with their size. Incidents
/// as CSV are in Truce's own format and import back.
public struct Export {
    public let request: ExportRequest
    /// The zone the filter's days are counted in: the agreement's, or `nil` for UTC.
    public let zone: ZoneIdentifier?
    private let store: any VerdictStore
    private let days: TimeSpan?

    /// - Throws: ``NotFound`` when the filter names an agreement the store does not hold.
    public init(_ request: ExportRequest, from store: any VerdictStore) throws {
        self.request = request
        self.store = store
        zone = try request.filter.zone(in: store)
        days = request.filter.days.span(in: zone ?? .utc)
    }

    /// Writes the export to `output` a page at a time and flushes it. Verdicts in formats that give their
    /// clauses' reasons are judged again; the first judge of the process tells `observer` of missing outlines.
    /// - Returns: how many incidents (for incidents and claims) or verdicts were written.
    public func write(to output: BufferedOutput, observer: any ProgressObserver = QuietObserver()) throws -> Int {
        let format = request.format
        switch request.kind {
        case .incidents:
            var writer = try ExportWriter(format.incidents, to: output)
            try forEachIncidentPage(detail: format.incidentsNeedSourceFields ? .full : .withoutSourceFields) {
                try writer.write($0)
            }
            try writer.finish()
            return writer.count
        case .claims:
            var writer = try ExportWriter(format.claims, to: output)
            var incidents = 0
            try forEachIncidentPage(detail: .withoutSourceFields) { page in
                incidents += page.count
                try writer.write(page.lazy.flatMap { incident in incident.claims.lazy.map { (incident, $0) } })
            }
            try writer.finish()
            return incidents
        case .verdicts:
            var writer = try ExportWriter(format.verdicts, to: output)
            var reasons = VerdictReasons(store: store, judge: Bundled.judge(observer: observer))
            try store.forEachPage(ofVerdictsMatching: query) { page in
                guard format.verdictsNeedIncidents || format.verdictsNeedReasons else { return try writer.write(page.lazy.map { ($0, nil) }) }
                let incidents = try store.incidents(ids: Self.distinctIncidents(of: page), detail: .withoutSourceFields)
                let byID = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let explained = format.verdictsNeedReasons ? try reasons.explain(page, incidents: byID) : page
                guard format.verdictsNeedIncidents else { return try writer.write(explained.lazy.map { ($0, nil) }) }
                // A verdict whose incident is gone has nothing to draw.
                try writer.write(explained.compactMap { stored in byID[stored.verdict.incident].map { (stored, $0) } })
            }
            try writer.finish()
            return writer.count
        }
    }

    /// The verdicts to export.
    private var query: VerdictQuery { request.filter.query(zone: zone) }

    /// The incidents to export, a page at a time in the store's order: with an agreement, a verdict kind or an
    /// evidence level those of the matching verdicts, else those matching the party, the days and the region.
    private func forEachIncidentPage(detail: IncidentQuery.Detail, _ body: ([Incident]) throws -> Void) throws {
        let filter = request.filter
        guard filter.agreement == nil && filter.verdict == nil && filter.evidence == nil else {
            // Verdicts come by incident, so one incident's verdicts are together; one may span two pages.
            var last: IncidentID?
            try store.forEachPage(ofVerdictsMatching: query) { page in
                let ids = Self.distinctIncidents(of: page).filter { $0 != last }
                last = page.last?.verdict.incident ?? last
                try body(try store.incidents(ids: ids, detail: detail))
            }
            return
        }
        try store.forEachPage(
            ofIncidentsMatching: IncidentQuery(perpetrator: filter.party, during: days, region: filter.region, detail: detail), body)
    }

    /// The incidents of consecutive verdicts, each once, in order.
    private static func distinctIncidents(of verdicts: [StoredVerdict]) -> [IncidentID] {
        var ids: [IncidentID] = []
        for stored in verdicts where ids.last != stored.verdict.incident { ids.append(stored.verdict.incident) }
        return ids
    }
}
