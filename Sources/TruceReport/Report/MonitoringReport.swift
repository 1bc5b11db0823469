import Foundation
import TruceCore
import TruceEngine

/// A daily or period report on one agreement: the figures, the breakdowns, the claims and the notable
/// events with their explanations. Every count is of events (records linked as one happening count once),
/// with the number of records beside it. Rendered as HTML, Markdown or JSON (this structure, documented in
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

    /// Violation and possible-violation events under one heading (a party, a region, a target), with their
    /// records.
    public struct Count: Codable, Sendable {
        public var key: String
        public var violations: Int
        /// Of the violation events, those a monitor verified; the rest are alleged.
        public var verifiedViolations: Int
        public var violationRecords: Int
        public var possibleViolations: Int
        public var possibleViolationRecords: Int
    }

    /// Who made the claims about the period's records, and against whom, whether or not the agreement covers them.
    public struct Claimant: Codable, Sendable {
        public var claimant: String
        public var speaksFor: PartyID?
        public var claims: Int
        /// The distinct events the claims are about.
        public var events: Int
        /// Accused party (or `nobody`) → claims.
        public var accused: [String: Int]
        /// Claims on records the agreement does not cover (out of scope: another party, place or time).
        public var outOfScope: Int
    }

    /// One claimant's casualty figures over the period's counted events: its own figures, never summed with
    /// another claimant's.
    public struct ClaimedCasualties: Codable, Sendable {
        public var claimant: String
        public var speaksFor: PartyID?
        /// The events it gives figures for.
        public var events: Int
        public var fatalities: Int?
        public var injured: Int?
    }

    /// A notable event: its deciding record's verdict with every clause check, its records and casualties.
    public struct NotableIncident: Codable, Sendable {
        public var event: IncidentID
        /// The record whose verdict decided the event's.
        public var incident: IncidentID
        public var records: [IncidentID]
        public var accused: [String]
        public var start: Date
        public var place: String
        public var description: String
        public var verdict: VerdictKind
        public var evidence: EvidenceLevel
        public var checks: [ClauseCheck]
        public var sources: [String]
        /// Casualties as each claimant gives them.
        public var casualties: [EventSummary.ClaimedEffects]
        /// What else the records say of the event, in words: a time not stated, the outcome, an aggregate's
        /// count of acts, denials (e.g. `an aggregate claim of 2935 acts`).
        public var facts: [String]
    }

    /// An event of the period with a point, as the map draws it.
    public struct MapPoint: Codable, Sendable {
        public var event: IncidentID
        /// The event's records of its strongest verdict.
        public var records: [IncidentID]
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
    public var casualties: [ClaimedCasualties]
    public var notable: [NotableIncident]
    /// Every event of the period that is not out of scope and has a point.
    public var points: [MapPoint]
}

