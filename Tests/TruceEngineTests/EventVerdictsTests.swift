import Foundation
import Testing
import TruceCore
import TruceEngine

@Suite("Event verdicts: counts are by event, per accused party")
struct EventVerdictsTests {
    let day = Date(timeIntervalSince1970: 1_742_515_200)  // 2025-03-21

    func record(_ id: String, _ kind: VerdictKind, accused: PartyID?, hours: Double = 0) -> RecordVerdict {
        RecordVerdict(incident: id, agreement: "a", kind: kind, accused: accused, start: day.addingTimeInterval(hours * 3_600))
    }

    @Test("one shelling reported by two sources is one event with two records, not two violations")
    func twoSourcesOneEvent() {
        let evidence = [
            "r1": EvidenceRecord(incident: "r1", group: "r1", level: .corroborated),
            "r2": EvidenceRecord(incident: "r2", group: "r1", level: .corroborated),
        ]
        let events = EventVerdicts.group(
            [record("r1", .violation, accused: "RU"), record("r2", .possibleViolation, accused: "RU", hours: 1)], evidence: evidence)
        #expect(events.count == 1)
        #expect(events[0].kind == .violation && events[0].records == ["r1", "r2"] && events[0].decidedBy == "r1")
        #expect(events[0].evidence == .corroborated)
        #expect(EventVerdicts.eventCount(events, kind: .violation) == 1)
    }

    @Test("mutual blame for one shelling is one event with a verdict per accused party, counted once overall")
    func mutualBlame() {
        let evidence = [
            "ru-says": EvidenceRecord(incident: "ru-says", group: "ru-says", level: .contested),
            "ua-says": EvidenceRecord(incident: "ua-says", group: "ru-says", level: .contested),
        ]
        let events = EventVerdicts.group(
            [record("ru-says", .violation, accused: "UA"), record("ua-says", .violation, accused: "RU")], evidence: evidence)
        #expect(events.map(\.accused) == ["RU", "UA"])
        #expect(EventVerdicts.eventCount(events, kind: .violation) == 1)
    }

    @Test("a record naming no perpetrator joins its event's attributed verdicts instead of adding an unattributed one")
    func unattributedRecordInAttributedEvent() {
        let evidence = [
            "a": EvidenceRecord(incident: "a", group: "a", level: .singleClaim),
            "b": EvidenceRecord(incident: "b", group: "a", level: .singleClaim),
            "c": EvidenceRecord(incident: "c", group: "c", level: .singleClaim),
        ]
        let events = EventVerdicts.group(
            [
                record("a", .violation, accused: "RU"), record("b", .insufficientInformation, accused: nil),
                record("c", .possibleViolation, accused: nil, hours: 2),
            ],
            evidence: evidence)
        #expect(events.map(\.accused) == ["RU", nil])
        #expect(EventVerdicts.eventCount(events, kind: .violation) == 1)
        #expect(EventVerdicts.eventCount(events, kind: .possibleViolation) == 1)
    }

    @Test("an event with a violation by one party and a possible violation by another counts only as a violation")
    func strongestKindCounts() {
        let evidence = [
            "x": EvidenceRecord(incident: "x", group: "x", level: .contested), "y": EvidenceRecord(incident: "y", group: "x", level: .contested),
        ]
        let events = EventVerdicts.group(
            [record("x", .violation, accused: "RU"), record("y", .possibleViolation, accused: "UA")], evidence: evidence)
        #expect(EventVerdicts.eventCount(events, kind: .violation) == 1)
        #expect(EventVerdicts.eventCount(events, kind: .possibleViolation) == 0)
    }

    @Test("an event's summary keeps each claimant's casualties apart and takes the narrowest shared time and the most precise place")
    func summary() {
        func incident(_ id: String, hours: Double, length: Double, precision: GeoPrecision, claimant: String, fatalities: Int) -> Incident {
            Incident(
                id: id,
                time: IncidentTime(
                    span: TimeSpan(start: day.addingTimeInterval(hours * 3_600), end: day.addingTimeInterval((hours + length) * 3_600)),
                    precision: .hour),
                location: IncidentLocation(
                    country: "UA", admin1: "Kharkiv Oblast", coordinate: Coordinate(latitude: 50, longitude: 36.2), precision: precision),
                action: .artillery, target: Target(category: .civilian), perpetrator: nil, effects: Effects(fatalities: fatalities),
                description: "shelling",
                claims: [Claim(claimant: claimant)])
        }
        let summary = EventSummary(
            records: [
                incident("p", hours: 0, length: 24, precision: .region, claimant: "Kharkiv regional administration", fatalities: 3),
                incident("q", hours: 5, length: 2, precision: .locality, claimant: "Ministry of Defence of Russia", fatalities: 0),
            ],
            evidence: .contested)
        #expect(summary.id == "p" && summary.records == ["p", "q"])
        #expect(summary.span.start == day.addingTimeInterval(5 * 3_600) && summary.span.duration == 7_200)
        #expect(summary.location.precision == .locality)
        #expect(summary.casualties.map(\.effects.fatalities) == [3, 0])
    }
}
