import Foundation
import Testing
import TruceCore
import TruceEngine
import TruceIngest

/// Small fixtures in the formats Truce imports, read as the importers read them.
enum LinkingFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let actors = ActorTable(entries: [
        .init(pattern: "Military Forces of Russia", party: "RU"), .init(pattern: "Military Forces of Ukraine", party: "UA"),
    ])
    static let truceHeader =
        "id,start,end,time_zone,time_precision,country,admin1,place,latitude,longitude,geo_precision,action,"
        + "target_category,target_subtype,target_name,perpetrator,claimant,claimant_party,fatalities,injured,description,source_url,source_published"
    static let acledHeader =
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,iso,country,admin1,location,"
        + "latitude,longitude,geo_precision,source,notes,fatalities,timestamp"

    static func truce(_ rows: String) throws -> [Incident] {
        try read(TruceCSVFormat(), truceHeader + "\n" + rows, file: "incidents.csv")
    }

    static func acled(_ rows: String) throws -> [Incident] {
        try read(ACLEDFormat(actors: actors), acledHeader + "\n" + rows, file: "acled.csv")
    }

    /// GDELT lines with `rows` (column name → value) set over a minimal valid event.
    static func gdelt(_ rows: [[String: String]]) throws -> [Incident] {
        let lines = rows.map { values in
            var row = ["SQLDATE": "20250320", "EventCode": "190", "QuadClass": "4", "DATEADDED": "20250320081500"]
            row.merge(values) { _, new in new }
            return GDELTFormat.columnNames.map { row[$0] ?? "" }.joined(separator: "\t")
        }
        return try read(GDELTFormat(), lines.joined(separator: "\n") + "\n", file: "gdelt.tsv")
    }

    private static func read(_ format: some DatasetFormat, _ text: String, file: String) throws -> [Incident] {
        let batch = try format.read(bytes: Array(text.utf8), file: file)
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return batch.incidents
    }

    /// Each record's evidence, by incident id.
    static func evidence(_ incidents: [Incident]) -> [IncidentID: EvidenceRecord] {
        Dictionary(uniqueKeysWithValues: Adjudication.evidence(for: incidents).map { ($0.incident, $0) })
    }
}

@Suite("Events: linking that cannot chain")
struct EventLinkingTests {
    @Test("docs/adjudication.md's contested example: the Sudzha claims, blaming each other for different acts, are one contested event")
    func documentedContestedExample() throws {
        let docs = try String(contentsOf: LinkingFixtures.repository.appendingPathComponent("docs/adjudication.md"), encoding: .utf8)
        let marker = try #require(docs.range(of: "<!-- contested example -->"))
        let block = try #require(docs[marker.upperBound...].range(of: "```csv\n"))
        let end = try #require(docs[block.upperBound...].range(of: "```"))
        let incidents = try TruceCSVFormat().read(bytes: Array(docs[block.upperBound..<end.lowerBound].utf8), file: "adjudication.md").incidents
        #expect(incidents.count == 2)
        #expect(Set(incidents.compactMap(\.action)).count == 2 && Set(incidents.compactMap(\.perpetrator?.party)).count == 2)
        let evidence = Adjudication.evidence(for: incidents)
        #expect(Set(evidence.map(\.group)).count == 1)
        #expect(evidence.allSatisfy { $0.level == .contested })
    }

    @Test("competing claims meet: Russia says Ukraine blew up the Sudzha gas metering station, Ukraine says Russia shelled it")
    func competingClaimsMeet() throws {
        let claims = try LinkingFixtures.truce(
            """
            ru,2025-03-21T00:20,,Europe/Moscow,minute,RU,Kursk Oblast,Sudzha,51.1920,35.2730,nearby,sabotage,energy,gas_facility,Sudzha gas metering station,UA,Ministry of Defence of Russia,RU,,,Russia says Ukraine blew it up,,
            ua,2025-03-21,,Europe/Moscow,day,RU,Kursk Oblast,Sudzha,51.1920,35.2730,nearby,artillery,energy,,Sudzha station,RU,General Staff of the Armed Forces of Ukraine,UA,,,Ukraine says Russia shelled it,,

            """)
        let evidence = LinkingFixtures.evidence(claims)
        // The event's id is its first record by start: Ukraine's, known to the day, starts at midnight.
        #expect(evidence["ru"]?.group == "ua" && evidence["ua"]?.group == "ua")
        #expect(evidence["ru"]?.level == .contested && evidence["ua"]?.level == .contested)
    }

