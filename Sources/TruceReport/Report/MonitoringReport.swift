import Foundation
import TruceCore
import TruceEngine

/// A daily or period report on one agreement: the figures, the breakdowns, the claims and the notable
/// incidents with their explanations. Rendered as HTML, Markdown or JSON (this structure, documented in
/// docs/reports.md).
public struct MonitoringReport: Codable, Sendable {
    public struct AgreementSummary: Codable, Sendable {
        public var id: AgreementID
        public var title: String
        public var kind: AgreementKind
        public var timeZone: ZoneIdentifier
        public var window: TimeSpan?
        public var parties: [AgreementParty]
        /// Status events inside the report's chart, `YYYY-MM-DD` and label.
        public var statusChanges: [Marker]
    }

    public struct Marker: Codable, Sendable {
        public var day: String
        public var label: String
    }

    /// A count of violations and possible violations under one heading (a party, a region, a target).
    public struct Count: Codable, Sendable {
        public var key: String
        public var violations: Int
        public var possibleViolations: Int
    }

    /// Who made the claims about the period's incidents, and against whom.
    public struct Claimant: Codable, Sendable {
        public var claimant: String
        public var speaksFor: PartyID?
        public var claims: Int
        public var accused: [String: Int]
    }

    public struct NotableIncident: Codable, Sendable {
        public var incident: IncidentID
        public var start: Date
        public var place: String
        public var description: String
        public var verdict: VerdictKind
        public var evidence: EvidenceLevel
        public var checks: [ClauseCheck]
        public var sources: [String]
    }

    /// An incident of the period with a point, as the map draws it.
    public struct MapPoint: Codable, Sendable {
        public var incident: IncidentID
        public var coordinate: Coordinate
        public var verdict: VerdictKind
        public var evidence: EvidenceLevel
    }

    public var agreement: AgreementSummary
    /// The report's first and last local day, `YYYY-MM-DD`.
    public var from: String
    public var to: String
    public var asOf: Date
    public var analytics: AgreementAnalytics
    /// Each belligerent's status at the report's moment, e.g. `RU: expired, UA: in_force`.
    public var agreementStatus: String
    public var byParty: [Count]
    public var byRegion: [Count]
    public var byTarget: [Count]
    public var claimants: [Claimant]
    public var notable: [NotableIncident]
    /// Every incident of the period that is not out of scope and has a point.
    public var points: [MapPoint]
}

