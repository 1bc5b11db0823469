import Foundation
import TruceApp
import TruceCore
import TruceEngine
import TruceReport
import TruceStore

/// What the agreement page shows: the agreement, its report's figures, and a page of the verdicts its filters select.
public struct AgreementPageData: Sendable {
    public var agreement: Agreement
    public var built: BuiltReport
    /// The verdicts table: one row per record, as an export of the same filters holds them.
    public var table: VerdictList
    /// The filters as the request gave them (`party`, `verdict`, `evidence`, `region`, `from`, `to`), in order.
    public var filters: [(String, String)]

    public init(agreement: Agreement, built: BuiltReport, table: VerdictList, filters: [(String, String)]) {
        self.agreement = agreement
        self.built = built
        self.table = table
        self.filters = filters
    }

    /// The filter names the table takes, as `/api/v1/exports` takes them.
    public static let filterNames = ["party", "verdict", "evidence", "region", "from", "to"]
}

extension Dashboard {
    /// An agreement's page: summary and status, the daily chart, the map, violations by party, region and target,
    /// the filterable verdicts table with exports of exactly its rows, the conditions outstanding and the status
    /// history with sources.
    public func agreementPage(_ data: AgreementPageData, at now: Date, for request: PageRequest) throws
        -> String
    {
        let language = request.language
        let agreement = data.agreement
        let report = data.built.report
        let noun = label("chart_violations", language)
        let chart = TimeSeriesChart(
            days: report.analytics.days, window: report.windowDays, markers: report.agreement.statusChanges.map { ($0.day, $0.label) }
        )
        .svg(title: "\(noun) · \(report.from) – \(report.to)")
        let map = IncidentMap(dots: report.mapDots, outlines: data.built.outlines).svg(title: label("map_title", language))
        let exportQuery = [("agreement", agreement.id)] + data.filters
        let exports = ["csv", "geojson", "jsonl"].map { format in
            Export(format: format.uppercased(), href: Self.href("/api/v1/exports", [("kind", "verdicts"), ("format", format)] + exportQuery))
        }
        var rows: [VerdictRow] = []
        if case .records(let verdicts) = data.table.rows {
            rows = verdicts.map { stored in
                VerdictRow(
                    incident: stored.verdict.incident, href: Self.href("/incidents/\(stored.verdict.incident)", [("lang", language.rawValue)]),
                    start: TimeFormatting.local(stored.start, in: agreement.timeZone), party: stored.perpetrator?.rawValue ?? "–",
                    place: [stored.admin1.map { PlaceNames.region($0, in: language) }, stored.country].compactMap { $0 }.joined(separator: ", "),
                    verdict: label("verdict_\(stored.verdict.kind.rawValue)", language), verdictCode: stored.verdict.kind.rawValue,
                    evidence: stored.evidence.map { label("evidence_\($0.rawValue)", language) } ?? "–", evidenceCode: stored.evidence?.rawValue ?? ""
                )
            }
        }
        let next = data.table.next.map { position in
            Self.href(request.path, request.query.filter { $0.0 != "cursor" } + [("cursor", position.token)])
        }
        func counts(_ counts: [MonitoringReport.Count], naming name: (String) -> String = { $0 }) -> [CountRow] {
            counts.filter { $0.violations + $0.possibleViolations > 0 }.map {
                CountRow(key: name($0.key), violations: $0.violations, verified: $0.verifiedViolations, possible: $0.possibleViolations)
            }
        }
        let labels = catalogue.labels(in: language)
        // A target as the report keys it (`energy/substation`), in the reader's language where catalogued.
        func target(_ key: String) -> String {
            let parts = key.split(separator: "/").map(String.init)
            guard let category = parts.first, let named = labels["cat_\(category)"] else { return key }
            return ([named] + parts.dropFirst().map { labels["sub_\($0)"] ?? $0 }).joined(separator: " · ")
        }
        let given = Dictionary(data.filters, uniquingKeysWith: { first, _ in first })
        let content = AgreementContent(
            id: agreement.id, title: agreement.title, summary: agreement.summary ?? "", kind: label("kind_\(agreement.kind.rawValue)", language),
            parties: agreement.parties.map { PartyRow(id: $0.id.rawValue, name: $0.name, role: label("role_\($0.role.rawValue)", language)) },
            status: statusText(agreement, at: now, language: language), window: window(agreement, language: language), chart: chart, map: map,
            byParty: counts(report.byParty), byRegion: counts(report.byRegion) { PlaceNames.region($0, in: language) },
            byTarget: counts(report.byTarget, naming: target),
            filters: Filters(
                party: given["party"] ?? "", region: given["region"] ?? "", from: given["from"] ?? "", to: given["to"] ?? "",
                verdicts: options(VerdictKind.allCases.map(\.rawValue), prefix: "verdict", chosen: given["verdict"], language: language),
                evidence: options(EvidenceLevel.allCases.map(\.rawValue), prefix: "evidence", chosen: given["evidence"], language: language)),
            rows: rows, noRows: rows.isEmpty, next: next, exports: exports,
            conditions: agreement.conditions.filter(\.state.isOutstanding).map {
                ConditionRow(
                    holder: $0.holder.rawValue, text: $0.text, state: label("condition_\($0.state.rawValue)", language), source: $0.source?.url)
            },
            history: agreement.statusHistory.map { event in
                HistoryRow(
                    at: TimeFormatting.local(agreement.instant(of: event), in: agreement.timeZone),
                    status: label("status_\(event.status.rawValue)", language),
                    party: event.party?.rawValue ?? label("history_all", language), note: event.note ?? "", source: event.source?.url,
                    sourceTitle: event.source?.title ?? event.source?.publisher ?? event.source?.url ?? "")
            },
            reportHref: Self.href("/api/v1/agreements/\(agreement.id)/report", [("format", "html")]),
            feeds: [EvidenceLevel.singleClaim, .verified].map {
                Export(
                    format: label("evidence_\($0.rawValue)", language),
                    href: Self.href("/agreements/\(agreement.id)/feed.atom", [("evidence", $0.rawValue)]))
            })
        return try render("agreement", title: agreement.title, content: content, for: request)
    }

