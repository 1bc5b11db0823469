import Foundation
import Testing
import TruceCore
import TruceEngine

/// The country outlines Truce ships, read from the checkout.
enum ShippedCountries {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/boundaries/countries.geojson").path
    static let outlines = try! CountryOutlines(geoJSON: Data(contentsOf: URL(fileURLWithPath: file)), file: file)

    static let kharkiv = Coordinate(latitude: 49.99, longitude: 36.23)
    static let johannesburg = Coordinate(latitude: -26.2, longitude: 28.08)
    static let belgorod = Coordinate(latitude: 50.6, longitude: 36.59)
}

/// A ceasefire in force in March 2025 over `areas`, against every use of force.
func landCeasefire(_ areas: [GeoArea]) -> Agreement {
    var agreement = maritimeCeasefire([])
    agreement.scope = Scope(include: areas)
    return agreement
}

@Suite("Countries: a point whose country no source states is placed by the country outlines")
struct CountryOutlineTests {
    let judge = Adjudicator(countries: ShippedCountries.outlines)
    let ukraine = landCeasefire([GeoArea(kind: .country, code: "UA")])
    let donetsk = landCeasefire([GeoArea(kind: .region, code: "UA-14", name: "Donetsk Oblast")])

    @Test("a point in Johannesburg with no country is outside a ceasefire on Ukraine and outside one on the Donetsk region (was place unknown)")
    func pointAbroadIsOutOfScope() throws {
        let far = strike("jnb", at: ShippedCountries.johannesburg, precision: .locality)
        #expect(judge.verdict(for: far, under: ukraine).kind == .outOfScope)
        #expect(judge.verdict(for: far, under: donetsk).kind == .outOfScope)
        let reason = try #require(judge.verdict(for: far, under: ukraine).check(.place)).reason
        #expect(reason.contains("lies outside"))
        #expect(Adjudicator().verdict(for: far, under: ukraine).check(.place)?.outcome == .unknown)
    }

    @Test("a point in Kharkiv with no country is in a ceasefire on Ukraine, and open for the Donetsk region whose outline is not known")
    func pointInsideTheCountry() {
        let near = strike("khk", at: ShippedCountries.kharkiv, precision: .exact)
        #expect(judge.verdict(for: near, under: ukraine).check(.place)?.outcome == .pass)
        #expect(judge.verdict(for: near, under: donetsk).check(.place)?.outcome == .unknown)
    }

    @Test("a coarse point is not placed by a country outline: a region-wide point near the border stays open")
    func coarsePointStaysOpen() {
        let coarse = strike("bel", at: ShippedCountries.belgorod, precision: .region)
        #expect(judge.verdict(for: coarse, under: ukraine).check(.place)?.outcome == .unknown)
    }

    @Test("the bulk run gives the same verdicts as judging each pair, for points of unknown country")
    func bulkAgreesWithPairs() {
        let incidents = [
            strike("jnb", at: ShippedCountries.johannesburg, precision: .locality), strike("khk", at: ShippedCountries.kharkiv),
            strike("bel", at: ShippedCountries.belgorod, precision: .region), strike("ua", at: ShippedCountries.kharkiv, country: "UA"),
        ]
        for agreement in [ukraine, donetsk] {
            let bulk = Adjudication.verdicts(incidents: incidents, agreements: [agreement], explain: false, judge: judge)
            let pairs = incidents.map { judge.verdict(for: $0, under: agreement) }.filter { $0.kind != .outOfScope }
            #expect(
                Dictionary(uniqueKeysWithValues: bulk.map { ($0.incident, $0.kind) })
                    == Dictionary(uniqueKeysWithValues: pairs.map { ($0.incident, $0.kind) }))
        }
    }
}
