import Foundation
import Testing
import TruceCore
import TruceEngine
import TruceIngest

/// A comprehensive ceasefire between RU and UA over Ukraine for April 2025, or over a drawn Kharkiv region.
func aprilCeasefire(region: Bool = false) -> Agreement {
    var scope = Scope()
    let ring = [
        Coordinate(latitude: 49, longitude: 35), Coordinate(latitude: 49, longitude: 37.5), Coordinate(latitude: 51, longitude: 37.5),
        Coordinate(latitude: 51, longitude: 35),
    ]
    scope.include = [region ? GeoArea(kind: .region, code: "UA-63", name: "Kharkiv Oblast", ring: ring) : GeoArea(kind: .country, code: "UA")]
    let start = StatedTime(parsing: "2025-04-01")!
    return Agreement(
        id: "april", title: "April", kind: .comprehensive, timeZone: .utc,
        parties: [AgreementParty(id: "RU", name: "Russia", role: .party), AgreementParty(id: "UA", name: "Ukraine", role: .party)],
        window: AgreementWindow(start: start, end: .after(CalendarDuration(days: 30))), scope: scope,
        statusHistory: [StatusEvent(at: start, status: .inForce)])
}

@Suite("Relevance: a record of no hostile act is out of scope first")
struct RelevanceTests {
    let judge = Adjudicator()

    /// GDELT rows in Ukraine on 20 April 2025 with the given event codes, Russia as Actor1.
    func gdelt(_ codes: [String]) throws -> [Incident] {
        let lines = codes.enumerated().map { offset, code in
            let values = [
                "GLOBALEVENTID": "\(offset + 1)", "SQLDATE": "20250420", "EventCode": code, "QuadClass": code.hasPrefix("19") ? "4" : "1",
                "DATEADDED": "20250420081500", "Actor1CountryCode": "RUS", "ActionGeo_Type": "4", "ActionGeo_CountryCode": "UP",
                "ActionGeo_Lat": "50.0", "ActionGeo_Long": "36.2",
            ]
            return GDELTFormat.columnNames.map { values[$0] ?? "" }.joined(separator: "\t") + "\n"
        }
        let batch = try GDELTFormat().read(bytes: Array(lines.joined().utf8), file: "relevance.tsv")
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return batch.incidents
    }

    /// ACLED rows in Kharkiv on 20 April 2025 by Russian forces, one per event and sub-event type.
    func acled(_ types: [(String, String)]) throws -> [Incident] {
        var text = "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,latitude,longitude,geo_precision,notes\n"
        for (offset, type) in types.enumerated() {
            text += "UKR\(offset + 1),2025-04-20,\(type.0),\(type.1),Military Forces of Russia (2000-),Ukraine,Kharkiv,50.0,36.2,1,n\n"
        }
        let actors = ActorTable(entries: [ActorTable.Entry(pattern: "Military Forces of Russia", party: "RU")])
        let batch = try ACLEDFormat(actors: actors).read(bytes: Array(text.utf8), file: "relevance.csv")
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return batch.incidents
    }

    @Test("GDELT statements and meetings are out of scope as not a hostile act, with the CAMEO code and label")
    func gdeltStatementsAndMeetings() throws {
        let incidents = try gdelt(["042", "010", "0871", "145"])
        let reasons = incidents.map { judge.verdict(for: $0, under: aprilCeasefire()) }.map { verdict in
            #expect(verdict.kind == .outOfScope)
            return verdict.check(.relevance)?.reason ?? ""
        }
        #expect(reasons[0] == "not a hostile act: GDELT CAMEO 042 (make a visit)")
        #expect(reasons[1] == "not a hostile act: GDELT CAMEO 010 (make statement)")
        #expect(reasons[3] == "not a hostile act: GDELT CAMEO 145 (protest violently, riot)")
        #expect(Adjudication.judgements(incidents: incidents, agreements: [aprilCeasefire()]).isEmpty)
    }

