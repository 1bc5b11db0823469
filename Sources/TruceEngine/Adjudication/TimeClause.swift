import Foundation
import TruceCore

/// The time clause: does the incident's span lie in a period when the perpetrator (or, when nobody is
/// named, any belligerent) is bound, per the agreement's windows and status history?
enum TimeClause {
    static func check(_ incident: Incident, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        let span = incident.time.span
        let agreement = prepared.agreement
        let zone = agreement.timeZone
        var when: String { Explain.span(span, in: zone) + " (precision: \(incident.time.precision.rawValue))" }
        let parties = incident.perpetrator.map { [$0.party] } ?? prepared.belligerents
        let who = incident.perpetrator.map { $0.party.rawValue } ?? "any party"
        guard incident.time.isStated else { return unstated(incident, parties: parties, who: who, prepared: prepared, explain: explain) }

        var straddled: TimeSpan?
        for party in parties {
            for period in prepared.bindingSpans(for: party) {
                if period.encloses(span) {
                    return ClauseCheck(
                        .time, .pass, explain ? "\(when) lies within the period \(who) is bound: \(Explain.span(period, in: zone))" : "")
                }
                if straddled == nil, period.overlaps(span) { straddled = period }
            }
        }
        if let period = straddled {
            return ClauseCheck(
                .time, .unknown, uncertainty: .imprecise,
                explain
                    ? "\(when) straddles a boundary of the period \(who) is bound (\(Explain.span(period, in: zone))): the time is too coarse to tell"
                    : "")
        }
        if let party = incident.perpetrator?.party, let holder = disputeHolder(span, party: party, prepared: prepared) {
            return ClauseCheck(
                .time, .unknown, uncertainty: .disputed, explain ? "\(when): \(dispute(holder: holder, party: party, prepared: prepared))" : "")
        }
        return ClauseCheck(.time, .fail, explain ? "\(when): \(outside(span, parties: parties, prepared: prepared))" : "")
    }

    /// A time the source does not state: it happened before the report's span ended. Out of scope when every
    /// period in which the parties were bound began later; otherwise the time the verdict needs is missing.
    private static func unstated(_ incident: Incident, parties: [PartyID], who: String, prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        let bound = incident.time.latestEnd
        let zone = prepared.agreement.timeZone
        var reported: String { "no time is stated; reported by " + (bound.map { Explain.time($0, in: zone) } ?? "an open date") }
        let periods = parties.flatMap { prepared.bindingSpans(for: $0) }
        if let period = periods.first(where: { period in bound.map { period.start < $0 } ?? true }) {
            return ClauseCheck(
                .time, .unknown, uncertainty: .missing,
                explain ? "\(reported), so it may lie in the period \(who) is bound (\(Explain.span(period, in: zone))) or outside it" : "")
        }
        guard explain else { return ClauseCheck(.time, .fail, "") }
        let first = periods.map(\.start).min().map { "; the first binding period began \(Explain.time($0, in: zone))" } ?? ""
        return ClauseCheck(.time, .fail, "\(reported): it happened before \(who) was ever bound\(first)")
    }

    /// When the perpetrator holds its own window that excludes the incident but another party holds the
    /// agreement in force then, the start (or end) is disputed: the party that holds it in force.
    private static func disputeHolder(_ span: TimeSpan, party: PartyID, prepared: PreparedAgreement) -> PartyID? {
        guard prepared.ownWindows[party] != nil, let general = prepared.general, general.overlaps(span) else { return nil }
        return prepared.belligerents.first { other in
            other != party && prepared.bindingSpans(for: other).contains { $0.overlaps(span) }
        }
    }

    private static func dispute(holder: PartyID, party: PartyID, prepared: PreparedAgreement) -> String {
        let zone = prepared.agreement.timeZone
        let general = prepared.general.map { Explain.span($0, in: zone) } ?? "no window"
        let own = prepared.ownWindows[party].map { Explain.span($0, in: zone) } ?? "no window"
        return "disputed: in force then by the agreement's window as \(holder) reads it (\(general)), "
            + "but \(party) holds its own window (\(own))"
    }

    /// Why no binding period covers the span.
    private static func outside(_ span: TimeSpan, parties: [PartyID], prepared: PreparedAgreement) -> String {
        let agreement = prepared.agreement
        let zone = agreement.timeZone
        for party in parties {
            if let status = agreement.status(of: party, at: span.start), !status.binds {
                let event = agreement.statusHistory.last { ($0.party == nil || $0.party == party) && agreement.instant(of: $0) <= span.start }
                let since = event.map { " since \(Explain.time(agreement.instant(of: $0), in: zone))" } ?? ""
                return "the agreement's status for \(party) was \(status.rawValue)\(since), which binds nobody"
            }
        }
        let periods = parties.flatMap { prepared.bindingSpans(for: $0) }
        if periods.isEmpty { return "the agreement was never in force for \(parties.map(\.rawValue).joined(separator: ", "))" }
        let listed = periods.map { Explain.span($0, in: zone) }.joined(separator: "; ")
        return "outside every period in which it bound \(parties.map(\.rawValue).joined(separator: ", ")): \(listed)"
    }
}
