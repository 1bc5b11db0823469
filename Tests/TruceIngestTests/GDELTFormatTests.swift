import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("GDELT 2.0 event exports")
struct GDELTFormatTests {
    func batch() throws -> IncidentBatch { try GDELTFormat().read(file: Fixtures.path("gdelt.tsv")) }

    /// One 61-field GDELT line with `values` set by column name and everything else empty.
    func single(_ values: [String: String]) throws -> Incident {
        var defaults = ["GLOBALEVENTID": "42", "SQLDATE": "20250320", "EventCode": "190", "QuadClass": "4", "DATEADDED": "20250320081500"]
        defaults.merge(values) { _, new in new }
        let line = GDELTFormat.columnNames.map { defaults[$0] ?? "" }.joined(separator: "\t") + "\n"
        let batch = try GDELTFormat().read(bytes: Array(line.utf8), file: "one.tsv")
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return try #require(batch.incidents.first)
    }

    @Test("the codebook layout has 61 columns, GLOBALEVENTID first and SOURCEURL last")
    func layout() {
        let names = GDELTFormat.columnNames
        #expect(names.count == 61 && names.first == "GLOBALEVENTID" && names.last == "SOURCEURL")
        #expect(names[26] == "EventCode" && names[53] == "ActionGeo_CountryCode" && names[56] == "ActionGeo_Lat" && names[59] == "DATEADDED")
    }

