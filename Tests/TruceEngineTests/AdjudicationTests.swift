import Foundation
import Testing
import TruceCore
import TruceEngine
import TruceIngest

/// The real 2025 catalogue, read once.
enum Catalogue {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("agreements/2025").path
    static let agreements = AgreementCatalog.read(paths: [directory]).agreements

    static func agreement(_ id: String) -> Agreement { agreements.first { $0.id == id }! }
    static var moratorium: Agreement { agreement("energy-moratorium-2025") }
    static var easter: Agreement { agreement("easter-truce-2025") }
    static var gaza: Agreement { agreement("gaza-ceasefire-2025") }
}

/// An incident as a source reports it.
func report(
    _ id: String, at local: String, zone: String = "Europe/Kyiv", precision: TimePrecision = .minute, country: String = "UA",
    admin1: String? = nil, by party: PartyID? = "RU", claimant: String = "Ministry of Energy of Ukraine", claimantParty: PartyID? = "UA",
    category: TargetCategory? = .energy, subtype: String? = "substation", action: ActionType? = .droneStrike,
    geo: GeoPrecision = .locality, coordinate: Coordinate? = Coordinate(latitude: 47.91, longitude: 33.39)
) -> Incident {
    let time = IncidentTime.implied(by: StatedTime(parsing: local)!, precision: precision, in: ZoneIdentifier(zone)!)
    return Incident(
        id: id, time: time, location: IncidentLocation(country: country, admin1: admin1, coordinate: coordinate, precision: geo),
        action: action, target: Target(category: category, subtype: subtype),
        perpetrator: party.map { Attribution(party: $0, attributedBy: claimant) }, description: "",
        claims: [Claim(claimant: claimant, claimantParty: claimantParty, accused: party)])
}

@Suite("Adjudication on the real 2025 catalogue")
struct AdjudicationTests {
    let judge = Adjudicator()

    @Test("time: a Russian strike on a Ukrainian substation on 20 March 2025 violates the energy moratorium")
    func substationOnTwentiethMarch() {
        let verdict = judge.verdict(for: report("s", at: "2025-03-20T03:15"), under: Catalogue.moratorium)
        #expect(verdict.kind == .violation)
        #expect(verdict.checks.allSatisfy { $0.outcome == .pass })
        #expect(verdict.check(.time)?.reason.contains("lies within the period RU is bound") == true)
    }

    @Test("time: the same strike on 10 March is out of scope, before the moratorium")
    func substationOnTenthMarch() {
        let verdict = judge.verdict(for: report("s", at: "2025-03-10T03:15"), under: Catalogue.moratorium)
        #expect(verdict.kind == .outOfScope)
        #expect(verdict.check(.time)?.outcome == .fail)
    }

    @Test("target: a strike on a residential block on 20 March is not a violation of the moratorium")
    func residentialBlock() {
        let verdict = judge.verdict(
            for: report("r", at: "2025-03-20T03:15", category: .civilian, subtype: "residential"), under: Catalogue.moratorium)
        #expect(verdict.kind == .notAViolation)
        #expect(verdict.check(.target)?.outcome == .fail)
        #expect(verdict.check(.time)?.outcome == .pass)
    }

    @Test("time: on 22 March a Russian strike on a Ukrainian substation breaks Russia's own commitment")
    func russianStrikeInDisputedWeek() {
        let verdict = judge.verdict(for: report("s", at: "2025-03-22T02:00"), under: Catalogue.moratorium)
        #expect(verdict.kind == .violation)
    }

    @Test("time: on 22 March a Ukrainian strike on a Russian refinery is a possible violation, the time clause naming the dispute")
    func ukrainianStrikeInDisputedWeek() throws {
        let strike = report(
            "u", at: "2025-03-22T02:00", zone: "Europe/Moscow", country: "RU", by: "UA", claimant: "Ministry of Defence of Russia",
            claimantParty: "RU", subtype: "refinery", coordinate: Coordinate(latitude: 45.36, longitude: 40.69))
        let verdict = judge.verdict(for: strike, under: Catalogue.moratorium)
        #expect(verdict.kind == .possibleViolation)
        let time = try #require(verdict.check(.time))
        #expect(time.outcome == .unknown && time.uncertainty == .disputed)
        #expect(time.reason.contains("disputed") && time.reason.contains("UA holds its own window"))
    }

