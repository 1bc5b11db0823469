import Foundation
import Testing
import TruceCore
import TruceEngine

/// A ten-day comprehensive ceasefire in Kyiv time, 25 March – 4 April 2025: it spans the change to summer
/// time on 30 March, so it lasts 239 hours. Expected figures below were computed independently (by hand and
/// with scipy's beta quantiles for the exact intervals).
@Suite("Compliance analytics on a fixture")
struct AnalyticsTests {
    static let kyiv = ZoneIdentifier("Europe/Kyiv")!

    static let ceasefire = Agreement(
        id: "fixture", title: "Fixture", kind: .comprehensive, timeZone: kyiv,
        parties: [AgreementParty(id: "AA", name: "A", role: .party), AgreementParty(id: "BB", name: "B", role: .party)],
        window: AgreementWindow(start: StatedTime(parsing: "2025-03-25"), end: .after(CalendarDuration(days: 10))),
        scope: Scope(include: [GeoArea(kind: .country, code: "UA")]),
        statusHistory: [StatusEvent(at: StatedTime(parsing: "2025-03-25")!, status: .inForce)],
        conditions: [Condition(id: "monitors", holder: "AA", kind: .precondition, text: "Monitors deployed.", state: .unmet)])

    static func incident(_ id: String, _ local: String, by party: PartyID, precision: TimePrecision = .minute) -> Incident {
        Incident(
            id: id, time: IncidentTime.implied(by: StatedTime(parsing: local)!, precision: precision, in: kyiv),
            location: IncidentLocation(country: "UA", precision: .locality), action: .artillery, target: Target(category: .military),
            perpetrator: Attribution(party: party, attributedBy: "test"), description: "")
    }

    static var incidents: [Incident] {
        var list = [
            incident("w1", "2025-03-26T10:00", by: "AA"), incident("w2", "2025-03-30T12:00", by: "AA"),
            incident("w3", "2025-03-31T12:00", by: "AA"), incident("w4", "2025-04-02T08:00", by: "AA"),
            incident("w5", "2025-03-28T09:00", by: "BB"), incident("w6", "2025-04-01", by: "AA", precision: .week),
            incident("old", "2025-03-01T12:00", by: "AA"),
        ]
        list += (16...23).map { incident("b-aa-\($0)", "2025-03-\($0)T12:00", by: "AA") }
        list += [incident("b-bb-20", "2025-03-20T12:00", by: "BB"), incident("b-bb-21", "2025-03-21T12:00", by: "BB")]
        return list
    }

    static let asOf = StatedTime(parsing: "2025-04-10")!.instant(in: kyiv)

    var analytics: AgreementAnalytics {
        ComplianceAnalytics.analyse(
            agreement: Self.ceasefire, incidents: Self.incidents, evidence: [EvidenceRecord(incident: "w3", group: "w3", level: .corroborated)],
            asOf: Self.asOf)
    }

