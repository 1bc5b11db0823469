import Foundation
import TruceCore
import TruceEngine

/// The claims, casualties and notable events of a report.
extension MonitoringReport {
    /// Every claim on the period's records that concern the agreement (judged under it, or naming one of its
    /// parties as accused or as the claimant's side), out of scope or not: an accusation against a party the
    /// agreement does not bind still shows.
    static func claimTable(_ records: [Incident], judged: JudgedEvents, agreement: Agreement) -> [Claimant] {
        let parties = Set(agreement.parties.map(\.id))
        var rows: [String: Claimant] = [:]
        var events: [String: Set<IncidentID>] = [:]
        for record in records {
            let inScope = judged.records[record.id] != nil
            for claim in record.claims {
                guard inScope || claim.accused.map(parties.contains) == true || claim.claimantParty.map(parties.contains) == true else { continue }
                var row =
                    rows[claim.claimant]
                    ?? Claimant(claimant: claim.claimant, speaksFor: claim.claimantParty, claims: 0, events: 0, accused: [:], outOfScope: 0)
                row.claims += 1
                row.accused[claim.accused?.rawValue ?? "nobody", default: 0] += 1
                if !inScope { row.outOfScope += 1 }
                events[claim.claimant, default: []].insert(judged.evidence[record.id]?.group ?? record.id)
                row.events = events[claim.claimant]!.count
                rows[claim.claimant] = row
            }
        }
        return rows.values.sorted { ($0.claims, $1.claimant) > ($1.claims, $0.claimant) }
    }

    /// Each claimant's casualty figures over `events`: summed over the events it gives figures for, never
    /// with another claimant's.
    static func casualtyTable(_ events: [EventSummary]) -> [ClaimedCasualties] {
        var rows: [String: ClaimedCasualties] = [:]
        for event in events {
            for toll in event.casualties {
                var row = rows[toll.claimant] ?? ClaimedCasualties(claimant: toll.claimant, speaksFor: toll.speaksFor, events: 0)
                row.events += 1
                if let dead = toll.effects.fatalities { row.fatalities = (row.fatalities ?? 0) + dead }
                if let hurt = toll.effects.injured { row.injured = (row.injured ?? 0) + hurt }
                rows[toll.claimant] = row
            }
        }
        return rows.values.sorted { ($0.fatalities ?? 0, $0.events, $1.claimant) > ($1.fatalities ?? 0, $1.events, $0.claimant) }
    }

    /// A notable event with its deciding record's explained verdict.
    static func notableEvent(
        _ event: EventOutcome, summary: EventSummary, judged: JudgedEvents, agreement: Agreement, judge: Adjudicator
    ) -> NotableIncident? {
        guard let decider = judged.records[event.decidedBy]?.incident else { return nil }
        let verdict = judge.verdict(for: decider, under: agreement)
        let location = summary.location
        var sources: [String] = []
        for claim in summary.claims {
            let text = claim.source.map { "\(claim.claimant): \($0.url)" } ?? claim.claimant
            if !sources.contains(text) { sources.append(text) }
        }
        return NotableIncident(
            event: event.event, incident: decider.id, records: summary.records, accused: event.accused.map { $0?.rawValue ?? "unattributed" },
            start: event.start, place: [location.place, location.admin1, location.country].compactMap { $0 }.joined(separator: ", "),
            description: decider.description, verdict: verdict.kind, evidence: event.evidence, checks: verdict.checks, sources: sources,
            casualties: summary.casualties, facts: facts(of: summary, zone: agreement.timeZone))
    }

    /// What a reader should know of an event beyond its verdict: a time not stated, the outcome (or that the
    /// records disagree on it), an aggregate's count, and who denies it.
    static func facts(of summary: EventSummary, zone: ZoneIdentifier) -> [String] {
        var facts: [String] = []
        if !summary.timeStated {
            let clock = zone.wallClock(at: summary.span.start)
            facts.append("time not stated: reported on \(StatedTime(year: clock.year, month: clock.month, day: clock.day))")
        }
        if let outcome = summary.outcome { facts.append("outcome: \(outcome.rawValue)") }
        if summary.outcomeDisputed { facts.append("outcome disputed: the records disagree on whether it struck") }
        if let acts = summary.acts { facts.append("an aggregate claim of \(acts) acts, counted as one event") }
        for denial in summary.claims where denial.isDenial {
            facts.append("\(denial.claimant) denies \(denial.accused?.rawValue ?? "it") did it")
        }
        return facts
    }
}
