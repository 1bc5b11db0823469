import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("The actor table")
struct ActorTableTests {
    static func repositoryTable() throws -> ActorTable {
        let url = Fixtures.repository.appendingPathComponent("data/actors.csv")
        return try ActorTable(csv: String(contentsOf: url, encoding: .utf8), file: url.path)
    }

    @Test("duplicate actor: a pattern listed twice is refused, naming the file, both lines and the parties")
    func duplicateActorIsRefused() {
        let csv = "pattern,party,note\nGovernment of Ukraine,UA,ACLED\nTaliban,TALIBAN,\nGovernment of Ukraine,UA,UCDP side names\n"
        let error = #expect(throws: Diagnostic.self) { try ActorTable(csv: csv, file: "actors.csv") }
        #expect(error?.description == "actors.csv:4: pattern: \"Government of Ukraine\" is already listed on line 2 (as UA): list each actor once")
        let differing = "pattern,party\nDPR,DPR\nDPR,RU\n"
        #expect(throws: Diagnostic.self) { try ActorTable(csv: differing, file: "actors.csv") }
    }

    @Test("duplicate actor: the repository's actor table lists each actor once and loads")
    func repositoryTableHasNoDuplicate() throws {
        let table = try Self.repositoryTable()
        #expect(Set(table.entries.map(\.pattern)).count == table.entries.count)
    }

    @Test("missing actors: Afghan actors as ACLED names them map to their parties")
    func afghanActors() throws {
        let table = try Self.repositoryTable()
        #expect(table.party(for: "Taliban") == "TALIBAN")
        #expect(table.party(for: "Taliban - Red Unit") == "TALIBAN")
        #expect(table.party(for: "Military Forces of Afghanistan (2014-)") == "AF")
        #expect(table.party(for: "Military Forces of Afghanistan (2014-) Special Forces") == "AF")
        #expect(table.party(for: "Police Forces of Afghanistan (2014-) National Directorate of Security") == "AF")
        #expect(table.party(for: "Islamic State (Afghanistan)") == "ISKP")
        #expect(table.party(for: "NATO: North Atlantic Treaty Organization") == "NATO")
        #expect(table.party(for: "Unidentified Armed Group (Afghanistan)") == nil)
    }

    @Test("missing actors: DPR, LPR and Novorossiya are parties of their own, not Russia")
    func donbasActors() throws {
        let table = try Self.repositoryTable()
        #expect(table.party(for: "DPR") == "DPR")
        #expect(table.party(for: "LPR") == "LPR")
        #expect(table.party(for: "United Armed Forces of Novorossiya") == "NOVOROSSIYA")
        #expect(table.party(for: "Government of Ukraine") == "UA")
        #expect(table.party(for: "DPRK") == nil)
    }
}

@Suite("The actor table on the real exports in the shared data", .enabled(if: SharedData.available, SharedData.absentReason))
struct ActorTableSharedDataTests {
    /// How many of a file's rows name a party: as perpetrator, and (UCDP) on both sides of the dyad.
    struct Coverage: CustomStringConvertible {
        var rows = 0, perpetrators = 0, bothSides = 0
        var description: String { "\(rows) rows, \(perpetrators) with a perpetrator party, \(bothSides) with a party on both sides" }
    }

    static func coverage(_ incidents: [Incident], table: ActorTable, sides: (String, String)) -> Coverage {
        var coverage = Coverage(rows: incidents.count)
        for incident in incidents {
            if incident.perpetrator != nil { coverage.perpetrators += 1 }
            let fields = incident.sources.first?.fields ?? []
            let value = { (name: String) in fields.first { $0.name == name }?.value ?? "" }
            if table.party(for: value(sides.0)) != nil, table.party(for: value(sides.1)) != nil { coverage.bothSides += 1 }
        }
        return coverage
    }

    @Test("missing actors: the Afghan ACLED file's perpetrators and the UCDP Ukraine file's sides map to parties")
    func realFilesMapToParties() throws {
        let table = try ActorTableTests.repositoryTable()
        let afghanistan = SharedData.directory.appendingPathComponent("acled/acled_afghanistan_2020-03_legacy_format.csv")
        let acled = try ACLEDFormat(actors: table).read(bytes: Array(Data(contentsOf: afghanistan)), file: afghanistan.path)
        let acledCoverage = Self.coverage(acled.incidents, table: table, sides: ("actor1", "actor2"))
        print("actor table coverage, \(afghanistan.lastPathComponent): \(acledCoverage)")
        let sample = SharedData.directory.appendingPathComponent("acled/geosentinel_acled_data_sample.csv")
        let sampleBatch = try ACLEDFormat(actors: table).read(bytes: Array(Data(contentsOf: sample)), file: sample.path)
        print("actor table coverage, \(sample.lastPathComponent): \(Self.coverage(sampleBatch.incidents, table: table, sides: ("actor1", "actor2")))")
        let ged = SharedData.directory.appendingPathComponent("ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv")
        let ucdp = try UCDPFormat(actors: table).read(bytes: Array(Data(contentsOf: ged)), file: ged.path)
        let ucdpCoverage = Self.coverage(ucdp.incidents, table: table, sides: ("side_a", "side_b"))
        print("actor table coverage, \(ged.lastPathComponent): \(ucdpCoverage)")

        // Every actor1 but the unidentified armed groups (16), protesters (3) and pro-government militias (2) is a party.
        #expect(acledCoverage.perpetrators == 475)
        // All state-based dyads but Government of Ukraine vs Maidan (6) and the one non-state dyad.
        #expect(ucdpCoverage.bothSides == 2_982)
        #expect(ucdpCoverage.perpetrators == 0, "UCDP names sides, not perpetrators")
    }
}