    @Test("different actions on a target not named in full stay apart: two strikes of different kinds on some energy site")
    func differentActionsOnUnnamedTargets() {
        let drone = report("d", at: "2025-03-20T03:15", subtype: nil, action: .droneStrike)
        let shelling = report("s", at: "2025-03-20T03:20", by: "UA", subtype: nil, action: .artillery)
        #expect(IncidentLinker().groups([drone, shelling]).count == 2)
    }

    @Test("a vague record does not bridge: \"8 strikes since 18 March\" in the oblast stays apart and may describe both strikes")
    func vagueRecordDoesNotBridge() throws {
        let records = try LinkingFixtures.truce(
            """
            first,2025-03-20T03:15,,Europe/Kyiv,minute,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,drone_strike,energy,substation,,RU,Ministry of Energy of Ukraine,UA,,,A substation in Kharkiv is hit,,
            second,2025-03-22T02:00,,Europe/Kyiv,minute,UA,Kharkiv Oblast,Chuhuiv,49.84,36.69,locality,drone_strike,energy,substation,,RU,Ministry of Energy of Ukraine,UA,,,A substation in Chuhuiv is hit,,
            summary,2025-03-18,2025-03-26,Europe/Kyiv,day,UA,Kharkiv Oblast,,,,region,drone_strike,energy,substation,,RU,Kharkiv regional administration,UA,,,8 strikes on energy sites in the oblast since 18 March,,

            """)
        let evidence = LinkingFixtures.evidence(records)
        #expect(Set(evidence.values.map(\.group)) == ["first", "second", "summary"])
        #expect(evidence["summary"]?.mayDescribe == ["first", "second"])
        #expect(evidence["first"]?.mayDescribe == [] && evidence.values.allSatisfy { $0.level == .singleClaim })
    }

    @Test("events do not chain: a record between two strikes joins one of them, and the two stay apart")
    func eventsDoNotChain() {
        // A and C are 30 km apart (beyond 10 + 10 km); B, known only to 25 km, fits each of them.
        let a = report("a", at: "2025-03-20T03:15", coordinate: Coordinate(latitude: 47.91, longitude: 33.39))
        let b = report("b", at: "2025-03-20T03:15", geo: .nearby, coordinate: Coordinate(latitude: 47.91, longitude: 33.59))
        let c = report("c", at: "2025-03-20T03:15", coordinate: Coordinate(latitude: 47.91, longitude: 33.79))
        #expect(IncidentLinker.describeSameEvent(a, b) && IncidentLinker.describeSameEvent(b, c) && !IncidentLinker.describeSameEvent(a, c))
        for order in [[a, b, c], [c, b, a], [b, c, a]] {
            #expect(IncidentLinker().groups(order) == [["a", "b"], ["c"]])
        }
    }

    @Test("the Saratov refinery and the Engels refinery, a few kilometres apart on one night, are two events")
    func saratovAndEngelsAreTwoEvents() throws {
        let records = try LinkingFixtures.truce(
            """
            saratov,2025-03-28,,Europe/Moscow,day,RU,Saratov Oblast,Saratov,51.5331,46.0342,nearby,drone_strike,energy,refinery,Saratov oil refinery,UA,Ministry of Defence of Russia,RU,,,Drones aimed at the Saratov refinery,,
            engels,2025-03-28,,Europe/Moscow,day,RU,Saratov Oblast,Engels,51.4833,46.1167,nearby,drone_strike,energy,refinery,Engels oil refinery,UA,Governor of Saratov Oblast,RU,,,Drones aimed at a refinery in Engels,,

            """)
        let evidence = LinkingFixtures.evidence(records)
        #expect(evidence["saratov"]?.group == "saratov" && evidence["engels"]?.group == "engels")
        #expect(evidence.values.allSatisfy { $0.level == .singleClaim })
    }

