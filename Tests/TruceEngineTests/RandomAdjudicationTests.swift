import Foundation
import Testing
import TruceCore

@testable import TruceEngine

/// Random agreements and incidents, to check that the bulk run (compact and full paths) judges every pair
/// exactly as the clause checks do one pair at a time.
struct RandomWorld {
    var state: UInt64

    /// The sea outlines the random world judges by: a Black Sea of one square, no Sea of Azov.
    static let seas = SeaPrecisionTests.square

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func time(day: Int) -> StatedTime {
        StatedTime(parsing: "2025-01-01")!.adding(days: day).withClock(hour: next(24))
    }

    mutating func agreement(_ number: Int) -> Agreement {
        let parties: [PartyID] = ["AA", "BB", "CC"]
        let kind: AgreementKind = [.comprehensive, .partial, .unilateral, .proposal][next(4)]
        var roles = [
            AgreementParty(id: "AA", name: "A", role: .party), AgreementParty(id: "BB", name: "B", role: kind == .unilateral ? .addressee : .party),
        ]
        if next(3) == 0 { roles.append(AgreementParty(id: "CC", name: "C", role: .mediator)) }
        let start = next(60)
        var status = [StatusEvent(at: time(day: start), status: kind == .proposal ? .proposed : .inForce, party: kind == .unilateral ? "AA" : nil)]
        if next(3) == 0 { status.append(StatusEvent(at: time(day: start + 1), status: .inForce, party: "BB")) }
        if next(4) == 0 { status.append(StatusEvent(at: time(day: start + 2), status: .rejected, party: parties[next(2)])) }
        if next(4) == 0 { status.append(StatusEvent(at: time(day: start + 5 + next(10)), status: .collapsed)) }
        var partyWindows: [PartyWindow] = []
        if next(3) == 0 { partyWindows.append(PartyWindow(party: "BB", start: time(day: start + next(7)))) }
        var scope = Scope()
        let geography = next(6)
        if geography < 3 {
            scope.include = (["UA", "RU", "PS"].prefix(1 + next(3))).map { GeoArea(kind: .country, code: $0) }
        } else if geography == 3 {
            let ring = [
                Coordinate(latitude: 49, longitude: 35), Coordinate(latitude: 49, longitude: 37.5), Coordinate(latitude: 51, longitude: 37.5),
                Coordinate(latitude: 51, longitude: 35),
            ]
            scope.include = [GeoArea(kind: .region, code: "UA-63", name: "Kharkiv Oblast", ring: next(2) == 0 ? ring : [])]
        } else if geography == 4 {
            // A sea with an outline (see `seas`), one without, or a sea beside a country.
            scope.include = [GeoArea(kind: .sea, code: next(3) == 0 ? "sea_of_azov" : "black_sea")]
            if next(2) == 0 { scope.include.append(GeoArea(kind: .country, code: "UA")) }
        }
        if next(6) == 0 { scope.exclude = [GeoArea(kind: .sea, code: "black_sea")] }
        if next(2) == 0 {
            scope.targets = [
                [
                    TargetScope(category: .energy), TargetScope(category: .energy, subtypes: ["substation", "refinery"]),
                    TargetScope(category: .energy, including: ["refinery", "grid"]),
                ][next(3)]
            ]
        }
        if next(2) == 0 { scope.targets.append(TargetScope(category: .civilian, subtypes: ["hospital"])) }
        if next(2) == 0 { scope.actions = [[.droneStrike, .artillery], [.strike], [.airStrike, .missileStrike, .droneStrike]][next(3)] }
        scope.attempts = AttemptRule.allCases[next(3)]
        if next(5) == 0 { scope.exceptions = [ScopeException(text: "self-defence")] }
        return Agreement(
            id: "a\(number)", title: "A", kind: kind, timeZone: .utc, parties: roles,
            window: AgreementWindow(start: time(day: start), end: .after(CalendarDuration(days: 3 + next(30)))), partyWindows: partyWindows,
            scope: scope, statusHistory: status)
    }

