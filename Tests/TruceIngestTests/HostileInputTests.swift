import Foundation
import Testing
import TruceCore
import TruceIngest

/// Regression tests for inputs that crashed an import, dropped rows silently or were accepted when they should
/// have been quarantined.
@Suite("Hostile input: never crash, never drop a row")
struct HostileInputTests {
    static let actors = ActorTable(entries: [])
    static let acledHeader = "event_id_cnty,event_date,event_type,actor1,latitude,longitude,iso,fatalities,timestamp"
    static let ucdpHeader = "id,side_a,side_b,date_start,date_end,latitude,longitude,iso3,best"
    static let truceHeader = "id,start,time_zone,claimant,source_url,latitude,longitude,fatalities,end,source_published"

    static func gdeltLine(_ values: [String: String]) -> String {
        var defaults = ["GLOBALEVENTID": "42", "SQLDATE": "20250320", "EventCode": "190", "DATEADDED": "20250320081500"]
        defaults.merge(values) { _, new in new }
        return GDELTFormat.columnNames.map { defaults[$0] ?? "" }.joined(separator: "\t")
    }

    func reasons(_ batch: IncidentBatch) -> [String] { batch.quarantined.map { "\($0.line) \($0.reason)" } }

    // MARK: Year 0

    @Test("year 0: a date in year 0 is quarantined naming the field, in every format, and the rows after it import")
    func yearZero() throws {
        let acled = try ACLEDFormat(actors: Self.actors).read(
            bytes: Array(
                """
                \(Self.acledHeader)
                A1,0000-01-01,Battles,X,50.45,30.52,804,,
                A2,1 January 0000,Battles,X,50.45,30.52,804,,
                A3,2025-03-20,Battles,X,50.45,30.52,804,,

                """.utf8), file: "a.csv")
        #expect(
            reasons(acled) == [
                "2 event_date: \"0000-01-01\": year 0 is outside 1583–9999",
                "3 event_date: \"1 January 0000\" is not a date (expected e.g. 21 March 2020 or 2020-03-21)",
            ])
        #expect(acled.incidents.map(\.id) == ["acled:A3"])