    @Test("a GDELT statement never links to a strike at the same place and day")
    func statementNeverLinksToStrike() throws {
        let rows = try LinkingFixtures.gdelt([
            [
                "GLOBALEVENTID": "1", "EventCode": "043", "QuadClass": "1", "ActionGeo_Type": "4", "ActionGeo_CountryCode": "UP",
                "ActionGeo_FullName": "Kharkiv, Kharkivs'ka Oblast', Ukraine", "ActionGeo_Lat": "49.98", "ActionGeo_Long": "36.25",
                "SOURCEURL": "https://www.example.com/visit",
            ],
            [
                "GLOBALEVENTID": "2", "EventCode": "195", "Actor1CountryCode": "RUS", "ActionGeo_Type": "4", "ActionGeo_CountryCode": "UP",
                "ActionGeo_FullName": "Kharkiv, Kharkivs'ka Oblast', Ukraine", "ActionGeo_Lat": "49.98", "ActionGeo_Long": "36.25",
                "SOURCEURL": "https://www.reuters.com/strike",
            ],
        ])
        let strike = report(
            "strike", at: "2025-03-20T11:00", category: nil, subtype: nil, action: .airStrike,
            coordinate: Coordinate(latitude: 49.99, longitude: 36.23))
        #expect(rows.map(\.action) == [.noHostileAct, .strike])  // CAMEO 195, aerial weapons: a strike of unstated weapon
        let evidence = LinkingFixtures.evidence(rows + [strike])
        #expect(evidence["gdelt:1"]?.group == "gdelt:1" && evidence["gdelt:1"]?.mayDescribe == [])
        #expect(evidence["gdelt:2"]?.group == evidence["strike"]?.group)
        #expect(evidence["strike"]?.level == .corroborated)
    }

    @Test("ACLED citing Anadolu, Anadolu's own article and GDELT's row coded from aa.com.tr are one source")
    func relayedFromAnadoluIsOneSource() throws {
        let acled = try LinkingFixtures.acled(
            """
            UKR1,20 March 2025,1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),804,Ukraine,Kharkiv,Kharkiv,49.99,36.23,1,Anadolu Agency,Russian shelling hit a substation in Kharkiv.,0,1742860800

            """)
        let anadolu = try LinkingFixtures.truce(
            """
            aa,2025-03-20,,Europe/Kyiv,day,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,artillery,energy,substation,,RU,Anadolu,,,,Anadolu reports shelling of a Kharkiv substation,https://www.aa.com.tr/en/russia-ukraine-war/kharkiv,2025-03-20

            """)
        let gdelt = try LinkingFixtures.gdelt([
            [
                "GLOBALEVENTID": "7", "EventCode": "194", "Actor1CountryCode": "RUS", "ActionGeo_Type": "4", "ActionGeo_CountryCode": "UP",
                "ActionGeo_FullName": "Kharkiv, Kharkivs'ka Oblast', Ukraine", "ActionGeo_Lat": "49.98", "ActionGeo_Long": "36.25",
                "SOURCEURL": "https://www.aa.com.tr/en/russia-ukraine-war/kharkiv",
            ]
        ])
        #expect(acled.first?.claims.first?.claimant == "ACLED (sources: Anadolu Agency)")
        let evidence = LinkingFixtures.evidence(acled + anadolu + gdelt)
        #expect(Set(evidence.values.map(\.group)).count == 1)
        #expect(evidence.values.allSatisfy { $0.level == .singleClaim })
        let reuters = report(
            "reuters", at: "2025-03-20T10:00", claimant: "Reuters", claimantParty: nil, action: .artillery,
            coordinate: Coordinate(latitude: 49.99, longitude: 36.23))
        #expect(LinkingFixtures.evidence(acled + anadolu + gdelt + [reuters]).values.allSatisfy { $0.level == .corroborated })
    }
}

