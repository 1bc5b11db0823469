import Foundation
import TruceCore

/// Compliance analytics: rates against a baseline, first violations, daily counts, uncertainty and status,
/// all counted by event.
public enum ComplianceAnalytics {
    /// Analyses `agreement` over `incidents`.
    /// - Parameters:
    ///   - evidence: each incident's evidence (from ``Adjudication/evidence(for:linker:)``): its event and level.
    ///     A record without evidence is an event of its own.
    ///   - period: the days to count (default: the agreement's window up to `asOf`).
    ///   - asOf: the report's moment: rates and status use what happened before it.
    ///   - baselineDays: the baseline's length before the window (default: the window's length, at most 30 days).
    ///   - coverage: what each dataset in the store covers (``DatasetCoverage``); `nil` takes it from
    ///     `incidents` themselves. A rate ratio needs every dataset the figures rest on to reach back to the
    ///     baseline's start, and a time to first violation to the window's start.
    ///   - judged: `incidents` already judged under `agreement` with `evidence`, to reuse; `nil` judges them.
    ///   - judge: the adjudicator (with the sea and country outlines it places points by).
    public static func analyse(
        agreement: Agreement, incidents: [Incident], evidence: [EvidenceRecord], period: TimeSpan? = nil, asOf: Date,
        baselineDays: Int? = nil, rule: StatusRule = .standard, coverage: [DatasetCoverage]? = nil, judged: JudgedEvents? = nil,
        judge: Adjudicator = Adjudicator()
    ) -> AgreementAnalytics {
        let prepared = judge.prepare(agreement)
        let zone = agreement.timeZone
        let judged = judged ?? JudgedEvents(agreement: agreement, incidents: incidents, evidence: evidence, judge: judge)
        let groups = judged.evidence
        let window = prepared.outer
        let elapsed = window.flatMap { $0.intersection(TimeSpan(start: .distantPast, end: asOf)) }
        let shown = period ?? elapsed ?? TimeSpan(start: asOf.addingTimeInterval(-86_400), end: asOf)
        let inWindow = elapsed.map { judged.verdicts(startingIn: $0) } ?? []

        // The baseline: the days before the window, counting events the agreement would have covered.
        var baseline: TimeSpan?
        if let window {
            let length = min(Double(baselineDays ?? 30), (window.duration ?? 30 * 86_400) / 86_400)
            let days = Double(baselineDays ?? Int(length.rounded(.up)))
            baseline = TimeSpan(start: window.start.addingTimeInterval(-days * 86_400), end: window.start)
        }
        let covered =
            baseline.map { span in
                incidents.filter { span.contains($0.time.span.start) && wouldBeCovered($0, prepared) }
            } ?? []
        let statement = coverageStatement(
            coverage ?? Self.coverage(of: incidents),
            // The figures rest on the records counted: those judged in the elapsed window and those of the baseline.
            restingOn: judged.records.values.map(\.incident).filter { elapsed?.contains($0.time.span.start) ?? false } + covered, baseline: baseline,
            start: window?.start, zone: zone)

        func figures(for party: PartyID?) -> PartyFigures {
            let mine = party == nil ? inWindow : inWindow.filter { $0.accused == party }
            let events = judged.outcomes(mine)
            let violations = events.filter { $0.kind == .violation }
            let possible = events.filter { $0.kind == .possibleViolation }
            var rate: RateRatio?
            if statement.coversBaseline, let elapsed, let baseline, let days = elapsed.duration.map({ $0 / 86_400 }), days > 0 {
                let before = Set(covered.filter { party == nil || $0.perpetrator?.party == party }.map { groups[$0.id]?.group ?? $0.id })
                rate = RateRatio(count: violations.count, days: days, baselineCount: before.count, baselineDays: (baseline.duration ?? 0) / 86_400)
            }
            func until(_ level: EvidenceLevel) -> TimeInterval? {
                guard statement.coversStart, let start = window?.start else { return nil }
                let first = violations.filter { $0.evidence >= level }.map(\.start).min()
                return first.map { max(0, $0.timeIntervalSince(start)) }
            }
            return PartyFigures(
                party: party, violations: violations.count, violationRecords: violations.map(\.records.count).reduce(0, +),
                verifiedViolations: violations.filter { $0.evidence == .verified }.count, possibleViolations: possible.count,
                possibleViolationRecords: possible.map(\.records.count).reduce(0, +), rate: rate, untilFirstAlleged: until(.singleClaim),
                untilFirstCorroborated: until(.corroborated), untilFirstVerified: until(.verified))
        }

        let overall = figures(for: nil)
        let periodEvents = judged.outcomes(judged.verdicts(startingIn: shown))
        let imprecise = periodEvents.filter { event in
            judged.records[event.decidedBy]?.checks.contains { $0.outcome == .unknown && $0.uncertainty == .imprecise } ?? false
        }

        // Status: over the last days before the report's moment, or over the whole window once it has ended.
        let statuses = agreement.belligerents.map { agreement.status(of: $0.id, at: asOf) }
        let ended = (window?.end.map { $0 <= asOf } ?? false) || (!statuses.isEmpty && statuses.allSatisfy { $0 == .expired })
        let moment = min(asOf, window?.end ?? asOf)
        let statusSpan =
            (ended ? elapsed : nil)
            ?? TimeSpan(start: moment.addingTimeInterval(-Double(rule.recentDays) * 86_400), end: moment)
        let counted = judged.outcomes(judged.verdicts(startingIn: statusSpan)).filter { $0.kind == .violation }
        let stopped: Set<AgreementStatus> = [.collapsed, .suspended, .superseded]
        let status = rule.status(
            collapsed: !statuses.isEmpty && statuses.allSatisfy { $0.map(stopped.contains) ?? false }, count: counted.count,
            corroborated: counted.filter { $0.evidence >= .corroborated }.count, verified: counted.filter { $0.evidence == .verified }.count,
            days: (statusSpan.duration ?? 86_400) / 86_400, baselineRate: overall.rate?.baselineRate)

        return AgreementAnalytics(
            agreement: agreement.id, period: shown, timeZone: zone, days: dayCounts(periodEvents, over: shown, zone: zone),
            overall: overall, parties: agreement.belligerents.map { figures(for: $0.id) },
            uncertainShare: periodEvents.isEmpty ? nil : Double(imprecise.count) / Double(periodEvents.count),
            outstandingConditions: agreement.outstandingConditions, status: status, statusRule: rule.description, ended: ended,
            statusSpan: statusSpan, coverage: statement)
    }

