import Foundation
import Testing
import TruceCore
import TruceEngine

/// Analytics count events, not records; the status rule fits the agreement's state; figures the data cannot
/// support are withheld with a reason. Fixture: the ten-day ceasefire of ``AnalyticsTests``.
@Suite("Compliance analytics by event")
struct EventAnalyticsTests {
    typealias Fixture = AnalyticsTests
    static let asOf = Fixture.asOf

    static func group(_ ids: [IncidentID], _ level: EvidenceLevel) -> [EvidenceRecord] {
        ids.map { EvidenceRecord(incident: $0, group: ids[0], level: level) }
    }

    @Test("mutual blame for one shelling is one event: a violation for each accused party, one overall")
    func mutualBlameIsOneEvent() {
        let incidents = [Fixture.incident("ru-says", "2025-03-27T10:00", by: "AA"), Fixture.incident("ua-says", "2025-03-27T10:00", by: "BB")]
        let analytics = ComplianceAnalytics.analyse(
            agreement: Fixture.ceasefire, incidents: incidents, evidence: Self.group(["ru-says", "ua-says"], .contested), asOf: Self.asOf)
        #expect(analytics.overall.violations == 1 && analytics.overall.violationRecords == 2)
        #expect(analytics.parties.map(\.violations) == [1, 1] && analytics.parties.map(\.violationRecords) == [1, 1])
        #expect(analytics.days.map(\.totalViolations).reduce(0, +) == 1)
        #expect(analytics.days[2].violations["contested"] == 1 && analytics.days[2].violationRecords == 2)
    }

    @Test("one shelling reported by two sources is one event with two records")
    func twoSourcesOneEvent() {
        let incidents = [Fixture.incident("a", "2025-03-27T10:00", by: "AA"), Fixture.incident("b", "2025-03-27T10:30", by: "AA")]
        let analytics = ComplianceAnalytics.analyse(
            agreement: Fixture.ceasefire, incidents: incidents, evidence: Self.group(["a", "b"], .corroborated), asOf: Self.asOf)
        #expect(analytics.overall.violations == 1 && analytics.overall.violationRecords == 2)
        #expect(analytics.parties[0].violations == 1 && analytics.parties[0].violationRecords == 2)
        #expect(analytics.days[2].violations["corroborated"] == 1)
        // Without the link, the same records are two events.
        let apart = ComplianceAnalytics.analyse(agreement: Fixture.ceasefire, incidents: incidents, evidence: [], asOf: Self.asOf)
        #expect(apart.overall.violations == 2)
    }

    @Test("defect: an expired agreement with alleged violations showed holding, from the quiet after its end")
    func expiredAgreementShowsItsWindow() {
        // Violations early in the window, none in its last three days; the report's moment is after its end.
        let incidents = Fixture.incidents.filter { !["w3", "w4", "w6"].contains($0.id) }
        let analytics = ComplianceAnalytics.analyse(agreement: Fixture.ceasefire, incidents: incidents, evidence: [], asOf: Self.asOf)
        #expect(analytics.ended)
        #expect(analytics.statusSpan.start == Fixture.ceasefire.span!.start && analytics.statusSpan.end == Fixture.ceasefire.span!.end)
        #expect(analytics.overall.violations == 3)
        #expect(analytics.status == .strained)
        // While it ran, the same violations were not recent on its last day.
        let lastDay = StatedTime(parsing: "2025-04-03T23:00")!.instant(in: Fixture.kyiv)
        let running = ComplianceAnalytics.analyse(agreement: Fixture.ceasefire, incidents: incidents, evidence: [], asOf: lastDay)
        #expect(!running.ended && running.status == .holding)
    }