@Suite("Evidence: sources counted by origin")
struct SourceOriginTests {
    @Test("a dataset's list of sources is its origins; an outlet is known by its names and its web address")
    func datasetSourcesAndOutlets() {
        #expect(
            SourceIdentity.origins(of: Claim(claimant: "ACLED (sources: Anadolu Agency; Ukrinform)")) == [
                "source:anadolu agency", "source:ukrinform",
            ])
        #expect(SourceIdentity.origins(of: Claim(claimant: "GDELT (machine-coded from www.aa.com.tr)")) == ["source:anadolu agency"])
        #expect(SourceIdentity.origins(of: Claim(claimant: "UCDP GED (sources: ITAR-TASS World Service;TASS World Service)")) == ["source:tass"])
        #expect(SourceIdentity.origins(of: Claim(claimant: "Reuters News")) == ["source:reuters"])
        #expect(SourceIdentity.origins(of: Claim(claimant: "Kharkiv regional administration")) == ["source:kharkiv regional administration"])
    }

    @Test("a claim relaying a report counts as that report, and a party's organs count once")
    func relaysAndOrgans() {
        let ministry = Claim(claimant: "Ministry of Defence of Russia", claimantParty: "RU", accused: "UA")
        let staff = Claim(claimant: "General Staff of Russia", claimantParty: "RU", accused: "UA")
        let tass = Claim(claimant: "TASS, according to the Ministry of Defence of Russia", accused: "UA")
        let wire = Claim(claimant: "Reuters citing Anadolu", accused: "UA")
        let anadolu = Claim(claimant: "Anadolu Agency", accused: "UA")
        #expect(EvidenceLevel.level(for: [ministry, staff]) == .singleClaim)
        #expect(EvidenceLevel.level(for: [ministry, tass]) == .singleClaim)
        #expect(EvidenceLevel.level(for: [wire, anadolu]) == .singleClaim)
        #expect(EvidenceLevel.level(for: [wire, ministry]) == .corroborated)
        #expect(EvidenceLevel.level(for: [anadolu, Claim(claimant: "Reuters", accused: "UA")]) == .corroborated)
    }

    @Test("records reporting different acts on one target make the event contested even when they blame one party")
    func differentActionsAreContested() {
        let claims = [Claim(claimant: "A", accused: "RU"), Claim(claimant: "B", accused: "RU")]
        #expect(EvidenceLevel.level(for: claims, actions: [.droneStrike, .missileStrike]) == .contested)
        #expect(EvidenceLevel.level(for: claims, actions: [.droneStrike, .droneStrike]) == .corroborated)
    }
}

@Suite("Events: rows of a dataset that codes events")
struct EventCodedDatasetTests {
    func row(_ id: String, dataset: String, action: ActionType, category: TargetCategory?, subtype: String?, claimant: String) -> Incident {
        var incident = report(
            id, at: "2025-03-15T00:00", zone: "Asia/Gaza", precision: .day, country: "PS", by: "IL", claimant: claimant, claimantParty: nil,
            category: category, subtype: subtype, action: action, coordinate: Coordinate(latitude: 31.5464, longitude: 34.4951))
        incident.sources = [SourceRecord(dataset: dataset, file: "f.csv", line: 2, key: id, fields: [])]
        return incident
    }

    @Test("two ACLED rows are two events however alike, and each joins the example record that repeats it (the demo's Beit Lahia strikes)")
    func twoACLEDRowsAreTwoEvents() {
        let car = row(
            "acled:TRC0007", dataset: "acled", action: .strike, category: nil, subtype: nil, claimant: "ACLED (sources: Gaza Health Ministry)")
        let team = row(
            "acled:TRC0008", dataset: "acled", action: .strike, category: nil, subtype: nil, claimant: "ACLED (sources: Israel Defense Forces)")
        let carReport = row("ex-014", dataset: "truce-csv", action: .airStrike, category: .civilian, subtype: nil, claimant: "Gaza Health Ministry")
        let teamReport = row(
            "ex-015", dataset: "truce-csv", action: .airStrike, category: .military, subtype: "personnel", claimant: "Israel Defense Forces")
        let evidence = LinkingFixtures.evidence([car, team, carReport, teamReport])
        #expect(evidence["acled:TRC0007"]?.group != evidence["acled:TRC0008"]?.group)
        #expect(evidence["ex-014"]?.group == evidence["acled:TRC0007"]?.group)
        #expect(evidence["ex-015"]?.group == evidence["acled:TRC0008"]?.group)
        #expect(Set([car, team, carReport, teamReport].map { evidence[$0.id]!.group }).count == 2)
    }
}
