import Foundation
import Testing
import TruceCore
import TruceEngine

/// The sea outlines Truce ships, read from the checkout.
enum ShippedSeas {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/boundaries/seas.geojson").path
    static let outlines = try! SeaOutlines(geoJSON: Data(contentsOf: URL(fileURLWithPath: file)), file: file)

    static let offOdesa = Coordinate(latitude: 46.40, longitude: 30.90)
    static let offBerdiansk = Coordinate(latitude: 46.60, longitude: 37.00)
    static let inKerchStrait = Coordinate(latitude: 45.25, longitude: 36.55)
    static let kyiv = Coordinate(latitude: 50.45, longitude: 30.52)
    static let istanbul = Coordinate(latitude: 41.037, longitude: 28.985)
    static let inMarmara = Coordinate(latitude: 40.75, longitude: 28.30)
}

/// A maritime ceasefire in force in March 2025 over `seas`, against every use of force.
func maritimeCeasefire(_ seas: [String], excluding excluded: [String] = []) -> Agreement {
    Agreement(
        id: "maritime", title: "Maritime ceasefire", kind: .comprehensive, timeZone: ZoneIdentifier("Europe/Kyiv")!,
        parties: [AgreementParty(id: "RU", name: "Russia", role: .party), AgreementParty(id: "UA", name: "Ukraine", role: .party)],
        window: AgreementWindow(start: StatedTime(parsing: "2025-03-01")!, end: .at(StatedTime(parsing: "2025-04-01")!)),
        scope: Scope(include: seas.map { GeoArea(kind: .sea, code: $0) }, exclude: excluded.map { GeoArea(kind: .sea, code: $0) }),
        statusHistory: [StatusEvent(at: StatedTime(parsing: "2025-03-01")!, status: .inForce)])
}

/// A strike on 20 March 2025 at `point`, of `precision`, in `country` (none by default: points at sea often have none).
func strike(_ id: String, at point: Coordinate?, precision: GeoPrecision = .exact, country: String? = nil) -> Incident {
    var incident = report(id, at: "2025-03-20T03:15", country: "UA", category: .transport, subtype: "vessel", action: .navalAttack)
    incident.location = IncidentLocation(country: country, coordinate: point, precision: precision)
    return incident
}

@Suite("Seas: the shipped outlines place points at sea")
struct ShippedSeaTests {
    let judge = Adjudicator(seas: ShippedSeas.outlines)

    func place(_ point: Coordinate, in sea: String) -> ClauseCheck.Outcome? {
        judge.verdict(for: strike("p", at: point), under: maritimeCeasefire([sea])).check(.place)?.outcome
    }

    @Test("the shipped file outlines the Black Sea, the Sea of Azov, the Kerch Strait and the Sea of Marmara, each a sea Truce knows")
    func shippedSeas() {
        #expect(ShippedSeas.outlines.identifiers == ["black_sea", "kerch_strait", "sea_of_azov", "sea_of_marmara"])
        #expect(ShippedSeas.outlines.identifiers.allSatisfy(Seas.isKnown))
        #expect(ShippedSeas.outlines["black_sea"]?.coasts == ["BG", "GE", "RO", "RU", "TR", "UA"])
    }

    @Test("an exact point off Odesa is in the Black Sea, and not in the Sea of Azov")
    func offOdesa() {
        #expect(place(ShippedSeas.offOdesa, in: "black_sea") == .pass)
        #expect(place(ShippedSeas.offOdesa, in: "sea_of_azov") == .fail)
    }

    @Test("a point in the Sea of Azov off Berdiansk is in the Sea of Azov, not in the Black Sea")
    func offBerdiansk() {
        #expect(place(ShippedSeas.offBerdiansk, in: "sea_of_azov") == .pass)
        #expect(place(ShippedSeas.offBerdiansk, in: "black_sea") == .fail)
        #expect(place(ShippedSeas.offBerdiansk, in: "kerch_strait") == .fail)
    }

    @Test("a point in the Kerch Strait is in the strait and in the Sea of Azov it belongs to, not in the Black Sea")
    func kerchStrait() {
        #expect(place(ShippedSeas.inKerchStrait, in: "kerch_strait") == .pass)
        #expect(place(ShippedSeas.inKerchStrait, in: "sea_of_azov") == .pass)
        #expect(place(ShippedSeas.inKerchStrait, in: "black_sea") == .fail)
    }