        let ucdp = try UCDPFormat(actors: Self.actors).read(
            bytes: Array(
                """
                \(Self.ucdpHeader)
                1,A,B,0000-01-01,2014-01-01,48,37,UKR,1
                2,A,B,2014-01-01,1000-01-01 00:00:00.000,48,37,UKR,1
                3,A,B,2014-01-01,2014-01-01,48,37,UKR,1

                """.utf8), file: "u.csv")
        #expect(
            reasons(ucdp) == [
                "2 date_start: \"0000-01-01\": year 0 is outside 1583–9999",
                "3 date_end: \"1000-01-01 00:00:00.000\": year 1000 is outside 1583–9999",
            ])
        #expect(ucdp.incidents.map(\.id) == ["ucdp:3"])

        let truce = try TruceCSVFormat().read(
            bytes: Array(
                """
                \(Self.truceHeader)
                t1,0000-01-01,Europe/Kyiv,me,https://example.org/1,,,,,
                t2,2025-03-20,Europe/Kyiv,me,https://example.org/2,,,,0000-12-31,
                t3,2025-03-20,Europe/Kyiv,me,https://example.org/3,,,,,0000-01-01
                t4,2025-03-20,Europe/Kyiv,me,https://example.org/4,,,,,

                """.utf8), file: "t.csv")
        #expect(
            reasons(truce) == [
                "2 start: \"0000-01-01\": year 0 is outside 1583–9999",
                "3 end: \"0000-12-31\": year 0 is outside 1583–9999",
                "4 source_published: \"0000-01-01\": year 0 is outside 1583–9999",
            ])
        #expect(truce.incidents.map(\.id) == ["t4"])

        let gdelt = try GDELTFormat().read(
            bytes: Array(
                [
                    Self.gdeltLine(["GLOBALEVENTID": "1"]), Self.gdeltLine(["GLOBALEVENTID": "2", "SQLDATE": "00000101"]),
                    Self.gdeltLine(["GLOBALEVENTID": "3", "DATEADDED": "00000101000000"]),
                ].joined(separator: "\n").utf8), file: "g.tsv")
        #expect(
            reasons(gdelt) == [
                "2 SQLDATE: \"00000101\": year 0 is outside 1583–9999",
                "3 DATEADDED: \"00000101000000\": year 0 is outside 1583–9999",
            ])
        #expect(gdelt.incidents.map(\.id) == ["gdelt:1"])
    }

    @Test("year 0: the first and last plausible days in the farthest zones import and write canonical JSON as Foundation does")
    func plausibleYearEdges() throws {
        let batch = try TruceCSVFormat().read(
            bytes: Array(
                """
                id,start,time_zone,claimant,source_url,time_precision
                e1,1583-01-01,Pacific/Kiritimati,me,https://example.org/1,year
                e2,9999-12-31,Etc/GMT+12,me,https://example.org/2,day
                e3,9999-12-01,UTC,me,https://example.org/3,month

                """.utf8), file: "edges.csv")
        #expect(batch.quarantined.isEmpty, "\(reasons(batch))")
        #expect(batch.incidents.count == 3)
        for incident in batch.incidents {
            #expect(incident.canonicalJSON == (try TruceJSON.string(incident)), "\(incident.id)")
        }
    }

    // MARK: CR line ends and the HXL row

    @Test(
        "CR-only line ends: every row of an old Mac export is read, in every format, with the right line numbers",
        arguments: [nil, 1, 2, 3, 7])
    func carriageReturnLineEnds(chunkSize: Int?) throws {
        func read(_ format: some DatasetFormat, _ text: String) throws -> IncidentBatch {
            var batch = IncidentBatch()
            _ = try StreamingImport(format: format).run(
                source: ByteSource(bytes: Array(text.utf8), file: "mac.csv", chunkSize: chunkSize), file: "mac.csv"
            ) {
                batch.incidents += $0
                batch.quarantined += $1
                return LoadSummary(new: $0.count, quarantined: $1.count)
            }
            return batch
        }
        let acled = try read(
            ACLEDFormat(actors: Self.actors),
            [
                Self.acledHeader, "A1,2025-03-20,Battles,X,50.45,30.52,804,,", "A2,2025-03-20,Battles,\"two\rlines\",50.45,30.52,804,,",
                "", "A3,2025-03-20,Battles,X,50.45,30.52,804,,", "bad", "",
            ].joined(separator: "\r"))
        #expect(acled.incidents.map(\.id) == ["acled:A1", "acled:A2", "acled:A3"])
        #expect(acled.incidents.map { $0.sources[0].line } == [2, 3, 6])
        #expect(acled.quarantined.map(\.line) == [7])
        #expect(acled.incidents[1].sources[0]["actor1"] == "two\rlines")

        let ucdp = try read(
            UCDPFormat(actors: Self.actors),
            [Self.ucdpHeader, "1,A,B,2014-01-01,2014-01-01,48,37,UKR,1", "2,A,B,2014-01-01,2014-01-01,48,37,UKR,1"].joined(separator: "\r"))
        #expect(ucdp.incidents.map(\.id) == ["ucdp:1", "ucdp:2"])
        let truce = try read(
            TruceCSVFormat(),
            [Self.truceHeader, "t1,2025-03-20,UTC,me,https://example.org/1,,,,,", "t2,2025-03-20,UTC,me,https://example.org/2,,,,,\r"].joined(
                separator: "\r"))
        #expect(truce.incidents.map(\.id) == ["t1", "t2"] && truce.quarantined.isEmpty)
        let gdelt = try read(GDELTFormat(), [Self.gdeltLine(["GLOBALEVENTID": "1"]), Self.gdeltLine(["GLOBALEVENTID": "2"])].joined(separator: "\r"))
        #expect(gdelt.incidents.map(\.id) == ["gdelt:1", "gdelt:2"])
        #expect(gdelt.incidents.map { $0.sources[0].line } == [1, 2])
    }

    @Test("UCDP hashtag rows: only the HXL row right under the header is skipped; a later one is data and is quarantined")
    func hashtagRowsAfterTheFirstAreData() throws {
        let text = """
            \(Self.ucdpHeader)

            #id,#side,,#date+start,#date+end,#geo+lat,#geo+lon,#country+code,#killed
            1,A,B,2014-01-01,2014-01-01,48,37,UKR,1
            #x,#a,#b,#c,#d,#e,#f,#g,#h
            2,A,B,2014-01-01,2014-01-01,48,37,UKR,1

            """
        var report = StreamingImport<UCDPFormat>.Report()
        var quarantined: [QuarantinedRecord] = []
        var incidents: [Incident] = []
        report = try StreamingImport(format: UCDPFormat(actors: Self.actors)).run(
            source: ByteSource(bytes: Array(text.utf8), file: "u.csv"), file: "u.csv"
        ) {
            incidents += $0
            quarantined += $1
            return LoadSummary(new: $0.count, quarantined: $1.count)
        }
        #expect(report.annotations == 1 && report.records == 3)
        #expect(incidents.map(\.id) == ["ucdp:1", "ucdp:2"])
        #expect(quarantined.map(\.line) == [5])
        #expect(quarantined.first?.reason.contains("date_start: \"#c\" is not a date") == true)
    }

    // MARK: GDELT's first line

    @Test("GDELT: one bad first line is quarantined and the good rows after it import")
    func badFirstLineIsQuarantined() throws {
        let lines = ["not\ta\tgdelt\tline"] + (1...20).map { Self.gdeltLine(["GLOBALEVENTID": "\($0)"]) }
        let batch = try GDELTFormat().read(bytes: Array(lines.joined(separator: "\n").utf8), file: "g.tsv")
        #expect(batch.incidents.count == 20)
        #expect(reasons(batch) == ["1 has 4 fields, GDELT 2.0 events have 61"])
    }

    @Test("GDELT: a file none of whose first 16 lines is an event fails at once, naming the first line")
    func otherFormatFailsAtOnce() throws {
        let lines = (1...16).map { "line \($0),with,commas" } + [Self.gdeltLine([:])]
        #expect {
            try GDELTFormat().read(bytes: Array(lines.joined(separator: "\n").utf8), file: "other.csv")
        } throws: { error in
            "\(error)" == "other.csv:1: not this format: GDELT 2.0 events have 61 tab-separated fields, this line has 1"
        }
        let fifteenBad = (1...15).map { "line \($0)" } + [Self.gdeltLine([:])]
        #expect(try GDELTFormat().read(bytes: Array(fifteenBad.joined(separator: "\n").utf8), file: "g.tsv").incidents.count == 1)
    }

    // MARK: Field values

    @Test("ACLED field values: hex, inf and nan coordinates, a timestamp that is not a Unix time and absurd fatalities are refused")
    func acledFieldValues() throws {
        let rows = [
            "A1,2025-03-20,Battles,X,0x1p3,30.52,804,,", "A2,2025-03-20,Battles,X,50.45,inf,804,,", "A3,2025-03-20,Battles,X,nan,30,804,,",
            "A4,2025-03-20,Battles,X,1e1,30,804,,", "A5,2025-03-20,Battles,X,50.45,30.52,804,,notatime",
            "A6,2025-03-20,Battles,X,50.45,30.52,804,9223372036854775807,", "A7,2025-03-20,Battles,X,50.45,30.52,804,-1,",
            "A8,2025-03-20,Battles,X,50.45,30.52,804,+3,", "A9,2025-03-20,Battles,X,-50.5,+30.,804,1000000,1742860800",
        ]
        let batch = try ACLEDFormat(actors: Self.actors).read(bytes: Array(([Self.acledHeader] + rows).joined(separator: "\n").utf8), file: "a.csv")
        #expect(
            reasons(batch) == [
                "2 latitude: \"0x1p3\" is not a latitude between -90 and 90",
                "3 longitude: \"inf\" is not a longitude between -180 and 180",
                "4 latitude: \"nan\" is not a latitude between -90 and 90",
                "5 latitude: \"1e1\" is not a latitude between -90 and 90",
                "6 timestamp: \"notatime\" is not a Unix time (a whole number of seconds since 1970)",
                "7 fatalities: \"9223372036854775807\" is not a whole number from 0 to 1000000",
                "8 fatalities: \"-1\" is not a whole number from 0 to 1000000",
                "9 fatalities: \"+3\" is not a whole number from 0 to 1000000",
            ])
        let good = try #require(batch.incidents.first)
        #expect(good.location.coordinate == Coordinate(latitude: -50.5, longitude: 30) && good.effects.fatalities == 1_000_000)
    }

    @Test("ids that could not read back: a key holding a control character is quarantined by ACLED and UCDP, markup is kept")
    func controlCharacterKeys() throws {
        let acled = [
            "\"UKR\u{1B}[31m1\",2025-03-20,Battles,X,50.45,30.52,804,,", "\"UKR\n2\",2025-03-20,Battles,X,50.45,30.52,804,,",
            "UKR<script>alert(1)</script>,2025-03-20,Battles,X,50.45,30.52,804,,",
        ]
        let acledBatch = try ACLEDFormat(actors: Self.actors).read(
            bytes: Array(([Self.acledHeader] + acled).joined(separator: "\n").utf8), file: "a.csv")
        #expect(acledBatch.quarantined.map(\.line) == [2, 3])
        #expect(acledBatch.quarantined.allSatisfy { $0.reason.contains("event_id_cnty") && $0.reason.contains("control characters") })
        #expect(acledBatch.incidents.map(\.id) == ["acled:UKR<script>alert(1)</script>"])

        let ucdp = ["\"7\u{7}\",A,B,2025-03-20,2025-03-20,50.45,30.52,UKR,1", "8,A,B,2025-03-20,2025-03-20,50.45,30.52,UKR,1"]
        let ucdpBatch = try UCDPFormat(actors: Self.actors).read(
            bytes: Array(([Self.ucdpHeader] + ucdp).joined(separator: "\n").utf8), file: "u.csv")
        #expect(ucdpBatch.quarantined.map(\.line) == [2])
        #expect(ucdpBatch.incidents.count == 1)
    }

    @Test("UCDP and GDELT field values: hex coordinates, absurd deaths and overlong event numbers are refused")
    func ucdpAndGDELTFieldValues() throws {
        let ucdp = try UCDPFormat(actors: Self.actors).read(
            bytes: Array(
                """
                \(Self.ucdpHeader)
                1,A,B,2014-01-01,2014-01-01,0x10,37,UKR,1
                2,A,B,2014-01-01,2014-01-01,48,infinity,UKR,1
                3,A,B,2014-01-01,2014-01-01,48,37,UKR,1000001

                """.utf8), file: "u.csv")
        #expect(
            reasons(ucdp) == [
                "2 latitude: \"0x10\" is not a latitude between -90 and 90",
                "3 longitude: \"infinity\" is not a longitude between -180 and 180",
                "4 best: \"1000001\" is not a whole number from 0 to 1000000",
            ])
        let gdelt = try GDELTFormat().read(
            bytes: Array(
                [
                    Self.gdeltLine(["GLOBALEVENTID": "1", "ActionGeo_Lat": "0x1p3", "ActionGeo_Long": "30"]),
                    Self.gdeltLine(["GLOBALEVENTID": "2", "ActionGeo_Lat": "48", "ActionGeo_Long": "NaN"]),
                    Self.gdeltLine(["GLOBALEVENTID": String(repeating: "9", count: 19)]),
                    Self.gdeltLine(["GLOBALEVENTID": "4"]),
                ].joined(separator: "\n").utf8), file: "g.tsv")
        #expect(
            reasons(gdelt) == [
                "1 ActionGeo_Lat: \"0x1p3\" is not a latitude between -90 and 90",
                "2 ActionGeo_Long: \"NaN\" is not a longitude between -180 and 180",
                "3 GLOBALEVENTID: \"9999999999999999999\" is not an event number (1 to 18 digits)",
            ])
        #expect(gdelt.incidents.map(\.id) == ["gdelt:4"])
    }

    // MARK: Input errors

    @Test("input errors name the real reason: a directory, a symlink loop, a file name too long, a missing file")
    func inputErrorsNameTheReason() throws {
        let directory = try Fixtures.temporaryDirectory()
        let loop = directory.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let long = directory.appendingPathComponent(String(repeating: "n", count: 256)).path
        let missing = directory.appendingPathComponent("missing.csv").path
        let cases = [
            (directory.path, "is a directory"), (loop, "too many levels of symbolic links"), (long, "file name too long"),
            (missing, "no such file or directory"),
        ]
        for (path, reason) in cases {
            #expect {
                _ = try TruceCSVFormat().read(file: path)
            } throws: { error in
                "\(error)" == "\(path): cannot be read: \(reason)"
            }
        }
    }
}
