import TruceCore
import TruceReport
import TruceStore

extension ExportFormat {
    /// One item per stored verdict, with its incident where the format draws it (``verdictsNeedIncidents``).
    var verdicts: ExportLayout<(verdict: StoredVerdict, incident: Incident?)> {
        switch self {
        case .csv:
            return CSVLine.layout(header: VerdictRow.columns) { VerdictRow.fields($0.verdict) }
        case .jsonl:
            let verdicts = JSONLinesExport.layout(of: StoredVerdict.self)
            return ExportLayout { try verdicts.render($0.verdict) }
        case .geojson:
            return GeoJSONExport.layout(GeoJSONExport.verdictProperties) { item in
                // Verdicts are written with their incidents in this format (``verdictsNeedIncidents``).
                let incident = item.incident!
                return (incident, GeoJSONExport.verdictValues(of: item.verdict.verdict, evidence: item.verdict.evidence, incident: incident))
            }
        }
    }

    /// Whether verdicts in this format are written with their incidents.
    var verdictsNeedIncidents: Bool { self == .geojson }

    /// Whether verdicts in this format are written with their clauses' reasons (``VerdictReasons``).
    var verdictsNeedReasons: Bool { self != .csv }
}

/// A stored verdict as a CSV row: the clauses left open as `clause:uncertainty` (or `clause:fail`), separated
/// by spaces.
enum VerdictRow {
    static let columns = [
        "incident", "agreement", "verdict", "evidence", "perpetrator", "start", "country", "admin1", "open_clauses", "rules_version",
    ]

    static func fields(_ stored: StoredVerdict) -> [String] {
        let open = stored.verdict.checks.filter { $0.outcome != .pass }
            .map { "\($0.clause.rawValue):\($0.uncertainty?.rawValue ?? $0.outcome.rawValue)" }.joined(separator: " ")
        return [
            stored.verdict.incident, stored.verdict.agreement, stored.verdict.kind.rawValue, stored.evidence?.rawValue ?? "",
            stored.perpetrator?.rawValue ?? "", TimeFormatting.utc(stored.start), stored.country ?? "", stored.admin1 ?? "", open,
            stored.verdict.rulesVersion,
        ]
    }
}