    @Test("Kyiv and Istanbul are on land: outside every sea", arguments: [ShippedSeas.kyiv, ShippedSeas.istanbul])
    func onLand(point: Coordinate) {
        for sea in ShippedSeas.outlines.identifiers { #expect(place(point, in: sea) == .fail) }
    }

    @Test("a point in the Sea of Marmara is not in the Black Sea")
    func marmara() {
        #expect(place(ShippedSeas.inMarmara, in: "black_sea") == .fail)
        #expect(place(ShippedSeas.inMarmara, in: "sea_of_marmara") == .pass)
    }

    @Test("exact point in the Black Sea was place unknown: a naval attack off Odesa with no country violates a Black Sea ceasefire")
    func exactPointInBlackSeaWasUnknown() {
        let verdict = judge.verdict(for: strike("odesa", at: ShippedSeas.offOdesa), under: maritimeCeasefire(["black_sea"]))
        #expect(verdict.kind == .violation)
        #expect(verdict.check(.place)?.reason == "the point 46.4, 30.9 lies in Black Sea (black_sea)")
        let kyiv = judge.verdict(for: strike("kyiv", at: ShippedSeas.kyiv, country: "UA"), under: maritimeCeasefire(["black_sea"]))
        #expect(kyiv.kind == .outOfScope)
        #expect(kyiv.check(.place)?.reason == "UA lies outside Black Sea (black_sea)")
    }
}

@Suite("Seas: how precise a point must be")
struct SeaPrecisionTests {
    /// A square sea of about 110 km a side, with UA and RU on its coast.
    static let square = SeaOutlines([
        "black_sea": SeaOutline(
            rings: [
                [
                    Coordinate(latitude: 44, longitude: 31), Coordinate(latitude: 44, longitude: 32.4), Coordinate(latitude: 45, longitude: 32.4),
                    Coordinate(latitude: 45, longitude: 31), Coordinate(latitude: 44, longitude: 31),
                ]
            ], coasts: ["UA", "RU"])
    ])
    let judge = Adjudicator(seas: square)
    let ceasefire = maritimeCeasefire(["black_sea"])

    func place(_ incident: Incident) -> (ClauseCheck.Outcome?, ClauseCheck.Uncertainty?) {
        let check = judge.verdict(for: incident, under: ceasefire).check(.place)
        return (check?.outcome, check?.uncertainty)
    }

    @Test("a locality point is judged by the outline like an exact one")
    func locality() {
        #expect(place(strike("in", at: Coordinate(latitude: 44.5, longitude: 31.7), precision: .locality)).0 == .pass)
        #expect(place(strike("out", at: Coordinate(latitude: 45.05, longitude: 31.7), precision: .locality)).0 == .fail)
    }

    @Test("a coarse point near the coast is imprecise; far from it, it is outside; deep inside, it is at sea")
    func coarse() {
        // 0.1° north of the coast: within a district's 60 km.
        #expect(place(strike("near", at: Coordinate(latitude: 45.1, longitude: 31.7), precision: .district)) == (.unknown, .imprecise))
        // About 330 km north: farther than a region's 300 km.
        #expect(place(strike("far", at: Coordinate(latitude: 48, longitude: 31.7), precision: .region)).0 == .fail)
        // A point in the middle, about 55 km from every edge, is at sea even if known only to within 25 km.
        #expect(place(strike("middle", at: Coordinate(latitude: 44.5, longitude: 31.7), precision: .nearby)).0 == .pass)
        // A country-level point cannot be placed.
        #expect(place(strike("country", at: Coordinate(latitude: 48, longitude: 31.7), precision: .country, country: "UA")) == (.unknown, .imprecise))
    }

    @Test("a place in a country with no coast on the sea is outside it; one on the coast with no point is open")
    func countries() {
        #expect(place(strike("by", at: nil, precision: .region, country: "BY")).0 == .fail)
        #expect(place(strike("ua", at: nil, precision: .region, country: "UA")) == (.unknown, .imprecise))
        #expect(place(strike("none", at: nil, precision: .unknown)) == (.unknown, .missing))
    }

    @Test("without outlines a sea cannot place even an exact point, and says so")
    func withoutOutlines() {
        let check = Adjudicator().verdict(for: strike("p", at: Coordinate(latitude: 44.5, longitude: 31.7)), under: ceasefire).check(.place)
        #expect(check?.outcome == .unknown)
        #expect(check?.reason.hasSuffix("no outline of black_sea is loaded") == true)
    }

