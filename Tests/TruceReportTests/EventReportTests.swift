import Foundation
import Testing
import TruceCore
import TruceEngine
import TruceReport

/// What a report says: events with their records, alleged figures, casualties by claimant, every claim of the
/// period, and a badge that fits the agreement's state.
@Suite("Reports by event")
struct EventReportTests {
    static let moscow = ZoneIdentifier("Europe/Moscow")!

    /// A unilateral three-day truce declared by RU; UA, its addressee, rejected it and is not bound.
    static let truce = Agreement(
        id: "unilateral", title: "Unilateral truce", kind: .unilateral, timeZone: moscow,
        parties: [AgreementParty(id: "RU", name: "Russia", role: .party), AgreementParty(id: "UA", name: "Ukraine", role: .addressee)],
        window: AgreementWindow(start: StatedTime(parsing: "2025-05-08"), end: .at(StatedTime(parsing: "2025-05-11")!)),
        scope: Scope(include: [GeoArea(kind: .country, code: "UA"), GeoArea(kind: .country, code: "RU")]),
        statusHistory: [
            StatusEvent(at: StatedTime(parsing: "2025-04-29")!, status: .rejected, party: "UA"),
            StatusEvent(at: StatedTime(parsing: "2025-05-08")!, status: .inForce, party: "RU"),
        ])

    static func record(
        _ id: String, _ local: String, accused: PartyID, claimant: String, side: PartyID?, killed: Int? = nil, country: String = "UA"
    ) -> Incident {
        Incident(
            id: id, time: IncidentTime.implied(by: StatedTime(parsing: local)!, precision: .hour, in: moscow),
            location: IncidentLocation(
                country: country, admin1: "Kharkiv Oblast", coordinate: Coordinate(latitude: 49.99, longitude: 36.23), precision: .locality),
            action: .artillery, target: Target(category: .civilian, subtype: "residential"),
            perpetrator: Attribution(party: accused, attributedBy: claimant),
            effects: Effects(fatalities: killed), description: "Shelling of \(id).",
            claims: [Claim(claimant: claimant, claimantParty: side, accused: accused)])
    }

    static let period = TimeSpan(
        start: StatedTime(parsing: "2025-05-08")!.instant(in: moscow), end: StatedTime(parsing: "2025-05-11")!.instant(in: moscow))

    func report(_ incidents: [Incident], evidence: [EvidenceRecord] = [], asOf: Date = Self.period.end!) -> MonitoringReport {
        MonitoringReport.build(agreement: Self.truce, incidents: incidents, evidence: evidence, period: Self.period, asOf: asOf)
    }

    @Test("defect: an accusation against a party the unilateral truce does not bind vanished from the claims table")
    func claimAgainstUnboundPartyIsListed() throws {
        let incidents = [
            Self.record("ua-hit", "2025-05-09T10:00", accused: "RU", claimant: "General Staff of Ukraine", side: "UA"),
            Self.record("ru-hit", "2025-05-09T12:00", accused: "UA", claimant: "Ministry of Defence of Russia", side: "RU", country: "RU"),
        ]
        let report = report(incidents)
        let russian = try #require(report.claimants.first { $0.claimant == "Ministry of Defence of Russia" })
        #expect(russian.claims == 1 && russian.accused == ["UA": 1] && russian.outOfScope == 1)
        let ukrainian = try #require(report.claimants.first { $0.claimant == "General Staff of Ukraine" })
        #expect(ukrainian.outOfScope == 0)
        // The claim is listed, but counts as no violation: UA is not bound.
        #expect(report.analytics.overall.violations == 1 && report.byParty.map(\.key) == ["RU"])
        let markdown = try ReportRenderer.render(report, as: .md, outlines: nil)
        #expect(markdown.contains("| Ministry of Defence of Russia | RU | 1 | 1 | UA 1 | 1 |"))
    }

    @Test("casualties are listed by claimant and never summed across claimants")
    func casualtiesByClaimant() throws {
        let incidents = [
            Self.record("says-5", "2025-05-09T10:00", accused: "RU", claimant: "Kharkiv Oblast Military Administration", side: "UA", killed: 5),
            Self.record("says-3", "2025-05-09T10:00", accused: "RU", claimant: "Reuters", side: nil, killed: 3),
        ]
        let evidence = incidents.map { EvidenceRecord(incident: $0.id, group: "says-5", level: .corroborated) }
        let report = report(incidents, evidence: evidence)
        #expect(report.analytics.overall.violations == 1 && report.analytics.overall.violationRecords == 2)
        #expect(report.casualties.map(\.claimant).sorted() == ["Kharkiv Oblast Military Administration", "Reuters"])
        #expect(report.casualties.map { $0.fatalities ?? 0 }.sorted() == [3, 5])
        #expect(report.notable.count == 1 && report.notable[0].casualties.count == 2 && report.notable[0].records.count == 2)
        for format in [ReportRenderer.Format.md, .html] {
            let text = try ReportRenderer.render(report, as: format, outlines: nil)
            #expect(!text.contains(">8<") && !text.contains("| 8 |") && !text.contains("8 killed"), "\(format)")
            #expect(text.contains("5 killed") && text.contains("3 killed"), "\(format)")
        }
    }

