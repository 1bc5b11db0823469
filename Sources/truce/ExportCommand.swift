import ArgumentParser
import Foundation
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
            Truce's own format and read back with `truce import truce`.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case incidents, verdicts, claims }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, geojson, jsonl }

    @Argument(help: "What to export: incidents, verdicts or claims.")
    var kind: Kind

    @Option(help: "csv, geojson or jsonl.")
    var format: Format = .csv

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: "Only incidents judged under this agreement.")
    var agreement: String?
    @Option(help: "Only this verdict: violation, possible_violation, not_a_violation, insufficient_information.")
    var verdict: String?
    @Option(help: "Only this evidence level: single_claim, contested, corroborated, verified.")
    var evidence: String?
    @Option(help: "Only this region (any of its names) or country code.")
    var region: String?
    @OptionGroup var filters: PartyAndDateFilters

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.openForReading()
            var query = VerdictQuery(agreement: agreement, perpetrator: filters.perpetrator, during: try filters.span(), region: region)
            query.kind = try verdict.map { try parseOption($0, "--verdict", as: VerdictKind.self) }
            query.evidence = try evidence.map { try parseOption($0, "--evidence", as: EvidenceLevel.self) }
            let byVerdict = agreement != nil || verdict != nil || evidence != nil || kind == .verdicts
            let verdicts = byVerdict ? try opened.verdicts(matching: query) : []
            var incidents = try opened.incidents(matching: IncidentQuery(perpetrator: filters.perpetrator, during: query.during))
            if byVerdict {
                let ids = Set(verdicts.map(\.verdict.incident))
                incidents = incidents.filter { ids.contains($0.id) }
            } else if let region {
                incidents = incidents.filter { Regions.place(country: $0.location.country, admin1: $0.location.admin1, isIn: region) }
            }
            let text = try render(incidents: incidents, verdicts: verdicts)
            if let out {
                do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw Failure(message: "\(out): cannot be written: \(error.localizedDescription)", code: .invalidInput)
                }
                printError("\(out): \(kind == .verdicts ? verdicts.count : incidents.count) \(kind.rawValue == "claims" ? "incidents' claims" : kind.rawValue)")
            } else {
                print(text, terminator: "")
            }
        }
    }

    private func render(incidents: [Incident], verdicts: [StoredVerdict]) throws -> String {
        let byID = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        switch (kind, format) {
        case (.incidents, .csv): return TruceCSVExport.csv(incidents)
        case (.incidents, .jsonl): return try JSONLinesExport.lines(incidents)
        case (.incidents, .geojson): return try GeoJSONExport.collection(incidents.map { ($0, GeoJSONExport.properties(of: $0)) })
        case (.claims, .csv): return ClaimRow.csv(claimRows(incidents))
        case (.claims, .jsonl): return try JSONLinesExport.lines(claimRows(incidents))
        case (.claims, .geojson):
            return try GeoJSONExport.collection(incidents.flatMap { incident in
                incident.claims.map { claim in
                    (incident, [
                        "incident": incident.id, "claimant": claim.claimant, "claimant_party": claim.claimantParty?.rawValue,
                        "accused": claim.accused?.rawValue, "source_url": claim.source?.url,
                    ] as [String: Any?])
                }
            })
        case (.verdicts, .jsonl): return try JSONLinesExport.lines(verdicts)
        case (.verdicts, .csv):
            var csv = CSVText(header: ["incident", "agreement", "verdict", "evidence", "perpetrator", "start", "country", "admin1", "open_clauses", "rules_version"])
            for stored in verdicts {
                let open = stored.verdict.checks.filter { $0.outcome != .pass }
                    .map { "\($0.clause.rawValue):\($0.uncertainty?.rawValue ?? $0.outcome.rawValue)" }.joined(separator: " ")
                csv.append([
                    stored.verdict.incident, stored.verdict.agreement, stored.verdict.kind.rawValue, stored.evidence?.rawValue ?? "",
                    stored.perpetrator?.rawValue ?? "", TimeFormatting.utc(stored.start), stored.country ?? "", stored.admin1 ?? "", open,
                    stored.verdict.rulesVersion,
                ])
            }
            return csv.text
        case (.verdicts, .geojson):
            return try GeoJSONExport.collection(verdicts.compactMap { stored in
                guard let incident = byID[stored.verdict.incident] else { return nil }
                var properties = GeoJSONExport.properties(of: incident)
                properties["agreement"] = stored.verdict.agreement
                properties["verdict"] = stored.verdict.kind.rawValue
                properties["evidence"] = stored.evidence?.rawValue
                return (incident, properties)
            })
        }
    }

    private func claimRows(_ incidents: [Incident]) -> [ClaimRow] {
        incidents.flatMap { incident in incident.claims.map { ClaimRow(incident: incident.id, claim: $0) } }
    }
}