    mutating func incident(_ number: Int) -> Incident {
        let precision: TimePrecision = [.minute, .day, .day, .week, .month, .unstated][next(6)]
        let party: PartyID? = [nil, "AA", "BB", "CC", "DD"][next(5)]
        let country: String? = [nil, "UA", "RU", "PS", "IL"][next(5)]
        let category: TargetCategory? = [nil, .energy, .civilian, .military][next(4)]
        let subtype: String? = category == nil ? nil : [nil, "substation", "refinery", "hospital", "school"][next(5)]
        var countries: [String] = []
        if let country, next(4) == 0, case let other = ["UA", "RU", "PL"][next(3)], other != country { countries = [country, other] }
        return Incident(
            id: "i\(number)", time: IncidentTime.implied(by: time(day: next(100)), precision: precision, in: .utc),
            location: IncidentLocation(
                country: country, admin1: next(2) == 0 ? "Kharkiv Oblast" : "Sumy Oblast",
                coordinate: [
                    Coordinate(latitude: 50, longitude: 36), Coordinate(latitude: 46.5, longitude: 30.7), Coordinate(latitude: 44.5, longitude: 31.7),
                    Coordinate(latitude: 45.1, longitude: 31.7), nil,
                ][next(5)],
                precision: [.locality, .exact, .nearby, .district, .region, .country][next(6)], countries: countries),
            action: [nil, .droneStrike, .artillery, .airStrike, .strike, .noHostileAct][next(6)],
            outcome: [nil, .hit, .intercepted, .attempted, .unknown][next(5)],
            target: Target(category: category, subtype: subtype),
            perpetrator: party.map { Attribution(party: $0, attributedBy: "test") }, description: "")
    }
}

extension StatedTime {
    func withClock(hour: Int) -> StatedTime {
        var copy = self
        copy.clock = Clock(hour: hour, minute: 0)
        return copy
    }
}

@Suite("Bulk adjudication on random worlds")
struct RandomAdjudicationTests {
    @Test("the indexed run, compact or full, judges every pair exactly as one-at-a-time clause checks", arguments: [1, 2, 3, 4, 5])
    func bulkEqualsPairwise(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let agreements = (0..<40).map { world.agreement($0) }
        let incidents = (0..<600).map { world.incident($0) }
        let judge = Adjudicator(seas: RandomWorld.seas)
        var expected: [String] = []
        for (a, agreement) in agreements.enumerated() {
            for (i, incident) in incidents.enumerated() {
                let verdict = judge.verdict(for: incident, under: agreement)
                if verdict.kind != .outOfScope {
                    expected.append("\(a) \(i) \(verdict.kind) \(verdict.checks.map { "\($0.outcome)\($0.uncertainty.map { "/\($0)" } ?? "")" })")
                }
            }
        }
        let bulk = Adjudication.judgements(incidents: incidents, agreements: agreements, judge: judge).map { judgement in
            "\(judgement.agreement) \(judgement.incident) \(judgement.kind) \(judgement.checks.map { "\($0.outcome)\($0.uncertainty.map { "/\($0)" } ?? "")" })"
        }
        #expect(Set(bulk) == Set(expected))
        #expect(bulk.count == expected.count)
        #expect(expected.count > 100)
        // Seas are judged both ways: points placed in the sea and points placed outside it.
        let seaAgreements = Set(agreements.indices.filter { agreements[$0].scope.include.contains { $0.kind == .sea } })
        #expect(bulk.contains { seaAgreements.contains(Int($0.split(separator: " ")[0])!) })
    }
}