    @Test("defect: one claim on a month's last day made a truce collapsing")
    func oneClaimIsNotCollapsing() {
        var truce = Fixture.ceasefire
        truce.window = AgreementWindow(start: StatedTime(parsing: "2025-03-01"))
        truce.statusHistory = [StatusEvent(at: StatedTime(parsing: "2025-03-01")!, status: .inForce)]
        let incidents = [
            Fixture.incident("old", "2025-01-15T12:00", by: "AA"), Fixture.incident("before", "2025-02-10T12:00", by: "AA"),
            Fixture.incident("last-day", "2025-03-31T20:00", by: "BB"),
        ]
        let end = StatedTime(parsing: "2025-04-01")!.instant(in: Fixture.kyiv)
        let march = TimeSpan(start: StatedTime(parsing: "2025-03-01")!.instant(in: Fixture.kyiv), end: end)
        let analytics = ComplianceAnalytics.analyse(agreement: truce, incidents: incidents, evidence: [], period: march, asOf: end)
        #expect(analytics.overall.rate?.baselineCount == 1)
        #expect(!analytics.ended && analytics.status == .strained)
        // Two such claims, or one verified, meet the rule.
        let two = incidents + [Fixture.incident("also", "2025-03-31T21:00", by: "AA")]
        #expect(ComplianceAnalytics.analyse(agreement: truce, incidents: two, evidence: [], period: march, asOf: end).status == .collapsing)
        let verified = [EvidenceRecord(incident: "last-day", group: "last-day", level: .verified)]
        #expect(
            ComplianceAnalytics.analyse(agreement: truce, incidents: incidents, evidence: verified, period: march, asOf: end).status == .collapsing)
        #expect(StatusRule.standard.description.contains("at least 2"))
    }

    @Test("defect: a rate ratio and a time to first violation were given from data that start after the baseline or the window")
    func coverageWithholdsFigures() throws {
        let kyiv = Fixture.kyiv
        func coverage(from day: String) -> [DatasetCoverage] {
            [DatasetCoverage(dataset: "acled", records: 20, earliest: StatedTime(parsing: day)!.instant(in: kyiv), latest: Self.asOf)]
        }
        // The baseline starts on 15 March, the window on 25 March.
        let afterBaseline = ComplianceAnalytics.analyse(
            agreement: Fixture.ceasefire, incidents: Fixture.incidents, evidence: [], asOf: Self.asOf, coverage: coverage(from: "2025-03-20"))
        #expect(afterBaseline.overall.rate == nil && afterBaseline.parties.allSatisfy { $0.rate == nil })
        let reason = try #require(afterBaseline.coverage.rateWithheld)
        #expect(reason.contains("acled") && reason.contains("2025-03-20") && reason.contains("2025-03-15"))
        #expect(afterBaseline.coverage.coversStart && afterBaseline.overall.untilFirstAlleged == TimeInterval(34 * 3600))

        let afterStart = ComplianceAnalytics.analyse(
            agreement: Fixture.ceasefire, incidents: Fixture.incidents, evidence: [], asOf: Self.asOf, coverage: coverage(from: "2025-03-27"))
        #expect(afterStart.overall.untilFirstAlleged == nil && afterStart.coverage.firstViolationWithheld?.contains("window's start") == true)

        let covered = ComplianceAnalytics.analyse(
            agreement: Fixture.ceasefire, incidents: Fixture.incidents, evidence: [], asOf: Self.asOf, coverage: coverage(from: "2025-01-01"))
        #expect(covered.overall.rate != nil && covered.coverage.rateWithheld == nil && covered.coverage.firstViolationWithheld == nil)
    }

    @Test("defect: an event whose earliest record starts before the window went uncounted, though the record that decides it lies inside")
    func eventCountedOnItsDecidingRecord() {
        var noon = Fixture.ceasefire
        noon.window = AgreementWindow(start: StatedTime(parsing: "2025-03-25T12:00"), end: .after(CalendarDuration(days: 10)))
        noon.statusHistory = [StatusEvent(at: StatedTime(parsing: "2025-03-25T12:00")!, status: .inForce)]
        // A report known to the day (straddling noon) and a precise one at 15:00 describe one strike.
        let incidents = [
            Fixture.incident("day-long", "2025-03-25", by: "AA", precision: .day), Fixture.incident("precise", "2025-03-25T15:00", by: "AA"),
        ]
        let analytics = ComplianceAnalytics.analyse(
            agreement: noon, incidents: incidents, evidence: Self.group(["day-long", "precise"], .corroborated), asOf: Self.asOf)
        #expect(analytics.overall.violations == 1 && analytics.overall.violationRecords == 2)
        #expect(analytics.overall.untilFirstAlleged == TimeInterval(3 * 3600))
        #expect(analytics.days.first?.violations["corroborated"] == 1)
    }
}
