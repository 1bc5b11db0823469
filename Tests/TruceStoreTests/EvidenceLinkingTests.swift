import Foundation
import Testing
import TruceCore
import TruceEngine

@testable import TruceStore

@Suite("Evidence linked block by block and around new or changed records, as linking every record at once")
struct EvidenceLinkingTests {
    static let rules = "test-rules"

    /// What linking every stored record at once gives, by incident.
    func expected(_ store: SQLiteStore) throws -> [EvidenceRecord] {
        Adjudication.evidence(for: try store.incidents(matching: .all)).sorted { $0.incident < $1.incident }
    }

    /// Marks every stored incident judged, as a run's save does after its evidence.
    func markJudged(_ store: SQLiteStore) throws {
        try store.save(
            AdjudicationRun(incidents: try store.incidents(matching: .all).map(\.id), agreements: [], verdicts: [], rulesVersion: Self.rules))
    }

    @Test("sweeping a store block by block gives the evidence of linking every record at once", arguments: 1...40)
    func sweepEqualsLinkingAtOnce(seed: UInt64) throws {
        var world = LinkingWorld(seed: seed)
        let store = try LinkingWorld.store()
        try store.save(incidents: (0..<160).map { world.record("r\($0)") }, quarantined: [])
        var linking = EvidenceLinking(rulesVersion: Self.rules)
        linking.blockSize = [1, 5, 20, 1_000][Int(seed % 4)]
        let summary = try linking.update(store, all: true)
        #expect(summary.swept && summary.changed == 160)
        let expected = try expected(store)
        #expect(try store.evidence() == expected)
        #expect(expected.contains { $0.group != $0.incident } && expected.contains { !$0.mayDescribe.isEmpty })
    }

    @Test("evidence linked around added and changed records equals linking every record afresh", arguments: 1...40)
    func incrementalEqualsAll(seed: UInt64) throws {
        var world = LinkingWorld(seed: seed)
        let store = try LinkingWorld.store()
        var incidents = (0..<150).map { world.record("r\($0)") }
        try store.save(incidents: incidents, quarantined: [])
        var linking = EvidenceLinking(rulesVersion: Self.rules)
        linking.blockSize = 30
        try linking.update(store)
        try markJudged(store)
        for round in 0..<3 {
            let added = (0..<8).map { world.record("n\(round)-\($0)") }
            var changed: [Incident] = []
            for _ in 0..<6 {
                let position = world.next(incidents.count)
                var replacement = world.record(incidents[position].id)
                replacement.description = "changed in round \(round)"
                incidents[position] = replacement
                changed.append(replacement)
            }
            incidents += added
            try store.save(incidents: added + changed, quarantined: [])
            let summary = try linking.update(store)
            #expect(!summary.swept && summary.changed > 0)
            #expect(try store.evidence() == expected(store), "round \(round)")
            try markJudged(store)
        }
        let idle = try linking.update(store)
        #expect(idle.changed == 0 && idle.written == 0)
    }

    /// A record for the fixtures below: Kharkiv's substation struck on 2025-03-0`day` at `hour`.
    func strike(_ id: String, day: Int, hour: Int, latitude: Double = 50, span: Double = 3 * 3_600, precision: GeoPrecision = .locality) -> Incident {
        let start = LinkingWorld.origin.addingTimeInterval(Double(day - 1) * 86_400 + Double(hour) * 3_600)
        return Incident(
            id: id, time: IncidentTime(span: TimeSpan(start: start, end: start.addingTimeInterval(span)), precision: .hour),
            location: IncidentLocation(
                country: "UA", admin1: "Kharkiv Oblast", place: "Kharkiv", coordinate: Coordinate(latitude: latitude, longitude: 36.2),
                precision: precision),
            action: .droneStrike, target: Target(category: .energy, subtype: "substation"), perpetrator: nil, description: "",
            claims: [Claim(claimant: "source \(id)", accused: "RU")])
    }

    /// Records far from the others (later days, another place), so that one change is a small share of the store.
    var faraway: [Incident] { (0..<12).map { strike("z\($0)", day: 20 + $0, hour: 1, latitude: 46) } }

    @Test("a record moved away from its event updates every old member: the event's id and level go with it")
    func changedRecordSplitsItsEvent() throws {
        let store = try LinkingWorld.store()
        try store.save(
            incidents: [strike("a", day: 2, hour: 1), strike("b", day: 2, hour: 2), strike("c", day: 2, hour: 3)] + faraway, quarantined: [])
        let linking = EvidenceLinking(rulesVersion: Self.rules)
        try linking.update(store)
        try markJudged(store)
        #expect(try store.evidence().prefix(3).map(\.group) == ["a", "a", "a"])
        try store.save(incidents: [strike("a", day: 2, hour: 1, latitude: 48)], quarantined: [])
        let summary = try linking.update(store)
        #expect(!summary.swept)
        let evidence = try store.evidence()
        #expect(evidence.prefix(3).map(\.group) == ["a", "b", "b"])
        #expect(evidence.prefix(3).map(\.level) == [.singleClaim, .corroborated, .corroborated])
        #expect(evidence == (try expected(store)))
    }

    @Test("an unchanged vague record keeps the events it may describe outside the neighbourhood and has those inside found again")
    func vagueRecordKeepsDistantEvents() throws {
        let store = try LinkingWorld.store()
        let vague = strike("v", day: 1, hour: 0, span: 10 * 86_400, precision: .region)
        try store.save(incidents: [vague, strike("e1", day: 2, hour: 5), strike("e8", day: 8, hour: 5)] + faraway, quarantined: [])
        let linking = EvidenceLinking(rulesVersion: Self.rules)
        try linking.update(store)
        try markJudged(store)
        #expect(try store.evidence().first { $0.incident == "v" }?.mayDescribe == ["e1", "e8"])
        // A record earlier the same day takes over the second event's id; the first event is far from it.
        try store.save(incidents: [strike("d8", day: 8, hour: 4)], quarantined: [])
        let summary = try linking.update(store)
        #expect(!summary.swept && summary.linked < 4)
        #expect(try store.evidence().first { $0.incident == "v" }?.mayDescribe == ["d8", "e1"])
        #expect(try store.evidence() == expected(store))
    }
}