extension RandomWorld {
    /// A record for linking: dense in time and place, of every precision, some vague, some naming their
    /// target, some reporting no hostile act.
    mutating func linkingRecord(_ number: Int) -> Incident {
        var time = IncidentTime.implied(
            by: time(day: next(12)), precision: [.minute, .hour, .day, .day, .week, .month][next(6)], in: .utc)
        if next(8) == 0 { time.span.end = time.span.start.addingTimeInterval(Double([2, 3][next(2)]) * 86_400) }
        let category: TargetCategory? = [nil, .energy, .energy, .civilian][next(4)]
        return Incident(
            id: "r\(number)", time: time,
            location: IncidentLocation(
                country: [nil, "UA", "UA", "RU"][next(4)], admin1: [nil, "Kharkiv Oblast", "Kharkiv", "Sumy Oblast"][next(4)],
                place: [nil, "Kharkiv", "Izium", "Sumy"][next(4)],
                coordinate: [
                    nil, Coordinate(latitude: 50, longitude: 36.2), Coordinate(latitude: 50.1, longitude: 36.3),
                    Coordinate(latitude: 50.3, longitude: 36.6), Coordinate(latitude: 49.2, longitude: 37.3),
                ][next(5)],
                precision: [.exact, .locality, .locality, .nearby, .district, .region, .country, .unknown][next(8)]),
            action: [nil, .droneStrike, .droneStrike, .artillery, .noHostileAct][next(5)],
            target: Target(
                category: category, subtype: category == .energy ? [nil, "substation", "refinery"][next(3)] : nil,
                name: [nil, nil, "Kharkiv substation", "substation", "Izium substation"][next(5)]),
            perpetrator: nil, description: "", claims: [Claim(claimant: "source \(next(3))", accused: [nil, "RU", "UA"][next(3)])])
    }
}

@Suite("Linking keys")
struct LinkKeyTests {
    @Test("the fast linking keys decide every pair exactly as the rules on incidents", arguments: [7, 8, 9])
    func keysMatchReference(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let incidents = (0..<300).map { world.linkingRecord($0) }
        var linked = 0
        for a in incidents {
            for b in incidents {
                let fast = IncidentLinker.describeSameEvent(a, b)
                #expect(fast == IncidentLinker.referenceDescribeSameEvent(a, b))
                if fast { linked += 1 }
            }
        }
        #expect(linked > incidents.count)
    }
}

@Suite("Linking events")
struct LinkEventTests {
    @Test("the indexed placement finds exactly the events of comparing each record with every event", arguments: [11, 12, 13])
    func indexMatchesReference(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let incidents = (0..<400).map { world.linkingRecord($0) }
        let events = IncidentLinker().events(incidents)
        #expect(events == IncidentLinker.referenceEvents(incidents))
        #expect(events.contains { $0.records.count > 2 })
        #expect(events.contains { !$0.mayDescribe.isEmpty })
    }

    @Test("events do not depend on the order records are given in", arguments: [21, 22])
    func orderDoesNotMatter(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let incidents = (0..<400).map { world.linkingRecord($0) }
        let events = IncidentLinker().events(incidents)
        for _ in 0..<3 {
            var shuffled = incidents
            for position in shuffled.indices.reversed() { shuffled.swapAt(position, world.next(position + 1)) }
            #expect(IncidentLinker().events(shuffled) == events)
        }
    }

    @Test("every record is in one event; in an event of several, every two records fit and none is vague or of no hostile act", arguments: [31, 32])
    func eventsAreWhole(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let incidents = (0..<400).map { world.linkingRecord($0) }
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id, $0) })
        let events = IncidentLinker().events(incidents)
        #expect(events.flatMap(\.records).sorted() == incidents.map(\.id).sorted())
        for event in events where event.records.count > 1 {
            let members = event.records.map { byID[$0]! }
            #expect(members.allSatisfy { $0.action != .noHostileAct && !IncidentLinker.referenceIsVague($0) })
            for a in members { for b in members { #expect(IncidentLinker.referenceDescribeSameEvent(a, b)) } }
            #expect(event.mayDescribe.isEmpty)
        }
    }
}
