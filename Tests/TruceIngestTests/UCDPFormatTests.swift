import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("UCDP GED files")
struct UCDPFormatTests {
    static let actors = ActorTable(entries: [
        .init(pattern: "Government of Russia", party: "RU"), .init(pattern: "Government of Ukraine", party: "UA"),
    ])

    func batch() throws -> IncidentBatch { try UCDPFormat(actors: Self.actors).read(file: Fixtures.path("ucdp.csv")) }

    func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    /// One event row with the given precision codes, in a minimal header.
    func single(datePrecision: String, wherePrecision: String, start: String = "2015-02-01", end: String = "2015-02-07") throws -> Incident {
        let csv = """
            id,side_a,side_b,date_prec,date_start,date_end,where_prec,latitude,longitude,iso3
            1,Government of Ukraine,DPR,\(datePrecision),\(start),\(end),\(wherePrecision),48.0,37.8,UKR

            """
        let batch = try UCDPFormat(actors: Self.actors).read(bytes: Array(csv.utf8), file: "one.csv")
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        return try #require(batch.incidents.first)
    }

    @Test("good rows become incidents, the HXL row is skipped, every bad row is quarantined with line and field")
    func rowsAreAccountedFor() throws {
        let batch = try batch()
        #expect(batch.incidents.map(\.id) == ["ucdp:900001", "ucdp:900002", "ucdp:900003", "ucdp:900004"])
        #expect(batch.quarantined.map { "\($0.line) \($0.field)" } == ["8 date_start", "9 date_end", "10 latitude", "11 ", "12 id", "13 where_prec"])
        #expect(batch.recordsRead == 10)
        let reasons = batch.quarantined.map(\.reason)
        #expect(
            reasons[0]
                == "date_start: \"2014-02-30\" is not a date (expected e.g. 2014-01-22 or 2014-01-22 00:00:00.000); date_end: \"2014-02-30\" is not a date (expected e.g. 2014-01-22 or 2014-01-22 00:00:00.000)"
        )
        #expect(reasons[1] == "date_end: \"2014-05-09\" is before date_start \"2014-05-10\"")
        #expect(reasons[2] == "latitude: \"95.500000\" is not a latitude between -90 and 90")
        #expect(reasons[3] == "has 17 fields, the header has 21")
        #expect(reasons[4] == "id: \"900001\" is already on line 3 with different content")
        #expect(reasons[5] == "where_prec: \"9\" is not 1 to 7; best: \"-3\" is not a whole number from 0 to 1000000")
    }

    @Test("a state-based event: the local day, both sides described, no perpetrator, every column verbatim")
    func stateBasedEvent() throws {
        let event = try batch().incidents[0]
        #expect(event.time.span.start == date("2014-08-09T21:00:00Z"))
        #expect(event.time.span.duration == 86_400 && event.time.precision == .day)
        #expect(event.time.timeZone == ZoneIdentifier("Europe/Kyiv"))
        #expect(
            event.location
                == IncidentLocation(
                    country: "UA", admin1: "Luhansk oblast", place: "Shchastya town",
                    coordinate: Coordinate(latitude: 48.7383, longitude: 39.2311), precision: .locality))
        #expect(event.perpetrator == nil && event.action == nil)
        #expect(event.description == "State-based conflict: Government of Ukraine vs DPR")
        #expect(event.target == Target(category: .energy, subtype: "power_plant"))
        #expect(event.effects.fatalities == 2)
        #expect(event.claims == [Claim(claimant: "UCDP GED (sources: Agence France Presse;Reuters News)")])
        let record = try #require(event.sources.first)
        #expect(record.dataset == "ucdp" && record.file == "ucdp.csv" && record.line == 3 && record.key == "900001")
        #expect(record.release == nil && record.fields.count == 21 && record["note"] == "extra column kept verbatim")
        #expect(
            record["source_article"] == "\"Agence France Presse,2014-08-10,Shelling, \"heavy\"\nfighting\";\"Reuters News,2014-08-11,Two killed\"")
    }

    @Test("one-sided violence: side_a is the perpetrator as UCDP attributes it; dates span start to end inclusive")
    func oneSidedViolence() throws {
        let event = try batch().incidents[1]
        #expect(event.perpetrator == Attribution(party: "RU", attributedBy: "UCDP"))
        #expect(event.claims.first?.accused == "RU")
        #expect(event.description == "One-sided violence by Government of Russia (Soviet Union) against Civilians")
        #expect(event.time.span.start == date("2022-02-28T22:00:00Z"))
        #expect(event.time.span.duration == TimeInterval(3 * 86_400) && event.time.precision == .week)
        #expect(event.location.precision == .nearby && event.target.category == nil)
    }

    @Test("the country comes from iso3 or else from UCDP's country name, and sets the zone of local dates")
    func countryByName() throws {
        let event = try batch().incidents[3]
        #expect(event.location.country == "RU" && event.location.precision == .unknown)
        #expect(event.time.span.start == date("2016-05-04T21:00:00Z"))
    }

    @Test(
        "date_prec maps to a time precision; the span is always date_start to date_end",
        arguments: [
            ("1", TimePrecision.day), ("2", .week), ("3", .week), ("4", .month), ("5", .year),
        ])
    func datePrecision(code: String, expected: TimePrecision) throws {
        let event = try single(datePrecision: code, wherePrecision: "1")
        #expect(event.time.precision == expected)
        #expect(event.time.span.duration == TimeInterval(7 * 86_400))
    }

    @Test("without date_prec the span's length decides the precision")
    func datePrecisionFromSpan() throws {
        #expect(try single(datePrecision: "", wherePrecision: "1", end: "2015-02-01").time.precision == .day)
        #expect(try single(datePrecision: "", wherePrecision: "1").time.precision == .week)
        #expect(try single(datePrecision: "", wherePrecision: "1", end: "2015-02-28").time.precision == .month)
        #expect(try single(datePrecision: "", wherePrecision: "1", end: "2015-12-31").time.precision == .year)
    }

    @Test(
        "where_prec maps to a place precision",
        arguments: [
            ("1", GeoPrecision.locality), ("2", .nearby), ("3", .district), ("4", .region), ("5", .region), ("6", .country),
            ("7", .unknown),
        ])
    func wherePrecision(code: String, expected: GeoPrecision) throws {
        #expect(try single(datePrecision: "1", wherePrecision: code).location.precision == expected)
    }

    @Test("a file without UCDP's required columns fails at once, naming them")
    func wrongFormat() {
        let acled = Array("event_id_cnty,event_date,latitude,longitude\nX1,2025-03-20,48,37\n".utf8)
        let error = #expect(throws: InputError.self) { try UCDPFormat(actors: Self.actors).read(bytes: acled, file: "acled.csv") }
        #expect(error.map { "\($0)" } == "acled.csv:1: header: missing required column(s): id, side_a, date_start, date_end")
    }

    @Test("the repository's actor table maps UCDP's government side names")
    func repositoryActorTable() throws {
        let table = try ActorTable(
            csv: String(contentsOf: Fixtures.repository.appendingPathComponent("data/actors.csv"), encoding: .utf8), file: "actors.csv")
        #expect(table.party(for: "Government of Russia (Soviet Union)") == "RU")
        #expect(table.party(for: "Government of Ukraine") == "UA")
        #expect(table.party(for: "Government of Israel") == "IL")
    }
}

@Suite("Real UCDP GED file from the shared data", .enabled(if: SharedData.available, SharedData.absentReason))
struct UCDPSharedDataTests {
    @Test("the HDX Ukraine export gives 2,989 incidents, nothing quarantined, the HXL row skipped")
    func hdxUkraine() throws {
        let url = SharedData.directory.appendingPathComponent("ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv")
        let table = try ActorTable(
            csv: String(contentsOf: Fixtures.repository.appendingPathComponent("data/actors.csv"), encoding: .utf8), file: "actors.csv")
        let batch = try UCDPFormat(actors: table).read(bytes: Array(Data(contentsOf: url)), file: url.path)
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map { "\($0.line): \($0.reason)" })")
        #expect(batch.incidents.count == 2_989 && batch.recordsRead == 2_989)
        #expect(batch.incidents.allSatisfy { $0.location.country == "UA" && $0.sources[0].fields.count == 50 })
        #expect(batch.incidents.compactMap(\.effects.fatalities).reduce(0, +) == 7_882)
        #expect(batch.incidents.allSatisfy { $0.perpetrator == nil })
        let first = try #require(batch.incidents.first)
        #expect(first.id == "ucdp:147997" && first.sources[0].line == 3)
    }
}
