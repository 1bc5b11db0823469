import Foundation
import TruceCore

/// The figures a monitoring report stands on, for one agreement and each of its belligerents.
public struct AgreementAnalytics: Hashable, Codable, Sendable {
    public var agreement: AgreementID
    /// The period the daily counts cover.
    public var period: TimeSpan
    /// The agreement's zone: days are its local days.
    public var timeZone: ZoneIdentifier
    public var days: [DayCount]
    public var overall: PartyFigures
    public var parties: [PartyFigures]
    /// Verdicts left open because an incident's time or place is too coarse, as a share of all verdicts in the
    /// period that are not out of scope; `nil` when there are none.
    public var uncertainShare: Double?
    public var outstandingConditions: [Condition]
    public var status: ComplianceStatus
    /// The rule that gave the status, in words.
    public var statusRule: String
}

/// Violations on one local day.
public struct DayCount: Hashable, Codable, Sendable {
    /// `YYYY-MM-DD` in the agreement's zone.
    public var date: String
    /// Violations by evidence level (`single_claim`, `contested`, `corroborated`, `verified`).
    public var violations: [String: Int]
    public var possibleViolations: Int

    public var totalViolations: Int { violations.values.reduce(0, +) }
}

/// One party's (or everyone's) figures.
public struct PartyFigures: Hashable, Codable, Sendable {
    /// `nil` for all parties together.
    public var party: PartyID?
    public var violations: Int
    public var possibleViolations: Int
    /// Violations per day in the elapsed window against would-be violations per day before it.
    public var rate: RateRatio?
    /// Seconds from the window's start to the first violation alleged, corroborated and verified.
    public var untilFirstAlleged: TimeInterval?
    public var untilFirstCorroborated: TimeInterval?
    public var untilFirstVerified: TimeInterval?
}

/// Compliance analytics: rates against a baseline, first violations, daily counts, uncertainty and status.
public enum ComplianceAnalytics {
    /// Analyses `agreement` over `incidents`.
    /// - Parameters:
    ///   - evidence: each incident's evidence level (from ``Adjudication/evidence(for:linker:)``).
    ///   - period: the days to count (default: the agreement's window up to `asOf`).
    ///   - asOf: the report's moment: rates and status use what happened before it.
    ///   - baselineDays: the baseline's length before the window (default: the window's length, at most 30 days).
    ///   - judge: the adjudicator (with the sea outlines it places points by).
    public static func analyse(
        agreement: Agreement, incidents: [Incident], evidence: [IncidentID: EvidenceLevel], period: TimeSpan? = nil,
        asOf: Date, baselineDays: Int? = nil, rule: StatusRule = .standard, judge: Adjudicator = Adjudicator()
    ) -> AgreementAnalytics {
        let prepared = judge.prepare(agreement)
        let zone = agreement.timeZone
        let judgements = Adjudication.judgements(incidents: incidents, agreements: [agreement], judge: judge)
        let verdicts = judgements.map { (incident: incidents[Int($0.incident)], kind: $0.kind, checks: $0.checks) }
        let window = prepared.outer
        let elapsed = window.flatMap { $0.intersection(TimeSpan(start: .distantPast, end: asOf)) }
        let shown = period ?? elapsed ?? TimeSpan(start: asOf.addingTimeInterval(-86_400), end: asOf)

        // The baseline: the days before the window, counting incidents the agreement would have covered.
        var baseline: TimeSpan?
        if let window {
            let length = min(Double(baselineDays ?? 30), (window.duration ?? 30 * 86_400) / 86_400)
            let days = Double(baselineDays ?? Int(length.rounded(.up)))
            baseline = TimeSpan(start: window.start.addingTimeInterval(-days * 86_400), end: window.start)
        }
        let covered = baseline.map { span in
            incidents.filter { span.contains($0.time.span.start) && wouldBeCovered($0, prepared) }
        } ?? []

        func figures(for party: PartyID?) -> PartyFigures {
            let mine = verdicts.filter { party == nil || $0.incident.perpetrator?.party == party }
            let inWindow = mine.filter { elapsed?.contains($0.incident.time.span.start) ?? false }
            let violations = inWindow.filter { $0.kind == .violation }
            var rate: RateRatio?
            if let elapsed, let baseline, let days = elapsed.duration.map({ $0 / 86_400 }), days > 0 {
                let before = covered.filter { party == nil || $0.perpetrator?.party == party }.count
                rate = RateRatio(count: violations.count, days: days, baselineCount: before, baselineDays: (baseline.duration ?? 0) / 86_400)
            }
            func until(_ level: EvidenceLevel?) -> TimeInterval? {
                guard let start = window?.start else { return nil }
                let first = violations.filter { level == nil || (evidence[$0.incident.id] ?? .singleClaim) >= level! }
                    .map(\.incident.time.span.start).min()
                return first.map { max(0, $0.timeIntervalSince(start)) }
            }
            return PartyFigures(
                party: party, violations: violations.count, possibleViolations: inWindow.filter { $0.kind == .possibleViolation }.count,
                rate: rate, untilFirstAlleged: until(nil), untilFirstCorroborated: until(.corroborated), untilFirstVerified: until(.verified))
        }

        let overall = figures(for: nil)
        let inPeriod = verdicts.filter { shown.contains($0.incident.time.span.start) }
        let imprecise = inPeriod.filter { entry in entry.checks.contains { $0.outcome == .unknown && $0.uncertainty == .imprecise } }

        // Status, from the last days before the report's moment (or the window's end, if earlier).
        let moment = min(asOf, window?.end ?? asOf)
        let recentSpan = TimeSpan(start: moment.addingTimeInterval(-Double(rule.recentDays) * 86_400), end: moment)
        let recent = verdicts.filter { $0.kind == .violation && recentSpan.contains($0.incident.time.span.start) }
        let recentCorroborated = recent.filter { (evidence[$0.incident.id] ?? .singleClaim) >= .corroborated }.count
        let ended: Set<AgreementStatus> = [.collapsed, .suspended, .superseded]
        let statuses = agreement.belligerents.map { agreement.status(of: $0.id, at: asOf) }
        let collapsed = !statuses.isEmpty && statuses.allSatisfy { $0.map(ended.contains) ?? false }
        let status = rule.status(
            collapsed: collapsed, recent: recent.count, recentCorroborated: recentCorroborated,
            baselineRate: overall.rate?.baselineRate ?? 0)

        return AgreementAnalytics(
            agreement: agreement.id, period: shown, timeZone: zone, days: dayCounts(inPeriod, evidence: evidence, over: shown, zone: zone),
            overall: overall, parties: agreement.belligerents.map { figures(for: $0.id) },
            uncertainShare: inPeriod.isEmpty ? nil : Double(imprecise.count) / Double(inPeriod.count),
            outstandingConditions: agreement.outstandingConditions, status: status, statusRule: rule.description)
    }

