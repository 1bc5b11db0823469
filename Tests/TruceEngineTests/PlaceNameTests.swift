import Testing
import TruceCore
import TruceEngine

@Suite("Place clause: regions under every name sources give them")
struct PlaceNameTests {
    let judge = Adjudicator()

    /// The 2025 energy moratorium, narrowed to one region.
    func moratorium(in region: String, excluding excluded: [String] = []) -> Agreement {
        var agreement = Catalogue.moratorium
        agreement.scope.include = [GeoArea(kind: .region, code: region)]
        agreement.scope.exclude = excluded.map { GeoArea(kind: .region, code: $0) }
        return agreement
    }

    @Test(
        "a record placed in the DPR or DNR lies in Donetsk Oblast, one in the LNR does not",
        arguments: [
            ("Donetsk People's Republic", ClauseCheck.Outcome.pass), ("ДНР", .pass), ("DNR", .pass), ("ЛНР", .fail),
            ("Luhansk People's Republic", .fail),
        ])
    func selfProclaimedRepublicNames(admin1: String, outcome: ClauseCheck.Outcome) {
        let verdict = judge.verdict(for: report("d", at: "2025-03-20T03:15", admin1: admin1), under: moratorium(in: "UA-14"))
        #expect(verdict.check(.place)?.outcome == outcome)
    }

    @Test("a record in the \"Republic of Crimea\" lies in excluded Crimea; one in Kursk under its Russian name lies in RU-KRS")
    func crimeaAndKursk() {
        let crimea = report("c", at: "2025-03-20T03:15", admin1: "Республика Крым")
        #expect(judge.verdict(for: crimea, under: moratorium(in: "UA-14", excluding: ["UA-43"])).check(.place)?.outcome == .fail)
        let kursk = report("k", at: "2025-03-20T03:15", country: "RU", admin1: "Курская область", by: "UA", claimantParty: "RU")
        #expect(judge.verdict(for: kursk, under: moratorium(in: "RU-KRS")).check(.place)?.outcome == .pass)
        let belgorod = report("b", at: "2025-03-20T03:15", country: "RU", admin1: "Belgorodskaya oblast'", by: "UA", claimantParty: "RU")
        #expect(judge.verdict(for: belgorod, under: moratorium(in: "RU-KRS")).check(.place)?.outcome == .fail)
    }
}