    @Test("time: at 17:30 and 18:30 Moscow time on 19 April, on either side of the Easter truce's start")
    func easterTruceStart() {
        let before = judge.verdict(
            for: report("b", at: "2025-04-19T17:30", zone: "Europe/Moscow", category: .civilian, subtype: nil, action: .artillery),
            under: Catalogue.easter)
        let after = judge.verdict(
            for: report("a", at: "2025-04-19T18:30", zone: "Europe/Moscow", category: .civilian, subtype: nil, action: .artillery),
            under: Catalogue.easter)
        #expect(before.kind == .outOfScope && before.check(.time)?.outcome == .fail)
        #expect(after.kind == .violation)
    }

    @Test("party: a Ukrainian strike in the Easter truce is out of scope of a truce only Russia declared; a Russian one violates it")
    func easterTrucePartyClause() {
        let ukrainian = report(
            "u", at: "2025-04-20T10:00", zone: "Europe/Moscow", country: "RU", by: "UA", claimant: "Ministry of Defence of Russia",
            claimantParty: "RU", category: .military, subtype: nil, action: .droneStrike)
        let russian = report("r", at: "2025-04-20T10:00", zone: "Europe/Moscow", by: "RU", category: .military, subtype: nil, action: .artillery)
        let ukrainianVerdict = judge.verdict(for: ukrainian, under: Catalogue.easter)
        #expect(ukrainianVerdict.kind == .outOfScope)
        #expect(ukrainianVerdict.check(.party)?.outcome == .fail)
        #expect(ukrainianVerdict.check(.party)?.reason.contains("binds only RU") == true)
        #expect(judge.verdict(for: russian, under: Catalogue.easter).kind == .violation)
    }

    @Test("time: an ACLED event known only to the week around 17 April is a possible violation")
    func weekPrecisionAroundTheEnd() throws {
        let csv = """
            event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp
            UKR900001,17 April 2025,2,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),804,Ukraine,Kharkiv,Kharkiv,49.99,36.23,1,Example Wire,Drones hit a substation in Kharkiv during the week.,0,1745000000

            """
        let actors = ActorTable(entries: [.init(pattern: "Military Forces of Russia", party: "RU")])
        let event = try #require(try ACLEDFormat(actors: actors).read(bytes: Array(csv.utf8), file: "acled.csv").incidents.first)
        #expect(event.time.precision == .week)
        let verdict = judge.verdict(for: event, under: Catalogue.moratorium)
        #expect(verdict.kind == .possibleViolation)
        #expect(verdict.check(.time)?.uncertainty == .imprecise)
        #expect(verdict.check(.target)?.outcome == .pass && verdict.check(.action)?.outcome == .pass)
    }

    @Test("time: Israeli strikes on Gaza on 18 March follow the Gaza agreement's status history")
    func gazaEighteenthMarch() throws {
        func strike(_ local: String) -> Incident {
            report(
                "g", at: local, zone: "Asia/Gaza", country: "PS", admin1: "Gaza Strip", by: "IL", claimant: "Gaza Health Ministry",
                claimantParty: "HAMAS", category: .civilian, subtype: "residential", action: .airStrike,
                coordinate: Coordinate(latitude: 31.5, longitude: 34.46))
        }
        let beforeCollapse = judge.verdict(for: strike("2025-03-17T23:00"), under: Catalogue.gaza)
        let afterCollapse = judge.verdict(for: strike("2025-03-18T02:30"), under: Catalogue.gaza)
        #expect(beforeCollapse.kind == .violation)
        #expect(afterCollapse.kind == .outOfScope)
        let time = try #require(afterCollapse.check(.time))
        #expect(time.reason.contains("collapsed"))
    }