    @Test("daily counts are by local day across the DST change, violations by evidence level")
    func dailyCounts() throws {
        let days = analytics.days
        #expect(
            days.map(\.date) == [
                "2025-03-25", "2025-03-26", "2025-03-27", "2025-03-28", "2025-03-29", "2025-03-30", "2025-03-31", "2025-04-01", "2025-04-02",
                "2025-04-03",
            ])
        #expect(days.map(\.totalViolations) == [0, 1, 0, 1, 0, 1, 1, 0, 1, 0])
        #expect(days[6].violations["corroborated"] == 1 && days[6].violations["single_claim"] == 0)
        #expect(days[7].possibleViolations == 1)
    }

    @Test("the rate ratio against a ten-day baseline, with its exact 95% interval")
    func rateRatio() throws {
        let rate = try #require(analytics.overall.rate)
        #expect(rate.count == 5 && rate.baselineCount == 10)
        #expect(abs(rate.days - 239.0 / 24) < 1e-9 && rate.baselineDays == 10)
        #expect(abs(rate.ratio! - 0.502092050209205) < 1e-9)
        #expect(abs(rate.lower! - 0.1346579393418414) < 1e-6)
        #expect(abs(rate.upper! - 1.6122159376159626) < 1e-6)
        let perParty = analytics.parties.map { $0.rate! }
        #expect(perParty.map(\.count) == [4, 1] && perParty.map(\.baselineCount) == [8, 2])
        #expect(abs(perParty[0].lower! - 0.11064214740769782) < 1e-6 && abs(perParty[0].upper! - 1.8741609881385213) < 1e-6)
        #expect(abs(perParty[1].upper! - 9.644716202232162) < 1e-5)
    }

    @Test("time to the first alleged and first corroborated violation; none verified")
    func firstViolations() {
        // From 25 March 00:00 Kyiv (24 March 22:00 UTC): 26 March 10:00 is 34 hours on; 31 March 12:00 Kyiv
        // summer time (09:00 UTC) is 6 days 11 hours on; BB's 28 March 09:00 is 3 days 9 hours on.
        #expect(analytics.overall.untilFirstAlleged == TimeInterval(34 * 3600))
        #expect(analytics.overall.untilFirstCorroborated == TimeInterval(6 * 86_400 + 11 * 3600))
        #expect(analytics.overall.untilFirstVerified == nil)
        #expect(analytics.parties[1].untilFirstAlleged == TimeInterval(3 * 86_400 + 9 * 3600))
    }

    @Test("the share of verdicts left open by precision, outstanding conditions, and the status with its rule")
    func shareConditionsStatus() {
        #expect(analytics.uncertainShare == 1.0 / 6)
        #expect(analytics.outstandingConditions.map(\.id) == ["monitors"])
        #expect(analytics.status == .strained)
        #expect(analytics.statusRule.contains("over the last 3 day(s)"))
    }

    @Test("an agreement with no incidents: zero counts, no ratio, holding")
    func noIncidents() {
        let empty = ComplianceAnalytics.analyse(agreement: Self.ceasefire, incidents: [], evidence: [], asOf: Self.asOf)
        #expect(empty.days.count == 10 && empty.days.allSatisfy { $0.totalViolations == 0 && $0.possibleViolations == 0 })
        #expect(empty.overall.violations == 0 && empty.overall.rate?.ratio == nil && empty.overall.rate?.upper == nil)
        #expect(empty.overall.untilFirstAlleged == nil && empty.uncertainShare == nil)
        #expect(empty.status == .holding)
    }

    @Test("a collapse in the status history gives collapsed; fighting at the baseline rate gives collapsing")
    func collapsedAndCollapsing() {
        var collapsed = Self.ceasefire
        collapsed.statusHistory.append(StatusEvent(at: StatedTime(parsing: "2025-03-29")!, status: .collapsed))
        #expect(ComplianceAnalytics.analyse(agreement: collapsed, incidents: Self.incidents, evidence: [], asOf: Self.asOf).status == .collapsed)
        // Judged while the window runs (once it has ended, the whole window counts): 4 events in the last 3 days.
        let heavy = Self.incidents + (1...3).map { Self.incident("late\($0)", "2025-04-03T0\($0):00", by: "BB") }
        let running = StatedTime(parsing: "2025-04-03T12:00")!.instant(in: Self.kyiv)
        #expect(ComplianceAnalytics.analyse(agreement: Self.ceasefire, incidents: heavy, evidence: [], asOf: running).status == .collapsing)
    }

    @Test("the exact interval matches known Clopper–Pearson values")
    func exactInterval() {
        let ratio = RateRatio(count: 4, days: 1, baselineCount: 8, baselineDays: 1)
        #expect(abs(ratio.lower! - 0.11018113846016575) < 1e-6 && abs(ratio.upper! - 1.8663519840212774) < 1e-6)
        let none = RateRatio(count: 0, days: 1, baselineCount: 5, baselineDays: 1)
        #expect(none.lower == 0 && abs(none.upper! - 1.091279105182546) < 1e-6)
        let unbounded = RateRatio(count: 6, days: 1, baselineCount: 0, baselineDays: 1)
        #expect(unbounded.ratio == nil && unbounded.upper == nil && abs(unbounded.lower! - 1.1774247257241777) < 1e-6)
    }
}