extension MonitoringReport {
    /// Builds the report on `agreement` for the local days `period` covers, from `incidents` (those of the
    /// period and of the baseline before the window suffice) and their evidence levels, judged by `judge`
    /// (with the sea outlines it places points by).
    public static func build(
        agreement: Agreement, incidents: [Incident], evidence: [IncidentID: EvidenceLevel], period: TimeSpan, asOf: Date,
        rule: StatusRule = .standard, notableLimit: Int = 12, judge: Adjudicator = Adjudicator()
    ) -> MonitoringReport {
        let zone = agreement.timeZone
        let analytics = ComplianceAnalytics.analyse(
            agreement: agreement, incidents: incidents, evidence: evidence, period: period, asOf: asOf, rule: rule, judge: judge)
        let inPeriod = incidents.filter { period.contains($0.time.span.start) }
        let judged = Adjudication.judgements(incidents: inPeriod, agreements: [agreement], judge: judge)
            .map { (incident: inPeriod[Int($0.incident)], kind: $0.kind) }
        let counted = judged.filter { $0.kind == .violation || $0.kind == .possibleViolation }

        func breakdown(_ key: (Incident) -> String) -> [Count] {
            Dictionary(grouping: counted) { key($0.incident) }.map { key, rows in
                Count(key: key, violations: rows.filter { $0.kind == .violation }.count, possibleViolations: rows.filter { $0.kind == .possibleViolation }.count)
            }.sorted { ($0.violations, $0.possibleViolations, $1.key) > ($1.violations, $1.possibleViolations, $0.key) }
        }

        var claimants: [String: Claimant] = [:]
        for entry in judged {
            for claim in entry.incident.claims {
                var row = claimants[claim.claimant] ?? Claimant(claimant: claim.claimant, speaksFor: claim.claimantParty, claims: 0, accused: [:])
                row.claims += 1
                row.accused[claim.accused?.rawValue ?? "nobody", default: 0] += 1
                claimants[claim.claimant] = row
            }
        }

        let prepared = judge.prepare(agreement)
        let notable = counted
            .sorted {
                let (a, b) = (evidence[$0.incident.id] ?? .singleClaim, evidence[$1.incident.id] ?? .singleClaim)
                return (a, $0.kind == .violation ? 1 : 0, $1.incident.time.span.start) > (b, $1.kind == .violation ? 1 : 0, $0.incident.time.span.start)
            }
            .prefix(notableLimit)
            .map { entry in
                let verdict = judge.verdict(for: entry.incident, under: prepared, explain: true)
                let location = entry.incident.location
                return NotableIncident(
                    incident: entry.incident.id, start: entry.incident.time.span.start,
                    place: [location.place, location.admin1, location.country].compactMap { $0 }.joined(separator: ", "),
                    description: entry.incident.description, verdict: verdict.kind, evidence: evidence[entry.incident.id] ?? .singleClaim,
                    checks: verdict.checks,
                    sources: entry.incident.claims.compactMap { claim in claim.source.map { "\(claim.claimant): \($0.url)" } ?? claim.claimant })
            }

        let days = analytics.days
        var markers: [Marker] = []  // one per day, events of the same day joined
        for event in agreement.statusHistory {
            let clock = zone.wallClock(at: agreement.instant(of: event))
            let day = StatedTime(year: clock.year, month: clock.month, day: clock.day).description
            guard days.contains(where: { $0.date == day }) else { continue }
            let label = event.status.rawValue.replacingOccurrences(of: "_", with: " ") + (event.party.map { " (\($0))" } ?? "")
            if let last = markers.indices.last, markers[last].day == day {
                markers[last].label += ", " + label
            } else {
                markers.append(Marker(day: day, label: label))
            }
        }
        return MonitoringReport(
            agreement: AgreementSummary(
                id: agreement.id, title: agreement.title, kind: agreement.kind, timeZone: zone, window: agreement.outerSpan,
                parties: agreement.parties, statusChanges: markers),
            from: days.first?.date ?? "", to: days.last?.date ?? "", asOf: asOf, analytics: analytics,
            agreementStatus: agreement.statusSummary(at: asOf),
            byParty: breakdown { $0.perpetrator?.party.rawValue ?? "unattributed" },
            byRegion: breakdown { [$0.location.admin1, $0.location.country].compactMap { $0 }.first ?? "unstated" },
            byTarget: breakdown { [$0.target.category?.rawValue, $0.target.subtype].compactMap { $0 }.joined(separator: "/").nilIfEmpty ?? "unstated" },
            claimants: claimants.values.sorted { ($0.claims, $1.claimant) > ($1.claims, $0.claimant) }, notable: notable,
            points: judged.compactMap { entry in
                entry.incident.location.coordinate.map {
                    MapPoint(incident: entry.incident.id, coordinate: $0, verdict: entry.kind, evidence: evidence[entry.incident.id] ?? .singleClaim)
                }
            })
    }

    /// The window's first and last local day within the report, for shading the chart.
    var windowDays: (first: String, last: String)? {
        guard let window = agreement.window else { return nil }
        let zone = agreement.timeZone
        func day(_ date: Date) -> String {
            let clock = zone.wallClock(at: date)
            return StatedTime(year: clock.year, month: clock.month, day: clock.day).description
        }
        let first = max(day(window.start), from)
        let last = min(window.end.map { day($0.addingTimeInterval(-1)) } ?? to, to)
        return first <= last ? (first, last) : nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