    @Test("good rows become incidents; every bad row is quarantined with line, field and reason")
    func rowsAreAccountedFor() throws {
        let batch = try batch()
        #expect(batch.incidents.map(\.id) == (1...5).map { "gdelt:100000\($0)" })
        #expect(
            batch.quarantined.map { "\($0.line) \($0.field)" } == ["6 ", "7 SQLDATE", "8 ActionGeo_Lat", "9 GLOBALEVENTID", "10 ", "11 EventCode"])
        #expect(batch.recordsRead == 11)
        let reasons = batch.quarantined.map(\.reason)
        #expect(reasons[0] == "has 60 fields, GDELT 2.0 events have 61")
        #expect(
            reasons[1]
                == "SQLDATE: \"20251301\" is not a date (expected YYYYMMDD); DATEADDED: \"2025032008\" is not a date and time (expected YYYYMMDDHHMMSS)"
        )
        #expect(reasons[2] == "ActionGeo_Lat: \"123.5\" is not a latitude between -90 and 90")
        #expect(reasons[3] == "GLOBALEVENTID: \"1000001\" is already on line 1 with different content")
        #expect(reasons[4] == "has 1 fields, GDELT 2.0 events have 61")
        #expect(reasons[5] == "EventCode: is required")
    }

    @Test(
        "aerial weapons (CAMEO 195), a strike of unstated weapon: the UTC day of SQLDATE, DATEADDED as publication, Actor1's country as machine-coded perpetrator"
    )
    func airStrike() throws {
        let event = try batch().incidents[0]
        #expect(
            event.time
                == IncidentTime(
                    span: TimeSpan(
                        start: try #require(ISO8601DateFormatter().date(from: "2025-03-19T00:00:00Z")),
                        end: ISO8601DateFormatter().date(from: "2025-03-20T00:00:00Z")),
                    precision: .day, timeZone: .utc))
        #expect(event.action == .strike && event.target == Target(category: nil))
        #expect(event.perpetrator == Attribution(party: "RU", attributedBy: "GDELT (machine-coded)"))
        #expect(
            event.location
                == IncidentLocation(
                    country: "UA", admin1: "Kharkivs'ka Oblast'", place: "Kharkiv", coordinate: Coordinate(latitude: 49.9808, longitude: 36.2527),
                    precision: .locality))
        #expect(event.description == "RUSSIA → UKRAINE: CAMEO 195 employ aerial weapons (3 sources, 5 articles)")
        #expect(
            event.claims == [
                Claim(
                    claimant: "GDELT (machine-coded from www.example.com)", accused: "RU",
                    source: SourceReference(url: "https://www.example.com/news/kharkiv-strike", published: "2025-03-20T08:15Z"))
            ])
        #expect(event.effects == Effects())
        let record = try #require(event.sources.first)
        #expect(record.dataset == "gdelt" && record.key == "1000001" && record.line == 1 && record.release == "20250320081500")
        #expect(record.fields.count == 61 && record["ActionGeo_ADM1Code"] == "UP07" && record["NumArticles"] == "5")
    }

    @Test("CAMEO 196 is tagged as a ceasefire violation; Gaza's FIPS code is Palestine")
    func ceasefireViolation() throws {
        let event = try batch().incidents[1]
        #expect(event.description.contains("CAMEO 196 violate ceasefire"))
        #expect(event.action == .other && event.perpetrator?.party == "IL")
        #expect(event.location.country == "PS" && event.location.admin1 == "Gaza Strip (general)")
    }

    @Test("first-order divisions are regions; verbal events name no perpetrator; codes keep their leading zeros")
    func regionsAndVerbalEvents() throws {
        let incidents = try batch().incidents
        #expect(incidents[2].location.country == "RU" && incidents[2].location.precision == .region && incidents[2].location.admin1 == "Belgorod")
        #expect(incidents[2].action == .artillery && incidents[2].perpetrator?.party == "UA")
        let truce = incidents[3]
        #expect(truce.description == "RUSSIA → UKRAINE: CAMEO 0871 declare truce or ceasefire (1 source, 4 articles)")
        #expect(truce.action == .noHostileAct && truce.perpetrator == nil && truce.claims[0].accused == nil)
        #expect(truce.location.precision == .country && truce.location.country == "UA")
    }

    @Test("an event GDELT could not geocode has no point and an unknown place")
    func notGeocoded() throws {
        let event = try batch().incidents[4]
        #expect(event.location == IncidentLocation(country: nil, precision: .unknown))
        #expect(event.description == "unnamed actor → CIVILIAN: CAMEO 190 use conventional military force (1 source, 4 articles)")
        #expect(event.action == nil && event.perpetrator == nil)
    }

    @Test(
        "FIPS 10-4 geography codes map to ISO alpha-2 for every country, not only the conflicts listed with a zone",
        arguments: [
            ("UP", "UA"), ("RS", "RU"), ("IS", "IL"), ("GZ", "PS"), ("WE", "PS"), ("AF", "AF"), ("US", "US"), ("SY", "SY"),
            ("IZ", "IQ"), ("LE", "LB"), ("NI", "NG"), ("NG", "NE"), ("UK", "GB"), ("SF", "ZA"), ("ZZ", nil),
        ])
    func fipsCodes(fips: String, alpha2: String?) throws {
        #expect(try single(["ActionGeo_Type": "1", "ActionGeo_CountryCode": fips]).location.country == alpha2)
    }

    @Test(
        "CAMEO event codes map to actions only where the code is clear",
        arguments: [
            ("195", ActionType?.some(.strike)), ("194", .artillery), ("193", .groundAssault), ("183", .other), ("1832", .other),
            ("196", .other), ("190", nil), ("192", nil), ("175", nil), ("1712", nil), ("202", nil), ("173", .noHostileAct), ("0871", .noHostileAct),
            ("010", .noHostileAct),
            ("042", .noHostileAct), ("145", .noHostileAct), ("150", .noHostileAct), ("172", .noHostileAct),
        ])
    func cameoActions(code: String, action: ActionType?) throws {
        #expect(try single(["EventCode": code]).action == action)
    }

    @Test(
        "GDELT's geography types map to place precision",
        arguments: [
            ("1", GeoPrecision.country), ("2", .region), ("3", .locality), ("4", .locality), ("5", .region), ("0", .unknown),
        ])
    func geographyTypes(type: String, precision: GeoPrecision) throws {
        #expect(try single(["ActionGeo_Type": type, "ActionGeo_Lat": "48.5", "ActionGeo_Long": "35"]).location.precision == precision)
    }

    @Test(
        "CAMEO actor country codes become parties only for material conflict",
        arguments: [
            ("RUS", "4", PartyID?.some("RU")), ("UKR", "4", "UA"), ("ISR", "4", "IL"), ("EUR", "4", nil), ("RUS", "3", nil),
        ])
    func actorCountries(code: String, quadClass: String, party: PartyID?) throws {
        #expect(try single(["Actor1CountryCode": code, "QuadClass": quadClass]).perpetrator?.party == party)
    }

    @Test("a comma-separated file is not GDELT: it fails at once, saying what the first line lacks")
    func wrongFormat() throws {
        let csv = Array("id,start,claimant\nx,2025-03-20,me\n".utf8)
        #expect {
            try GDELTFormat().read(bytes: csv, file: "other.csv")
        } throws: { error in
            "\(error)" == "other.csv:1: not this format: GDELT 2.0 events have 61 tab-separated fields, this line has 1"
        }
    }
}

@Suite("Real GDELT 2.0 exports from the shared data", .enabled(if: SharedData.available, SharedData.absentReason))
struct GDELTSharedDataTests {
    @Test(
        "both 15-minute exports import with every row accounted for and nothing quarantined",
        arguments: [
            ("gdelt/20161013151500.export.CSV", 3_566), ("gdelt/20260611091500.translation.export.CSV", 956),
        ])
    func realFileImports(name: String, rows: Int) throws {
        let url = SharedData.directory.appendingPathComponent(name)
        let batch = try GDELTFormat().read(bytes: Array(Data(contentsOf: url)), file: url.path)
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.prefix(5).map { "\($0.line): \($0.reason)" })")
        #expect(batch.incidents.count == rows && batch.recordsRead == rows)
        #expect(batch.incidents.allSatisfy { $0.sources[0].fields.count == 61 && $0.time.precision == .day })
        let ukraine = batch.incidents.filter { $0.sources[0]["ActionGeo_CountryCode"] == "UP" }
        #expect(ukraine.count == (rows == 956 ? 107 : 55) && ukraine.allSatisfy { $0.location.country == "UA" })
    }
}
