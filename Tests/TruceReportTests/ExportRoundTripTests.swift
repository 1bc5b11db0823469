import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceReport

@Suite("Exports that read back")
struct ExportRoundTripTests {
    /// What an incident must keep through export and import: its id and every text and value the CSV carries.
    struct Carried: Equatable {
        var id, description, claimant: String
        var place, admin1, targetName: String?
        var coordinate: Coordinate?
        var start: Date

        init(_ incident: Incident) {
            id = incident.id
            description = incident.description
            claimant = incident.claims.first?.claimant ?? ""
            place = incident.location.place
            admin1 = incident.location.admin1
            targetName = incident.target.name
            coordinate = incident.location.coordinate
            start = incident.time.span.start
        }
    }

    func exportedAndReadBack(_ incidents: [Incident]) throws -> IncidentBatch {
        let csv = try TruceCSVExport.layout.text(of: incidents)
        return try TruceCSVFormat().read(bytes: Array(csv.utf8), file: "export.csv")
    }

    @Test("ACLED ids with <script>, quotes, commas, spaces and other scripts export and import back exactly")
    func datasetIDsRoundTrip() throws {
        let actors = ActorTable(entries: [.init(pattern: "Military Forces of Russia", party: "RU")])
        let incidents = try ACLEDFormat(actors: actors).read(bytes: Array(HostileFixtures.acled.utf8), file: "acled.csv").incidents
        #expect(incidents.map(\.id) == ["acled:UKR<script>alert(1)</script>", "acled:UKR \"quoted\", with comma", "acled:UKR Харків №7"])
        let again = try exportedAndReadBack(incidents)
        #expect(again.quarantined.isEmpty, "\(again.quarantined.map(\.reason))")
        #expect(again.incidents.map(Carried.init) == incidents.map(Carried.init))
    }

    @Test("Truce ids and text starting with = + - @ or a quote, with tabs, line breaks, | and markup, round-trip exactly")
    func formulaLikeCellsRoundTrip() throws {
        let incidents = try TruceCSVFormat().read(bytes: Array(HostileFixtures.truceCSV.utf8), file: "hostile.csv").incidents
        #expect(incidents.count == HostileFixtures.truceCSVRows)
        #expect(Set(incidents.map(\.id)).isSuperset(of: ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-1", "@home", "-2+3"]))
        let again = try exportedAndReadBack(incidents)
        #expect(again.quarantined.isEmpty, "\(again.quarantined.map(\.reason))")
        #expect(again.incidents.map(Carried.init) == incidents.map(Carried.init))
        // A second round changes nothing either.
        #expect(try exportedAndReadBack(again.incidents).incidents.map(Carried.init) == incidents.map(Carried.init))
    }

    @Test("an id with a control character is refused by Truce CSV, naming the rule")
    func controlCharacterIDRefused() throws {
        let csv = "id,start,time_zone,claimant,source_url\n\"bad\u{1B}id\",2025-03-20,Europe/Kyiv,Reuters,\n"
        let batch = try TruceCSVFormat().read(bytes: Array(csv.utf8), file: "bad.csv")
        #expect(batch.incidents.isEmpty)
        #expect(
            batch.quarantined.first?.reason.contains("id: \"bad\\u{1B}id\" \(IncidentIDRule.statement)") == true, "\(batch.quarantined.map(\.reason))"
        )
    }
}