    /// Whether the agreement would have covered the incident had it been in force: a belligerent accused (or
    /// nobody, when every belligerent is a party the agreement binds, as unattributed acts then count in the
    /// window too), and the place, target and action clauses pass.
    static func wouldBeCovered(_ incident: Incident, _ prepared: PreparedAgreement) -> Bool {
        if let party = incident.perpetrator?.party {
            guard prepared.belligerents.contains(party) else { return false }
        } else {
            guard incident.action != .noHostileAct, prepared.agreement.belligerents.allSatisfy({ $0.role == .party }) else { return false }
        }
        let scope = prepared.agreement.scope
        return PlaceClause.check(incident, prepared, explain: false).outcome == .pass
            && TargetClause.check(incident, scope, explain: false).outcome == .pass
            && ActionClause.check(incident, scope, explain: false).outcome == .pass
    }

    /// Every local day of `span`, with its violation events by evidence level and its possible-violation
    /// events, each event on the day of its earliest record.
    static func dayCounts(_ events: [EventOutcome], over span: TimeSpan, zone: ZoneIdentifier) -> [DayCount] {
        var days: [String: DayCount] = [:]
        var order: [String] = []
        let first = zone.wallClock(at: span.start)
        var day = StatedTime(year: first.year, month: first.month, day: first.day)
        let end = span.end ?? span.start
        while day.instant(in: zone) < end && order.count < 3_660 {
            order.append(day.description)
            days[day.description] = DayCount(
                date: day.description, violations: Dictionary(uniqueKeysWithValues: EvidenceLevel.allCases.map { ($0.rawValue, 0) }),
                possibleViolations: 0, violationRecords: 0, possibleViolationRecords: 0)
            day = day.adding(days: 1)
        }
        for event in events {
            let date = localDay(event.start, in: zone)
            guard days[date] != nil else { continue }
            if event.kind == .violation {
                days[date]!.violations[event.evidence.rawValue, default: 0] += 1
                days[date]!.violationRecords += event.records.count
            } else if event.kind == .possibleViolation {
                days[date]!.possibleViolations += 1
                days[date]!.possibleViolationRecords += event.records.count
            }
        }
        return order.compactMap { days[$0] }
    }

    /// The local day of `date` in `zone`, `YYYY-MM-DD`.
    public static func localDay(_ date: Date, in zone: ZoneIdentifier) -> String {
        let clock = zone.wallClock(at: date)
        return StatedTime(year: clock.year, month: clock.month, day: clock.day).description
    }
}
