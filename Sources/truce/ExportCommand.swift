import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport
import TruceStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export incidents, verdicts or claims as CSV, GeoJSON (RFC 7946) or JSON Lines.",
        discussion: """
            The filters are those of `truce verdicts list`. With --agreement, --verdict or --evidence, incidents and \
            claims are those of the matching verdicts (run `truce adjudicate` first). Incidents as CSV are in \
            Truce's own format and read back with `truce import truce`. CSV cells that a spreadsheet would run \
            as a formula start with an added ' (docs/formats.md), which `truce import truce` takes off. Exports \
            are written as they are read, a page at a time, so memory does not grow with their size. With \
            --agreement, --from and --to are days in the agreement's time zone, else UTC days; standard error \
            says which. The exported contents are the same either way (instants in UTC).
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case incidents, verdicts, claims }

    @Argument(help: "What to export.")
    var kind: Kind

    @Option(help: "The export's format.")
    var format: ExportFormat = .csv

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: "Only incidents judged under this agreement; --from and --to are then days in its time zone.")
    var agreement: String?
    @Option(help: "Only this verdict.")
    var verdict: VerdictKind?
    @Option(help: "Only this evidence level.")
    var evidence: EvidenceLevel?
    @Option(help: "Only this region (any of its names) or country code.")
    var region: String?
    @OptionGroup var filters: PartyAndDateFilters

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.openForReading()
            let zone = try agreement.map { try namedAgreement($0, in: opened).timeZone }
            let destination = try ExportDestination(path: out)
            let output = BufferedOutput(destination.handle)
            let written: Int
            do {
                written = try export(from: opened, to: output, days: filters.span(in: zone ?? .utc))
                try destination.commit()
            } catch {
                destination.abandon()
                throw error
            }
            if let out {
                printError("\(out): \(written) \(kind == .claims ? "incidents' claims" : kind.rawValue)")
            }
            if let days = filters.daysStatement(agreementZone: zone) { printError(days) }
        }
    }

    /// The verdicts to export, over `days`.
    private func query(over days: TimeSpan?) -> VerdictQuery {
        VerdictQuery(
            agreement: agreement, perpetrator: filters.perpetrator, kind: verdict, evidence: evidence, during: days,
            region: region)
    }

    /// Writes the export a page at a time.
    /// - Returns: how many incidents (for incidents and claims) or verdicts were written.
    private func export(from store: SQLiteStore, to output: BufferedOutput, days: TimeSpan?) throws -> Int {
        switch kind {
        case .incidents:
            var writer = try ExportWriter(format.incidents, to: output)
            try forEachIncidentPage(of: store, over: days, detail: format.incidentsNeedSourceFields ? .full : .withoutSourceFields) {
                try writer.write($0)
            }
            try writer.finish()
            return writer.count
        case .claims:
            var writer = try ExportWriter(format.claims, to: output)
            var incidents = 0
            try forEachIncidentPage(of: store, over: days, detail: .withoutSourceFields) { page in
                incidents += page.count
                try writer.write(page.lazy.flatMap { incident in incident.claims.lazy.map { (incident, $0) } })
            }
            try writer.finish()
            return incidents
        case .verdicts:
            var writer = try ExportWriter(format.verdicts, to: output)
            var reasons = VerdictReasons(store: store, judge: Bundled.judge(observer: TerminalObserver()))
            try store.forEachPage(ofVerdictsMatching: query(over: days)) { page in
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

    /// The incidents to export, a page at a time in the store's order: with --agreement, --verdict or --evidence
    /// those of the matching verdicts, else those matching the party, the days and the region.
    private func forEachIncidentPage(
        of store: SQLiteStore, over days: TimeSpan?, detail: IncidentQuery.Detail, _ body: ([Incident]) throws -> Void
    ) throws {
        guard agreement == nil && verdict == nil && evidence == nil else {
            // Verdicts come by incident, so one incident's verdicts are together; one may span two pages.
            var last: IncidentID?
            try store.forEachPage(ofVerdictsMatching: query(over: days)) { page in
                let ids = Self.distinctIncidents(of: page).filter { $0 != last }
                last = page.last?.verdict.incident ?? last
                try body(try store.incidents(ids: ids, detail: detail))
            }
            return
        }
        try store.forEachPage(
            ofIncidentsMatching: IncidentQuery(perpetrator: filters.perpetrator, during: days, region: region, detail: detail), body)
    }

    /// The incidents of consecutive verdicts, each once, in order.
    private static func distinctIncidents(of verdicts: [StoredVerdict]) -> [IncidentID] {
        var ids: [IncidentID] = []
        for stored in verdicts where ids.last != stored.verdict.incident { ids.append(stored.verdict.incident) }
        return ids
    }
}
