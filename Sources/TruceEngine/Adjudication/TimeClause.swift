import Foundation
import TruceCore

/// The time clause: does the incident's span lie in a period when the perpetrator (or, when nobody is
/// named, any belligerent) is bound, per the agreement's windows and status history?
enum TimeClause {
    static func check(_ incident: Incident, _ agreement: Agreement) -> ClauseCheck {
        let span = incident.time.span
        let zone = agreement.timeZone
        let when = Explain.span(span, in: zone) + " (precision: \(incident.time.precision.rawValue))"
        let parties = incident.perpetrator.map { [$0.party] } ?? agreement.belligerents.map(\.id)
        let bound = parties.flatMap { agreement.bindingSpans(for: $0) }
        let who = incident.perpetrator.map { $0.party.rawValue } ?? "any party"

        if let period = bound.first(where: { $0.encloses(span) }) {
            return ClauseCheck(.time, .pass, "\(when) lies within the period \(who) is bound: \(Explain.span(period, in: zone))")
        }
        if let period = bound.first(where: { $0.overlaps(span) }) {
            return ClauseCheck(
                .time, .unknown, uncertainty: .imprecise,
                "\(when) straddles a boundary of the period \(who) is bound (\(Explain.span(period, in: zone))): the time is too coarse to tell")
        }
        if let party = incident.perpetrator?.party, let dispute = dispute(span, party: party, agreement: agreement) {
            return ClauseCheck(.time, .unknown, uncertainty: .disputed, "\(when): \(dispute)")
        }
        return ClauseCheck(.time, .fail, "\(when): \(outside(span, parties: parties, agreement: agreement))")
    }

    /// When the perpetrator holds its own window that excludes the incident but another party holds the
    /// agreement in force then, the start (or end) is disputed.
    private static func dispute(_ span: TimeSpan, party: PartyID, agreement: Agreement) -> String? {
        guard agreement.hasOwnWindow(party), let general = agreement.span, general.overlaps(span) else { return nil }
        let others = agreement.belligerents.map(\.id).filter { $0 != party }
        guard let holder = others.first(where: { other in agreement.bindingSpans(for: other).contains { $0.overlaps(span) } }),
            let own = agreement.span(for: party)
        else { return nil }
        let zone = agreement.timeZone
        return "disputed: in force then by the agreement's window as \(holder) reads it (\(Explain.span(general, in: zone))), "
            + "but \(party) holds its own window (\(Explain.span(own, in: zone)))"
    }

    /// Why no binding period covers the span.
    private static func outside(_ span: TimeSpan, parties: [PartyID], agreement: Agreement) -> String {
        let zone = agreement.timeZone
        for party in parties {
            if let status = agreement.status(of: party, at: span.start), !status.binds {
                let event = agreement.statusHistory.last { ($0.party == nil || $0.party == party) && agreement.instant(of: $0) <= span.start }
                let since = event.map { " since \(Explain.time(agreement.instant(of: $0), in: zone))" } ?? ""
                return "the agreement's status for \(party) was \(status.rawValue)\(since), which binds nobody"
            }
        }
        let periods = parties.flatMap { agreement.bindingSpans(for: $0) }
        if periods.isEmpty { return "the agreement was never in force for \(parties.map(\.rawValue).joined(separator: ", "))" }
        let listed = periods.map { Explain.span($0, in: zone) }.joined(separator: "; ")
        return "outside every period in which it bound \(parties.map(\.rawValue).joined(separator: ", ")): \(listed)"
    }
}