    /// Whether the agreement would have covered the incident had it been in force: a belligerent accused, and
    /// the place, target and action clauses pass.
    static func wouldBeCovered(_ incident: Incident, _ prepared: PreparedAgreement) -> Bool {
        guard let party = incident.perpetrator?.party, prepared.belligerents.contains(party) else { return false }
        let scope = prepared.agreement.scope
        return PlaceClause.check(incident, prepared, explain: false).outcome == .pass
            && TargetClause.check(incident, scope, explain: false).outcome == .pass
            && ActionClause.check(incident, scope, explain: false).outcome == .pass
    }

    /// Every local day of `span`, with its violations by evidence level and its possible violations.
    static func dayCounts(
        _ verdicts: [(incident: Incident, kind: VerdictKind, checks: [ClauseCheck])], evidence: [IncidentID: EvidenceLevel],
        over span: TimeSpan, zone: ZoneIdentifier
    ) -> [DayCount] {
        func key(_ date: Date) -> String {
            let clock = zone.wallClock(at: date)
            return StatedTime(year: clock.year, month: clock.month, day: clock.day).description
        }
        var days: [String: DayCount] = [:]
        var order: [String] = []
        let first = zone.wallClock(at: span.start)
        var day = StatedTime(year: first.year, month: first.month, day: first.day)
        let end = span.end ?? span.start
        while day.instant(in: zone) < end && order.count < 3_660 {
            order.append(day.description)
            days[day.description] = DayCount(
                date: day.description, violations: Dictionary(uniqueKeysWithValues: EvidenceLevel.allCases.map { ($0.rawValue, 0) }),
                possibleViolations: 0)
            day = day.adding(days: 1)
        }
        for verdict in verdicts {
            let date = key(verdict.incident.time.span.start)
            guard days[date] != nil else { continue }
            if verdict.kind == .violation {
                days[date]!.violations[(evidence[verdict.incident.id] ?? .singleClaim).rawValue, default: 0] += 1
            } else if verdict.kind == .possibleViolation {
                days[date]!.possibleViolations += 1
            }
        }
        return order.compactMap { days[$0] }
    }
}