    @Test("place: an incident in the West Bank is outside the Gaza ceasefire")
    func westBank() {
        let raid = report(
            "w", at: "2025-02-10T10:00", zone: "Asia/Gaza", country: "PS", admin1: "West Bank", by: "IL", category: .civilian, subtype: nil,
            action: .groundAssault, coordinate: nil)
        let verdict = judge.verdict(for: raid, under: Catalogue.gaza)
        #expect(verdict.kind == .outOfScope && verdict.check(.place)?.outcome == .fail)
    }

    @Test("a missing target gives insufficient information, never a guess")
    func missingInformation() {
        #expect(
            judge.verdict(for: report("t", at: "2025-03-20T03:15", category: nil, subtype: nil), under: Catalogue.moratorium).kind
                == .insufficientInformation)
    }

    @Test("an unattributed strike when only Russia was bound (20 March) is a possible violation, naming who was bound")
    func unattributedWhenSomeBound() throws {
        let verdict = judge.verdict(for: report("p", at: "2025-03-20T03:15", by: nil), under: Catalogue.moratorium)
        #expect(verdict.kind == .possibleViolation)
        let party = try #require(verdict.check(.party))
        #expect(party.outcome == .unknown && party.uncertainty == .unattributed)
        #expect(party.reason.contains("only RU of RU, UA was bound"))
    }

    @Test("an unattributed strike when every party was bound (2 April) is a violation by an unknown party")
    func unattributedWhenEveryoneBound() throws {
        let verdict = judge.verdict(for: report("p", at: "2025-04-02T03:15", by: nil), under: Catalogue.moratorium)
        #expect(verdict.kind == .violation)
        #expect(try #require(verdict.check(.party)).reason.contains("a violation by an unknown party"))
        let compact = Adjudication.verdicts(
            incidents: [report("p", at: "2025-04-02T03:15", by: nil)], agreements: [Catalogue.moratorium], explain: false)
        #expect(compact.map(\.kind) == [.violation])
    }
}

@Suite("Evidence: linking records and levels")
struct EvidenceTests {
    @Test("two independent sources reporting the 20 March substation strike corroborate it")
    func corroborated() {
        let ministry = report("a", at: "2025-03-20T03:15", precision: .hour)
        let wire = report(
            "b", at: "2025-03-20T03:30", precision: .hour, claimant: "Reuters", claimantParty: nil,
            coordinate: Coordinate(latitude: 47.95, longitude: 33.42))
        let groups = IncidentLinker().groups([ministry, wire])
        #expect(groups == [["a", "b"]])
        #expect(EvidenceLevel.level(for: ministry.claims + wire.claims) == .corroborated)
    }

    @Test("a reviewer's verification makes an event verified, even contested; a rejected record lends its event no claim")
    func reviewStances() {
        let ministry = report("a", at: "2025-03-20T03:15", precision: .hour)
        var wire = report(
            "b", at: "2025-03-20T03:30", precision: .hour, claimant: "Reuters", claimantParty: nil,
            coordinate: Coordinate(latitude: 47.95, longitude: 33.42))
        let verification = Claim(claimant: "Reviewer olena", accused: "RU", stance: .verification)
        let denial = Claim(claimant: "Ministry of Defence of Russia", claimantParty: "RU", accused: "RU", stance: .denial)
        #expect(EvidenceLevel.level(for: [verification]) == .verified)
        #expect(EvidenceLevel.level(for: ministry.claims + [denial, verification]) == .verified)
        wire.claims.append(Claim(claimant: "Reviewer marek", stance: .rejection))
        #expect(wire.isRejectedByReview && !ministry.isRejectedByReview)
        let records = [ministry, wire].map(LinkRecord.init(linking:))
        #expect(records[1].claims == [Claim(claimant: "Reviewer marek", stance: .rejection)])
        #expect(EvidenceLevel.level(for: records.flatMap(\.claims)) == .singleClaim)  // the wire no longer corroborates
        // Judged one at a time or in bulk, the rejected record is out of scope, its relevance clause failing.
        let verdict = Adjudicator().verdict(for: wire, under: Catalogue.moratorium)
        #expect(verdict.kind == .outOfScope && verdict.checks.map(\.clause) == [.relevance])
        #expect(verdict.check(.relevance)?.reason.contains("rejected in review by Reviewer marek") == true)
        let bulk = Adjudication.verdicts(incidents: [ministry, wire], agreements: [Catalogue.moratorium], explain: false)
        #expect(bulk.map(\.incident) == ["a"] && bulk.map(\.kind) == [.violation])
    }