    func options(_ values: [String], prefix: String, chosen: String?, language: Language) -> [Option] {
        [Option(value: "", label: label("filter_any", language), selected: chosen == nil)]
            + values.map { Option(value: $0, label: label("\(prefix)_\($0)", language), selected: chosen == $0) }
    }

    struct AgreementContent {
        var id: String
        var title: String
        var summary: String
        var kind: String
        var parties: [PartyRow]
        var status: String
        var window: Window
        var chart: String
        var map: String
        var byParty: [CountRow]
        var byRegion: [CountRow]
        var byTarget: [CountRow]
        var filters: Filters
        var rows: [VerdictRow]
        var noRows: Bool
        var next: String?
        var exports: [Export]
        var conditions: [ConditionRow]
        var history: [HistoryRow]
        var reportHref: String
        /// The agreement's Atom feeds, of every violation and of verified ones.
        var feeds: [Export]
    }

    struct PartyRow {
        var id: String
        var name: String
        var role: String
    }

    struct CountRow {
        var key: String
        var violations: Int
        var verified: Int
        var possible: Int
    }

    struct Filters {
        var party: String
        var region: String
        var from: String
        var to: String
        var verdicts: [Option]
        var evidence: [Option]
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct VerdictRow {
        var incident: String
        var href: String
        var start: String
        var party: String
        var place: String
        var verdict: String
        var verdictCode: String
        var evidence: String
        var evidenceCode: String
    }

    struct Export {
        var format: String
        var href: String
    }

    struct ConditionRow {
        var holder: String
        var text: String
        var state: String
        var source: String?
    }

    struct HistoryRow {
        var at: String
        var status: String
        var party: String
        var note: String
        var source: String?
        var sourceTitle: String
    }
}
