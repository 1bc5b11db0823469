import Foundation
import TruceCore

/// Judges incidents against agreements, clause by clause. It takes and returns values, knowing nothing of
/// where they are stored.
///
/// ```swift
/// let verdict = Adjudicator().verdict(for: incident, under: moratorium)
/// verdict.kind            // .violation
/// verdict.check(.time)    // pass: "… lies within RU's binding period …"
/// ```
public struct Adjudicator: Sendable {
    /// Changes whenever a rule changes, so stored verdicts can be told apart and recomputed.
    public static let rulesVersion = "2026.12-3"

    /// The outlines that place a point in a sea an agreement names (`sea: black_sea`).
    public let seas: SeaOutlines

    /// The outlines that place a point whose country no source states in a country an agreement names.
    public let countries: CountryOutlines

    /// - Parameters:
    ///   - seas: the sea outlines, read by the caller (Truce ships them in `data/boundaries/seas.geojson`);
    ///     without them a `sea:` area cannot place a point, and judges its place `unknown`.
    ///   - countries: country outlines (Truce ships them in `data/boundaries/countries.geojson`); without them
    ///     a point of unknown country is `unknown` for a country or region area.
    public init(seas: SeaOutlines = SeaOutlines(), countries: CountryOutlines = CountryOutlines()) {
        self.seas = seas
        self.countries = countries
    }

    /// `agreement` prepared with these outlines.
    public func prepare(_ agreement: Agreement) -> PreparedAgreement { PreparedAgreement(agreement, seas: seas, countries: countries) }

    /// The clause outcomes and verdict of one pair, without reasons and without allocating: the scope clauses
    /// (relevance, party, place, time) go first, and the first that fails ends the judgement as `out_of_scope`.
    func outcomes(for incident: Incident, under prepared: PreparedAgreement) -> (VerdictKind, ClauseOutcomes) {
        var outcomes = ClauseOutcomes()
        if incident.action == .noHostileAct || incident.isRejectedByReview { return (.outOfScope, outcomes) }
        let scope = prepared.agreement.scope
        outcomes.party = PartyClause.check(incident, prepared, explain: false)
        if outcomes.party.outcome == .fail { return (.outOfScope, outcomes) }
        outcomes.place = PlaceClause.check(incident, prepared, explain: false)
        if outcomes.place.outcome == .fail { return (.outOfScope, outcomes) }
        outcomes.time = TimeClause.check(incident, prepared, explain: false)
        if outcomes.time.outcome == .fail { return (.outOfScope, outcomes) }
        outcomes.target = TargetClause.check(incident, scope, explain: false)
        outcomes.action = ActionClause.check(incident, scope, explain: false)
        outcomes.hasExceptions = !scope.exceptions.isEmpty
        return (outcomes.kind, outcomes)
    }

    /// The verdict on `incident` under `agreement`, with every clause check and its explanation.
    public func verdict(for incident: Incident, under agreement: Agreement) -> Verdict {
        verdict(for: incident, under: prepare(agreement), explain: true)
    }

    /// The verdict on `incident` under a prepared agreement. Without `explain` the checks carry outcomes
    /// only, no reasons: the same verdict, computed fast for bulk runs; `truce explain` recomputes the reasons.
    public func verdict(for incident: Incident, under prepared: PreparedAgreement, explain: Bool) -> Verdict {
        let agreement = prepared.agreement
        if let rejection = incident.claims.first(where: \.isRejection) {
            let reason = explain ? "rejected in review by \(rejection.claimant); the record is kept, not judged (see its review history)" : ""
            return Verdict(
                incident: incident.id, agreement: agreement.id, kind: .outOfScope, checks: [ClauseCheck(.relevance, .fail, reason)],
                rulesVersion: Self.rulesVersion)
        }
        if incident.action == .noHostileAct {
            let reason = explain ? "not a hostile act: \(HostileActs.reason(for: incident.sources))" : ""
            return Verdict(
                incident: incident.id, agreement: agreement.id, kind: .outOfScope, checks: [ClauseCheck(.relevance, .fail, reason)],
                rulesVersion: Self.rulesVersion)
        }
        var checks = [
            TimeClause.check(incident, prepared, explain: explain), PlaceClause.check(incident, prepared, explain: explain),
            PartyClause.check(incident, prepared, explain: explain), TargetClause.check(incident, agreement.scope, explain: explain),
            ActionClause.check(incident, agreement.scope, explain: explain),
        ]
        if !agreement.scope.exceptions.isEmpty {
            let stated = explain ? agreement.scope.exceptions.map(\.text).joined(separator: "; ") : ""
            checks.append(
                ClauseCheck(
                    .exceptions, .pass, explain ? "stated exceptions are not assessed automatically; a monitor should weigh them: \(stated)" : ""))
        }
        return Verdict(
            incident: incident.id, agreement: agreement.id, kind: Verdict.kind(for: checks), checks: checks,
            rulesVersion: Self.rulesVersion)
    }
}

/// Formats instants in an agreement's zone for explanations.
enum Explain {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func time(_ date: Date, in zone: ZoneIdentifier) -> String {
        let clock = zone.wallClock(at: date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(clock.day) \(months[clock.month - 1]) \(clock.year) \(two(clock.hour)):\(two(clock.minute)) \(zone)"
    }

    static func span(_ span: TimeSpan, in zone: ZoneIdentifier) -> String {
        time(span.start, in: zone) + " – " + (span.end.map { time($0, in: zone) } ?? "open")
    }
}