    @Test("an excluded sea excludes the points in it")
    func exclusion() {
        var everywhere = maritimeCeasefire([], excluding: ["black_sea"])
        everywhere.scope.include = [GeoArea(kind: .country, code: "UA")]
        let atSea = strike("sea", at: Coordinate(latitude: 44.5, longitude: 31.7), country: "UA")
        #expect(judge.verdict(for: atSea, under: everywhere).check(.place)?.outcome == .fail)
        let ashore = strike("shore", at: Coordinate(latitude: 46, longitude: 31.7), country: "UA")
        #expect(judge.verdict(for: ashore, under: everywhere).check(.place)?.outcome == .pass)
    }

    @Test("the bulk run finds a point at sea with no country code, and judges it as the explained verdict does")
    func bulkRunKeepsPointsWithoutCountry() {
        let incidents = [
            strike("sea", at: Coordinate(latitude: 44.5, longitude: 31.7)),
            strike("land", at: Coordinate(latitude: 46, longitude: 31.7), country: "UA"),
            strike("near", at: Coordinate(latitude: 45.1, longitude: 31.7), precision: .district),
        ]
        let fast = Adjudication.verdicts(incidents: incidents, agreements: [ceasefire], explain: false, judge: judge)
        let explained = Adjudication.verdicts(incidents: incidents, agreements: [ceasefire], judge: judge)
        #expect(explained.map(\.incident) == ["sea", "near"])
        #expect(explained.map(\.kind) == [.violation, .possibleViolation])
        #expect(fast.map(\.kind) == explained.map(\.kind))
        #expect(fast.map { $0.checks.map(\.outcome) } == explained.map { $0.checks.map(\.outcome) })
    }
}

@Suite("Seas: outlines read from GeoJSON")
struct SeaOutlineReadingTests {
    @Test("a feature whose id is not a sea Truce knows is an error naming the file and the feature")
    func unknownSea() {
        let data = Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"black_see"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#
                .utf8)
        #expect(throws: GeoJSONError(file: "seas.geojson", reason: "feature 1 \"black_see\" is not a sea Truce knows")) {
            try SeaOutlines(geoJSON: data, file: "seas.geojson")
        }
    }

    @Test("an island inside a sea is not at sea, and a ring's distance is measured in kilometres")
    func islandsAndDistance() {
        let outer = [(0.0, 0.0), (0, 2), (2, 2), (2, 0)].map { Coordinate(latitude: $0.0, longitude: $0.1) }
        let island = [(0.9, 0.9), (0.9, 1.1), (1.1, 1.1), (1.1, 0.9)].map { Coordinate(latitude: $0.0, longitude: $0.1) }
        let sea = SeaOutline(rings: [outer, island])
        #expect(sea.contains(Coordinate(latitude: 0.5, longitude: 0.5)))
        #expect(!sea.contains(Coordinate(latitude: 1, longitude: 1)))
        #expect(!sea.contains(Coordinate(latitude: 3, longitude: 1)))
        // 1° of latitude south of the ring: 111 km.
        #expect(abs(sea.distanceToEdge(from: Coordinate(latitude: -1, longitude: 1)) - 111.32) < 0.5)
        #expect(!sea.isFar(from: Coordinate(latitude: -1, longitude: 1), by: 120))
        #expect(sea.isFar(from: Coordinate(latitude: -1, longitude: 1), by: 100))
    }
}

@Suite("Seas: the indexed outline answers as the plain measures do")
struct SeaOutlineIndexTests {
    @Test(
        "on random points around the shipped Black Sea and Sea of Azov, the banded ray cast and the distance grid agree with every edge measured",
        arguments: [1, 2])
    func indexesMatchPlainMeasures(seed: UInt64) {
        var world = RandomWorld(state: seed)
        for sea in ["black_sea", "sea_of_azov"] {
            let outline = ShippedSeas.outlines[sea]!
            var atSea = 0
            for _ in 0..<400 {
                let point = Coordinate(latitude: 38 + Double(world.next(14_000)) / 1_000, longitude: 24 + Double(world.next(22_000)) / 1_000)
                let plain = outline.rings.filter { Rings.contains($0, point) }.count % 2 == 1
                #expect(outline.contains(point) == plain, "\(sea) \(point)")
                if plain { atSea += 1 }
                let distance = outline.distanceToEdge(from: point)
                for reach in [25.0, 60, 300] { #expect(outline.isEdge(within: reach, of: point) == (distance <= reach), "\(sea) \(point) \(reach)") }
            }
            #expect(atSea > 2)
        }
    }
}
