import Foundation
import Testing
import TruceCore

@testable import TruceEngine

extension RandomWorld {
    /// First-level region names as sources write them: known names in three languages and spellings, with
    /// words to drop, names Truce does not know (some equal to an area's given name), and the empty name.
    static let regionNames = [
        "Kharkiv Oblast", "Kharkov", "Харківська область", "kharkiv", "Sumy", "Сумская область", "Belgorod", "Bilhorod",
        "Kursk Oblast", "Gaza Strip", "West Bank", "Kharkivshchyna", "kharkivshchyna region", "Slobozhanshchyna", "Nowhere",
        "", "Ta\u{91}izz", "Donetsk People's Republic",
    ]

    /// Region areas, with and without a given name; the given names include names Truce does not know.
    static let regionAreas = [
        GeoArea(kind: .region, code: "UA-63", name: "Kharkiv"), GeoArea(kind: .region, code: "UA-63", name: "Kharkivshchyna"),
        GeoArea(kind: .region, code: "UA-59"), GeoArea(kind: .region, code: "RU-BEL", name: "Belgorod"),
        GeoArea(kind: .region, code: "RU-KRS"), GeoArea(kind: .region, code: "PS-GZA", name: "Gaza Strip"),
        GeoArea(kind: .region, code: "UA-99", name: "Slobozhanshchyna"), GeoArea(kind: .region, code: "PS-WBK"),
    ]

    /// An agreement whose geography is regions, or regions beside whole countries, of one or more countries.
    mutating func regionAgreement(_ number: Int) -> Agreement {
        var agreement = agreement(number)
        var include = (0..<(1 + next(3))).map { _ in Self.regionAreas[next(Self.regionAreas.count)] }
        if next(3) == 0 { include.append(GeoArea(kind: .country, code: ["UA", "RU", "PS"][next(3)])) }
        agreement.scope.include = include
        agreement.scope.exclude = []
        return agreement
    }

    /// An incident of `incident(_:)` naming a first-level region among `regionNames`, or none.
    mutating func regionIncident(_ number: Int) -> Incident {
        var incident = incident(number)
        incident.location.admin1 = next(6) == 0 ? nil : Self.regionNames[next(Self.regionNames.count)]
        return incident
    }
}

@Suite("Compact judging of regions")
struct CompactRegionTests {
    @Test("a region name's code, worked out once per name, matches an area exactly when the name matches it", arguments: [11, 12, 13])
    func codeMatchesAsNames(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        var codes = CodeBook()
        let names = (0..<400).map { _ in RandomWorld.regionNames[world.next(RandomWorld.regionNames.count)] }
        let first = names.map { codes.region(named: $0) }
        // Asked again, each name keeps its code; names of one region share it.
        #expect(names.map { codes.region(named: $0) } == first)
        #expect(codes.region(named: "Kharkov") == codes.region(named: "Харківська область"))
        #expect(codes.region(named: "Kharkov") != codes.region(named: "Sumy"))
        var matches = 0
        for (name, code) in zip(names, first) {
            for area in RandomWorld.regionAreas {
                let expected = Regions.name(name, matches: area.code, givenName: area.name)
                #expect(codes.compactRegion(area).holds(code) == expected, "\(name) in \(area.code) (\(area.name ?? "no name"))")
                if expected { matches += 1 }
            }
        }
        #expect(matches > 50)
    }

    @Test("a region no incident names has a code no incident has")
    func unnamedRegion() {
        var codes = CodeBook()
        let kharkiv = codes.region(named: "Kharkiv")
        let region = codes.compactRegion(GeoArea(kind: .region, code: "RU-KRS", name: "Kursk"))
        #expect(!region.holds(kharkiv))
        #expect(region.code < 0 && region.givenName < 0)
    }

    @Test("agreements of regions take the compact path unless a region has an outline or the geography excludes a place")
    func compactPathTaken() {
        let judge = Adjudicator()
        var world = RandomWorld(state: 1)
        var agreement = world.agreement(0)
        agreement.scope.include = [GeoArea(kind: .region, code: "UA-63", name: "Kharkiv"), GeoArea(kind: .country, code: "RU")]
        agreement.scope.exclude = []
        #expect(CompactAgreement(judge.prepare(agreement), codes: CodeBook()) != nil)
        agreement.scope.include[0].ring = [
            Coordinate(latitude: 49, longitude: 35), Coordinate(latitude: 49, longitude: 37), Coordinate(latitude: 51, longitude: 36),
        ]
        #expect(CompactAgreement(judge.prepare(agreement), codes: CodeBook()) == nil)
        agreement.scope.include[0].ring = []
        agreement.scope.exclude = [GeoArea(kind: .region, code: "UA-59")]
        #expect(CompactAgreement(judge.prepare(agreement), codes: CodeBook()) == nil)
    }

    @Test("the bulk run judges every pair under agreements of regions exactly as one-at-a-time clause checks", arguments: [21, 22, 23, 24])
    func bulkEqualsPairwise(seed: Int) {
        var world = RandomWorld(state: UInt64(seed))
        let agreements = (0..<40).map { world.regionAgreement($0) }
        let incidents = (0..<600).map { world.regionIncident($0) }
        let judge = Adjudicator()
        func describe(_ kind: VerdictKind, _ checks: [ClauseCheck]) -> String {
            "\(kind) \(checks.map { "\($0.outcome)\($0.uncertainty.map { "/\($0)" } ?? "")" })"
        }
        var expected: [String] = []
        var places: [ClauseCheck.Outcome: Int] = [:]  // under agreements of regions alone
        for (a, agreement) in agreements.enumerated() {
            let regionsAlone = agreement.scope.include.allSatisfy { $0.kind == .region }
            for (i, incident) in incidents.enumerated() {
                let verdict = judge.verdict(for: incident, under: agreement)
                if verdict.kind != .outOfScope { expected.append("\(a) \(i) \(describe(verdict.kind, verdict.checks))") }
                if regionsAlone, incident.location.country != nil, let place = verdict.check(.place) { places[place.outcome, default: 0] += 1 }
            }
        }
        let bulk = Adjudication.judgements(incidents: incidents, agreements: agreements, judge: judge).map { judgement in
            "\(judgement.agreement) \(judgement.incident) \(describe(judgement.kind, judgement.checks))"
        }
        #expect(bulk.sorted() == expected.sorted())
        #expect(expected.count > 100)
        // Places of known country are told every way: in a named region, outside it, and open without one.
        #expect(places[.pass, default: 0] > 10)
        #expect(places[.fail, default: 0] > 10)
        #expect(places[.unknown, default: 0] > 10)
    }
}