    @Test("a party's ministry and a wire service quoting it are one source")
    func relayedClaimIsOneSource() {
        let ministry = Claim(claimant: "Ministry of Energy of Ukraine", claimantParty: "UA", accused: "RU")
        let wire = Claim(claimant: "Reuters (citing Ukraine's energy ministry)", claimantParty: "UA", accused: "RU")
        #expect(EvidenceLevel.level(for: [ministry, wire]) == .singleClaim)
    }

    @Test("Sudzha on 21 March, each side blaming the other, is contested")
    func sudzhaIsContested() {
        let russian = report(
            "ru", at: "2025-03-21", zone: "Europe/Moscow", precision: .day, country: "RU", by: "UA", claimant: "Ministry of Defence of Russia",
            claimantParty: "RU", subtype: "gas_facility", action: nil, coordinate: Coordinate(latitude: 51.19, longitude: 35.27))
        let ukrainian = report(
            "ua", at: "2025-03-21", zone: "Europe/Kyiv", precision: .day, country: "RU", by: "RU", claimant: "General Staff of Ukraine",
            claimantParty: "UA", subtype: "gas_facility", action: nil, coordinate: Coordinate(latitude: 51.2, longitude: 35.28))
        #expect(IncidentLinker().groups([russian, ukrainian]).count == 1)
        #expect(EvidenceLevel.level(for: russian.claims + ukrainian.claims) == .contested)
    }

    @Test("records far apart, on other days or of other targets stay separate")
    func unrelatedStaySeparate() {
        let kryvyiRih = report("a", at: "2025-03-20T03:15")
        let odesa = report("b", at: "2025-03-20T03:15", coordinate: Coordinate(latitude: 46.48, longitude: 30.72))
        let nextDay = report("c", at: "2025-03-21T03:15")
        let house = report("d", at: "2025-03-20T03:15", category: .civilian, subtype: "residential")
        #expect(IncidentLinker().groups([kryvyiRih, odesa, nextDay, house]).count == 4)
    }
}

@Suite("Bulk adjudication agrees with judging every pair")
struct BulkAdjudicationTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/2025")

    @Test("the indexed, parallel run finds exactly the verdicts a loop over every pair finds, with or without reasons")
    func indexedRunMatchesEveryPair() throws {
        var incidents = try TruceCSVFormat().read(file: Self.examples.appendingPathComponent("incidents.csv").path).incidents
        incidents += try ACLEDFormat(actors: ActorTable(entries: [.init(pattern: "Military Forces of Russia", party: "RU")]))
            .read(file: Self.examples.appendingPathComponent("acled-format-sample.csv").path).incidents
        var vague = incidents[0]
        vague.id = "no-country"
        vague.location = IncidentLocation(country: nil, precision: .unknown)
        incidents.append(vague)
        let judge = Adjudicator()
        var expected: [String] = []
        for agreement in Catalogue.agreements {
            for incident in incidents {
                let verdict = judge.verdict(for: incident, under: agreement)
                if verdict.kind != .outOfScope { expected.append("\(verdict.agreement) \(verdict.incident) \(verdict.kind)") }
            }
        }
        let explained = Adjudication.verdicts(incidents: incidents, agreements: Catalogue.agreements)
        let fast = Adjudication.verdicts(incidents: incidents, agreements: Catalogue.agreements, explain: false)
        #expect(Set(explained.map { "\($0.agreement) \($0.incident) \($0.kind)" }) == Set(expected))
        #expect(explained.count == expected.count)
        #expect(fast.map(\.kind) == explained.map(\.kind))
        #expect(fast.map { $0.checks.map(\.outcome) } == explained.map { $0.checks.map(\.outcome) })
        #expect(fast.allSatisfy { $0.checks.allSatisfy(\.reason.isEmpty) })
        #expect(explained.contains { $0.incident == "no-country" })
    }
}