    @Test("GDELT 190 and 193 rows are judged clause by clause as before, with no relevance check")
    func gdeltForceIsJudged() throws {
        let incidents = try gdelt(["190", "193"])
        let verdicts = incidents.map { judge.verdict(for: $0, under: aprilCeasefire()) }
        #expect(verdicts.map(\.kind) == [.violation, .violation])
        #expect(verdicts.allSatisfy { $0.check(.relevance) == nil && $0.checks.count == 5 })
        #expect(Adjudication.judgements(incidents: incidents, agreements: [aprilCeasefire()]).map(\.kind) == [.violation, .violation])
    }

    @Test("ACLED strategic developments, protests and riots are out of scope; disrupted weapons use and battles are judged")
    func acledEventTypes() throws {
        let incidents = try acled([
            ("Strategic developments", "Agreement"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
            ("Strategic developments", "Disrupted weapons use"), ("Battles", "Armed clash"),
        ])
        let verdicts = incidents.map { judge.verdict(for: $0, under: aprilCeasefire()) }
        #expect(verdicts.prefix(3).allSatisfy { $0.kind == .outOfScope && $0.checks.map(\.clause) == [.relevance] })
        #expect(verdicts.suffix(2).allSatisfy { $0.kind != .outOfScope && $0.check(.relevance) == nil && $0.check(.party)?.outcome == .pass })
        #expect(verdicts[0].check(.relevance)?.reason == "not a hostile act: ACLED Strategic developments: Agreement")
        #expect(verdicts[1].check(.relevance)?.reason == "not a hostile act: ACLED Protests: Peaceful protest")
        #expect(Adjudication.judgements(incidents: incidents, agreements: [aprilCeasefire()]).count == 2)
    }

    @Test("a point of unknown country outside a drawn region is out of scope by place; inside it is judged")
    func unknownCountryJudgedByCoordinates() {
        func strike(latitude: Double, longitude: Double) -> Incident {
            Incident(
                id: "p\(latitude)", time: IncidentTime.implied(by: StatedTime(parsing: "2025-04-20T10:00")!, precision: .minute, in: .utc),
                location: IncidentLocation(country: nil, coordinate: Coordinate(latitude: latitude, longitude: longitude), precision: .locality),
                action: .artillery, target: Target(category: nil), perpetrator: Attribution(party: "RU", attributedBy: "X"), description: "",
                claims: [])
        }
        let outside = judge.verdict(for: strike(latitude: 46.5, longitude: 30.7), under: aprilCeasefire(region: true))
        #expect(outside.kind == .outOfScope)
        #expect(outside.check(.place)?.outcome == .fail)
        let inside = judge.verdict(for: strike(latitude: 50, longitude: 36.2), under: aprilCeasefire(region: true))
        #expect(inside.check(.place)?.outcome == .pass)
        #expect(inside.kind == .violation)
    }

    @Test("a Truce CSV record with action none reads back, round-trips through canonical JSON and is out of scope")
    func truceCSVNone() throws {
        let text =
            "id,start,time_zone,time_precision,country,action,perpetrator,claimant,description,source_url\n"
            + "s-1,2025-04-20T10:00,Europe/Kyiv,minute,UA,none,RU,Ministry of Foreign Affairs of Ukraine,A statement,https://example.org/s\n"
        let batch = try TruceCSVFormat().read(bytes: Array(text.utf8), file: "statements.csv")
        let incident = try #require(batch.incidents.first, "\(batch.quarantined.map(\.reason))")
        #expect(incident.action == .noHostileAct)
        #expect(try TruceJSON.decoder().decode(Incident.self, from: Data(incident.canonicalJSON.utf8)) == incident)
        #expect(incident.canonicalJSON.contains(#""action":"none""#))
        let verdict = judge.verdict(for: incident, under: aprilCeasefire())
        #expect(verdict.kind == .outOfScope)
        #expect(verdict.check(.relevance)?.reason == "not a hostile act: the record reports no use of force (action: none)")
    }
}
