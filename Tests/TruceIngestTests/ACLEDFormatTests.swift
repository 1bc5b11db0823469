import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("ACLED exports")
struct ACLEDFormatTests {
    static let actors = ActorTable(entries: [
        .init(pattern: "Military Forces of Russia", party: "RU"), .init(pattern: "Military Forces of Ukraine", party: "UA"),
    ])

    func batch() throws -> IncidentBatch {
        try ACLEDFormat(actors: Self.actors).read(
            bytes: Array(Data(contentsOf: Fixtures.directory.appendingPathComponent("acled.csv"))), file: "acled.csv")
    }

    @Test("good rows become incidents; every bad row is quarantined with line, field and reason")
    func rowsAreAccountedFor() throws {
        let batch = try batch()
        #expect(batch.incidents.map(\.id) == ["acled:FXU1", "acled:FXR1", "acled:FXU2"])
        #expect(batch.quarantined.map { "\($0.line) \($0.field)" } == ["6 event_date", "7 latitude", "8 event_id_cnty", "9 "])
        #expect(batch.quarantined[2].reason.contains("already on line 2 with different content"))
        #expect(batch.recordsRead == 7)
    }

    @Test("normalisation: party from the actor table, action and target from sub-event type and notes")
    func normalisation() throws {
        let incidents = try batch().incidents
        let substation = incidents[0]
        #expect(substation.perpetrator == Attribution(party: "RU", attributedBy: "ACLED"))
        #expect(substation.action == .droneStrike)
        #expect(substation.target == Target(category: .energy, subtype: "substation"))
        #expect(substation.location.country == "UA" && substation.location.precision == .locality)
        #expect(substation.time.span.start == ISO8601DateFormatter().date(from: "2025-03-19T22:00:00Z"))
        #expect(substation.sources[0].release == "1742860800" && substation.sources[0]["notes"]?.contains("\n") == true)
        let refinery = incidents[1]
        #expect(refinery.perpetrator?.party == "UA" && refinery.target.subtype == "refinery" && refinery.location.country == "RU")
        #expect(refinery.location.precision == .nearby)
    }

    @Test("time_precision 2 is the week around the date; geo_precision 3 the region")
    func weekPrecision() throws {
        let week = try batch().incidents[2]
        #expect(week.time.precision == .week)
        #expect(week.time.span.duration == TimeInterval(7 * 86_400))
        #expect(week.time.span.start == ISO8601DateFormatter().date(from: "2025-04-10T21:00:00Z"))
        #expect(week.location.precision == .region)
        #expect(week.action == .missileStrike && week.target.category == .civilian)
    }

    @Test("a file of another format fails at once, naming the missing columns")
    func wrongFormat() {
        let gdeltLike = Array("1234\t20250320\t202503\n".utf8)
        #expect(throws: InputError.self) { try ACLEDFormat(actors: Self.actors).read(bytes: gdeltLike, file: "events.tsv") }
    }

    @Test("the actor table matches any period suffix and prefers the longest pattern")
    func actorTable() throws {
        let table = try ActorTable(
            csv: "pattern,party,note\nMilitary Forces of Russia,RU,\nMilitary Forces of Russia (2000-) Air Force,RUAF,\n", file: "actors.csv")
        #expect(table.party(for: "Military Forces of Russia (2000-)") == "RU")
        #expect(table.party(for: "Military Forces of Russia (2000-) Air Force") == "RUAF")
        #expect(table.party(for: "Military Forces of Russiana") == nil)
        #expect(throws: Diagnostic.self) { try ActorTable(csv: "pattern,party\nX,not a party\n", file: "actors.csv") }
    }

    @Test("target keywords in English, Ukrainian and Russian match at word starts only")
    func keywords() {
        #expect(TargetKeywords.target(in: "удар по підстанції")?.subtype == "substation")
        #expect(TargetKeywords.target(in: "атака на НПЗ")?.subtype == "refinery")
        #expect(TargetKeywords.target(in: "пожежа на нафтобазі")?.subtype == "oil_storage")
        #expect(TargetKeywords.target(in: "обстріл транспорту") == nil)
        #expect(TargetKeywords.target(in: "a warehouse fire")?.category != .civilian)
    }
}

@Suite("Real ACLED exports from the shared data", .enabled(if: SharedData.available, SharedData.absentReason))
struct ACLEDSharedDataTests {
    @Test(
        "both ACLED layouts import with every line accounted for and nothing quarantined",
        arguments: [
            "acled/acled_afghanistan_2020-03_legacy_format.csv", "acled/geosentinel_acled_data_sample.csv",
        ])
    func realFileImports(name: String) throws {
        let url = SharedData.directory.appendingPathComponent(name)
        let table = try ActorTable(
            csv: String(contentsOf: Fixtures.repository.appendingPathComponent("data/actors.csv"), encoding: .utf8), file: "actors.csv")
        let batch = try ACLEDFormat(actors: table).read(bytes: Array(Data(contentsOf: url)), file: url.path)
        #expect(batch.quarantined.isEmpty, "\(batch.quarantined.map(\.reason))")
        #expect(batch.incidents.count == batch.recordsRead)
        #expect(batch.incidents.count == (name.contains("afghanistan") ? 496 : 2))
        #expect(batch.incidents.allSatisfy { $0.sources[0].fields.count == 31 })
    }
}

/// The shared real datasets, beside the checkout at `../shared/data`.
enum SharedData {
    static let directory = Fixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var available: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path) }
    static var absentReason: Comment { "../shared/data is absent: the real-dataset tests are skipped" }
}