extension MonitoringReport {
    /// Builds the report on `agreement` for the local days `period` covers, from `incidents` (those of the
    /// period and of the baseline before the window suffice) and their evidence (event and level).
    /// - Parameter coverage: what each dataset in the store covers; `nil` takes it from `incidents`.
    public static func build(
        agreement: Agreement, incidents: [Incident], evidence: [EvidenceRecord], period: TimeSpan, asOf: Date,
        rule: StatusRule = .standard, notableLimit: Int = 12, coverage: [DatasetCoverage]? = nil, judge: Adjudicator = Adjudicator()
    ) -> MonitoringReport {
        let zone = agreement.timeZone
        // One judgement of every record serves the analytics and the tables, so their counts agree.
        let judged = JudgedEvents(agreement: agreement, incidents: incidents, evidence: evidence, judge: judge)
        let analytics = ComplianceAnalytics.analyse(
            agreement: agreement, incidents: incidents, evidence: evidence, period: period, asOf: asOf, rule: rule, coverage: coverage,
            judged: judged, judge: judge)
        let inPeriod = incidents.filter { period.contains($0.time.span.start) }
        let verdicts = judged.verdicts(startingIn: period)
        let events = judged.outcomes(verdicts)
        let counted = events.filter { $0.kind == .violation || $0.kind == .possibleViolation }
        // Every record of each event, whoever it accuses, for the event's summary.
        var members: [IncidentID: [Incident]] = [:]
        for verdict in verdicts { members[verdict.event, default: []] += verdict.records.compactMap { judged.records[$0]?.incident } }
        var summaries: [IncidentID: EventSummary] = [:]
        for event in events { summaries[event.event] = EventSummary(records: members[event.event]!, evidence: event.evidence) }

        let claims = claimTable(inPeriod, judged: judged, agreement: agreement)
        let notable =
            counted
            .sorted { ($0.evidence, $0.kind == .violation ? 1 : 0, $1.start) > ($1.evidence, $1.kind == .violation ? 1 : 0, $0.start) }
            .prefix(notableLimit)
            .compactMap { notableEvent($0, summary: summaries[$0.event]!, judged: judged, agreement: agreement, judge: judge) }

        return MonitoringReport(
            agreement: AgreementSummary(
                id: agreement.id, title: agreement.title, kind: agreement.kind, timeZone: zone, window: agreement.outerSpan,
                parties: agreement.parties, statusChanges: markers(agreement, days: analytics.days)),
            from: analytics.days.first?.date ?? "", to: analytics.days.last?.date ?? "", asOf: asOf, analytics: analytics,
            agreementStatus: agreement.statusSummary(at: asOf),
            byParty: partyCounts(verdicts, judged: judged),
            byRegion: counts(counted) { event in
                let location = summaries[event.event]!.location
                return [location.admin1, location.country].compactMap { $0 }.first ?? "unstated"
            },
            byTarget: counts(counted) { event in
                let target = summaries[event.event]!.target
                return [target.category?.rawValue, target.subtype].compactMap { $0 }.joined(separator: "/").nilIfEmpty ?? "unstated"
            },
            claimants: claims, casualties: casualtyTable(counted.map { summaries[$0.event]! }), notable: Array(notable),
            points: events.compactMap { event in
                summaries[event.event]!.location.coordinate.map {
                    MapPoint(event: event.event, records: event.records, coordinate: $0, verdict: event.kind, evidence: event.evidence)
                }
            })
    }

    /// Counts of `events` under the heading `key` gives each.
    static func counts(_ events: [EventOutcome], key: (EventOutcome) -> String) -> [Count] {
        Dictionary(grouping: events, by: key).map { key, rows in count(key, rows) }.sorted(by: Self.order)
    }

    /// Counts per accused party: an event counts for each party accused of it (`unattributed` when no
    /// record names one).
    static func partyCounts(_ verdicts: [EventVerdict], judged: JudgedEvents) -> [Count] {
        Dictionary(grouping: verdicts) { $0.accused?.rawValue ?? "unattributed" }
            .map { key, rows in count(key, judged.outcomes(rows)) }
            .filter { $0.violations + $0.possibleViolations > 0 }
            .sorted(by: Self.order)
    }

    static func count(_ key: String, _ events: [EventOutcome]) -> Count {
        let violations = events.filter { $0.kind == .violation }
        let possible = events.filter { $0.kind == .possibleViolation }
        return Count(
            key: key, violations: violations.count, verifiedViolations: violations.filter { $0.evidence == .verified }.count,
            violationRecords: violations.map(\.records.count).reduce(0, +), possibleViolations: possible.count,
            possibleViolationRecords: possible.map(\.records.count).reduce(0, +))
    }

    static func order(_ a: Count, _ b: Count) -> Bool {
        (a.violations, a.possibleViolations, b.key) > (b.violations, b.possibleViolations, a.key)
    }

    /// The status events on the chart's days, one marker per day.
    static func markers(_ agreement: Agreement, days: [DayCount]) -> [Marker] {
        let shown = Set(days.map(\.date))
        var markers: [Marker] = []
        for event in agreement.statusHistory {
            let day = ComplianceAnalytics.localDay(agreement.instant(of: event), in: agreement.timeZone)
            guard shown.contains(day) else { continue }
            let label = event.status.rawValue.replacingOccurrences(of: "_", with: " ") + (event.party.map { " (\($0))" } ?? "")
            if let last = markers.indices.last, markers[last].day == day {
                markers[last].label += ", " + label
            } else {
                markers.append(Marker(day: day, label: label))
            }
        }
        return markers
    }

    /// The window's first and last local day within the report, for shading the chart.
    public var windowDays: (first: String, last: String)? {
        guard let window = agreement.window else { return nil }
        let zone = agreement.timeZone
        let first = max(ComplianceAnalytics.localDay(window.start, in: zone), from)
        let last = min(window.end.map { ComplianceAnalytics.localDay($0.addingTimeInterval(-1), in: zone) } ?? to, to)
        return first <= last ? (first, last) : nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
