import Foundation
import Testing

/// A maritime ceasefire over the Black Sea, judged by the shipped sea outlines end to end.
@Suite("truce adjudicate and explain on a sea scope")
struct SeaCLITests {
    static let agreement = """
        id: black-sea-test
        title: Black Sea ceasefire (test)
        kind: maritime
        time_zone: Europe/Kyiv
        parties:
          - {id: RU, name: Russia, role: party}
          - {id: UA, name: Ukraine, role: party}
        window: {start: 2025-03-01, end: 2025-04-01}
        scope:
          geography:
            include:
              - sea: black_sea
        status:
          - {at: 2025-03-01, status: in_force}
        """

    static let incidents = """
        id,start,time_zone,time_precision,country,place,latitude,longitude,geo_precision,action,target_category,target_subtype,perpetrator,claimant,source_url
        off-odesa,2025-03-20T03:15,Europe/Kyiv,minute,,,46.40,30.90,exact,naval_attack,transport,vessel,RU,Navy of Ukraine,https://example.org/1
        kyiv,2025-03-20T03:15,Europe/Kyiv,minute,UA,Kyiv,50.45,30.52,exact,drone_strike,energy,substation,RU,Ministry of Energy of Ukraine,https://example.org/2
        marmara,2025-03-20T03:15,Europe/Kyiv,minute,TR,,40.75,28.30,exact,naval_attack,transport,vessel,RU,Navy of Ukraine,https://example.org/3
        odesa-oblast,2025-03-20T03:15,Europe/Kyiv,minute,UA,,46.48,30.73,region,naval_attack,transport,vessel,RU,Navy of Ukraine,https://example.org/4
        """

    /// A store holding the agreement and the incidents, as files in a fresh directory.
    static func loaded(in directory: URL, executable: URL = CLI.executable) throws -> String {
        let agreement = directory.appendingPathComponent("black-sea.yaml")
        let incidents = directory.appendingPathComponent("sea.csv")
        try Self.agreement.write(to: agreement, atomically: true, encoding: .utf8)
        try Self.incidents.write(to: incidents, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("t.sqlite").path
        let loadedAgreement = try CLI.run(["agreements", "load", agreement.path, "--db", db], executable: executable)
        #expect(loadedAgreement.status == 0, "\(loadedAgreement.errors)")
        let loadedIncidents = try CLI.run(["incidents", "load", incidents.path, "--db", db], executable: executable)
        #expect(loadedIncidents.status == 0, "\(loadedIncidents.errors)")
        return db
    }

    @Test(
        "a naval attack off Odesa with no country violates a Black Sea ceasefire; Kyiv and the Sea of Marmara lie outside; an Odesa Oblast record is open"
    )
    func blackSeaCeasefire() throws {
        let db = try Self.loaded(in: try CLI.temporaryDirectory())
        let judged = try CLI.run(["adjudicate", "--db", db])
        #expect(judged.status == 0, "\(judged.errors)")
        #expect(judged.output.contains("1 violation, 1 possible_violation"), "\(judged.output)")
        #expect(!judged.errors.contains("sea outlines"), "the bundled outlines are found: \(judged.errors)")

        let atSea = try CLI.run(["explain", "off-odesa", "--db", db])
        #expect(atSea.output.contains("black-sea-test: violation"), "\(atSea.output)")
        #expect(atSea.output.contains("place      pass: the point 46.4, 30.9 lies in Black Sea (black_sea)"), "\(atSea.output)")
        for onLand in ["kyiv", "marmara"] {
            let explained = try CLI.run(["explain", onLand, "--db", db])
            #expect(explained.output.contains("black-sea-test: out_of_scope"), "\(explained.output)")
            #expect(explained.output.contains("lies outside Black Sea (black_sea)"), "\(explained.output)")
        }
        let coarse = try CLI.run(["explain", "odesa-oblast", "--db", db])
        #expect(coarse.output.contains("black-sea-test: possible_violation"), "\(coarse.output)")
        #expect(
            coarse.output.contains("place      unknown, imprecise: UA: cannot tell whether it lies in Black Sea (black_sea) (precision: region)"),
            "\(coarse.output)")
    }

    @Test("a binary without its resource bundle says the sea outlines are missing and leaves the point open")
    func missingSeaOutlines() throws {
        let (executable, work) = try BundledFilesCLITests.copiedBinary(withBundle: false)
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        let db = try Self.loaded(in: work, executable: executable)
        let explained = try CLI.run(["explain", "off-odesa", "--db", db], executable: executable)
        #expect(explained.errors.contains("data/boundaries/seas.geojson"), "\(explained.errors)")
        #expect(explained.output.contains("no outline of black_sea is loaded"), "\(explained.output)")
    }
}