    @Test("violation figures resting on claims say alleged, with events and records, in HTML and Markdown")
    func allegedEventsAndRecords() throws {
        let incidents = [
            Self.record("a", "2025-05-09T10:00", accused: "RU", claimant: "General Staff of Ukraine", side: "UA"),
            Self.record("b", "2025-05-09T10:00", accused: "RU", claimant: "Reuters", side: nil),
            Self.record("c", "2025-05-10T10:00", accused: "RU", claimant: "Reuters", side: nil),
        ]
        let evidence = [
            EvidenceRecord(incident: "a", group: "a", level: .corroborated), EvidenceRecord(incident: "b", group: "a", level: .corroborated),
        ]
        let report = report(incidents, evidence: evidence)
        for format in [ReportRenderer.Format.md, .html] {
            let text = try ReportRenderer.render(report, as: format, outlines: nil)
            #expect(text.contains("Alleged violations: 2 events (3 records) in the period"), "\(format)")
            #expect(!text.contains("Violations: "), "\(format)")
        }
        #expect(report.byParty.first?.violations == 2 && report.byParty.first?.violationRecords == 3)
        // The tables, the map and the summary count the same events and records.
        #expect(report.byRegion.map(\.violations).reduce(0, +) == report.analytics.overall.violations)
        #expect(report.points.filter { $0.verdict == .violation }.map(\.records.count).reduce(0, +) == report.analytics.overall.violationRecords)
    }

    @Test("an ended agreement's badge gives its state over its window, not the quiet after it")
    func endedBadge() throws {
        let incidents = [
            Self.record("a", "2025-05-08T10:00", accused: "RU", claimant: "General Staff of Ukraine", side: "UA"),
            Self.record("b", "2025-05-08T14:00", accused: "RU", claimant: "Reuters", side: nil),
        ]
        let later = StatedTime(parsing: "2025-05-20")!.instant(in: Self.moscow)
        let report = report(incidents, asOf: later)
        #expect(report.analytics.ended && report.analytics.status != .holding)
        let html = try ReportRenderer.render(report, as: .html, outlines: nil)
        #expect(html.contains("ended · \(report.analytics.status.rawValue) over its window"))
        #expect(html.contains("over its whole window (2025-05-08 to 2025-05-10"))
    }

    @Test("the data-coverage line names each dataset, its date range and the last import")
    func coverageLine() throws {
        let incidents = [Self.record("a", "2025-05-09T10:00", accused: "RU", claimant: "General Staff of Ukraine", side: "UA")]
        let imported = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24 16:00 UTC
        let coverage = [
            DatasetCoverage(
                dataset: "acled", records: 120, earliest: StatedTime(parsing: "2025-05-01")!.instant(in: Self.moscow),
                latest: StatedTime(parsing: "2025-05-30")!.instant(in: Self.moscow), lastImport: imported)
        ]
        let report = MonitoringReport.build(
            agreement: Self.truce, incidents: incidents, evidence: [], period: Self.period, asOf: Self.period.end!, coverage: coverage)
        let markdown = try ReportRenderer.render(report, as: .md, outlines: nil)
        #expect(markdown.contains("Data: acled (120 records, 2025-05-01 to 2025-05-30); last import 2025-11-24 16:00 UTC."))
        // Three days of baseline before 8 May start on 5 May, after the data's first record: a ratio is given.
        #expect(report.analytics.overall.rate != nil && !markdown.contains("No rate ratio"))
    }

    @Test("a notable event says what its records say beyond the verdict: an aggregate's count, the outcome, a denial")
    func notableEventFacts() throws {
        var aggregate = Self.record("many", "2025-05-09T10:00", accused: "RU", claimant: "General Staff of Ukraine", side: "UA")
        aggregate.acts = 117
        var intercepted = Self.record("drone", "2025-05-09T12:00", accused: "RU", claimant: "Air Force of Ukraine", side: "UA")
        intercepted.outcome = .intercepted
        intercepted.location.place = "Sumy"
        intercepted.location.coordinate = Coordinate(latitude: 50.9, longitude: 34.8)
        intercepted.claims.append(Claim(claimant: "Ministry of Defence of Russia", claimantParty: "RU", accused: "RU", stance: .denial))
        let report = report([aggregate, intercepted])
        let facts = report.notable.flatMap(\.facts)
        #expect(facts.contains("an aggregate claim of 117 acts, counted as one event"))
        #expect(facts.contains("outcome: intercepted"))
        #expect(facts.contains("Ministry of Defence of Russia denies RU did it"))
        let markdown = try ReportRenderer.render(report, as: .md, outlines: nil)
        #expect(markdown.contains("- an aggregate claim of 117 acts, counted as one event"))
    }
}
