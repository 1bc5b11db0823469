import Foundation
import Testing

/// `verdicts list`, `export` and `incidents list` read --agreement, --party, --from and --to through one option
/// group: the same options, the same help, the same selection.
@Suite("the filters verdicts list, export and incidents list share")
struct SharedFilterCLITests {
    /// Four energy strikes: two by RU in Ukraine inside the energy moratorium (Kharkiv, Odesa), one by RU before
    /// it, one by UA in Russia inside it.
    static let incidents = """
        id,start,end,time_zone,time_precision,country,admin1,place,latitude,longitude,geo_precision,action,target_category,target_subtype,target_name,perpetrator,claimant,claimant_party,fatalities,injured,description,source_url,source_published
        sf-ru-kharkiv,2025-03-22T10:00,,UTC,minute,UA,Kharkiv Oblast,Kharkiv,49.9935,36.2304,locality,drone_strike,energy,power_plant,Kharkiv power plant,RU,Ukrenergo,UA,,,Drones hit a power plant in Kharkiv.,https://example.org/sf-1,2025-03-22
        sf-ru-odesa,2025-03-24T10:00,,UTC,minute,UA,Odesa Oblast,Odesa,46.4825,30.7233,locality,drone_strike,energy,substation,Odesa substation,RU,Ukrenergo,UA,,,Drones hit a substation in Odesa.,https://example.org/sf-2,2025-03-24
        sf-ru-early,2025-03-10T10:00,,UTC,minute,UA,Kharkiv Oblast,Kharkiv,49.9935,36.2304,locality,drone_strike,energy,power_plant,Kharkiv power plant,RU,Ukrenergo,UA,,,Drones hit a power plant before the moratorium.,https://example.org/sf-3,2025-03-10
        sf-ua-belgorod,2025-03-23T10:00,,UTC,minute,RU,Belgorod Oblast,Belgorod,50.5997,36.5983,locality,drone_strike,energy,substation,Belgorod substation,UA,Russian MoD,RU,,,Drones hit a substation in Belgorod.,https://example.org/sf-4,2025-03-23

        """

    /// A judged database with the 2025 catalogue and the incidents above.
    static let judged: Swift.Result<String, any Error> = Result {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let csv = directory.appendingPathComponent("incidents.csv")
        try incidents.write(to: csv, atomically: true, encoding: .utf8)
        for arguments in [["agreements", "load", "agreements/2025"], ["incidents", "load", csv.path], ["adjudicate"]] {
            let run = try CLI.run(arguments + ["--db", db])
            guard run.status == 0 else { throw RealData.Failure("\(arguments): \(run.errors)") }
        }
        return db
    }

    /// The ids of the incidents each command selects with `filters`: the incidents listed, the incidents exported,
    /// the incidents of the verdicts listed.
    static func selected(_ filters: [String]) throws -> (listed: Set<String>, exported: Set<String>, judged: Set<String>) {
        let db = try judged.get()
        let listed = try CLI.run(["incidents", "list", "--json", "--db", db] + filters)
        let exported = try CLI.run(["export", "incidents", "--format", "jsonl", "--db", db] + filters)
        let verdicts = try CLI.run(["verdicts", "list", "--by", "record", "--all", "--json", "--db", db] + filters)
        for run in [listed, exported, verdicts] { #expect(run.status == 0, "\(filters): \(run.errors)") }
        let objects = { (json: String) throws -> [[String: Any]] in
            try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        }
        let lines = try exported.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (
            Set(try objects(listed.output).compactMap { $0["id"] as? String }), Set(lines.compactMap { $0["id"] as? String }),
            Set(try objects(verdicts.output).compactMap { ($0["verdict"] as? [String: Any])?["incident"] as? String })
        )
    }

    @Test(
        "the three commands list --agreement, --party, --from and --to, with the same help for party and days",
        arguments: [
            ["verdicts", "list"], ["export"], ["incidents", "list"],
        ])
    func sameOptionsAndHelp(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.status == 0)
        let words = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for option in [
            "--agreement <agreement> Only ",
            "--party <party> Only incidents attributed to this party (e.g. RU).",
            "--from <YYYY-MM-DD> Only incidents on or after this day: a day in the agreement's time zone with --agreement, else in UTC.",
            "--to <YYYY-MM-DD> Only incidents on or before this day: a day in the agreement's time zone with --agreement, else in UTC.",
        ] {
            #expect(words.contains(option), "\(command): no \(option)")
        }
    }

    @Test("--party, --from and --to select the same incidents in incidents list, export incidents and verdicts list")
    func partyAndDaysSelectTheSame() throws {
        let selected = try Self.selected(["--party", "RU", "--from", "2025-03-20", "--to", "2025-03-31"])
        #expect(selected.listed == ["sf-ru-kharkiv", "sf-ru-odesa"])
        #expect(selected.exported == selected.listed)
        #expect(selected.judged == selected.listed)
    }

    @Test("--agreement with --party and days selects the same incidents in the three commands, days in the agreement's zone")
    func agreementSelectsTheSame() throws {
        let selected = try Self.selected(["--agreement", "energy-moratorium-2025", "--party", "RU", "--to", "2025-03-23"])
        #expect(selected.listed == ["sf-ru-kharkiv"])
        #expect(selected.exported == selected.listed)
        #expect(selected.judged == selected.listed)
    }

    @Test("--region selects the same verdicts' incidents in verdicts list and export")
    func regionSelectsTheSame() throws {
        let db = try Self.judged.get()
        let filters = ["--region", "Kharkiv", "--party", "RU", "--from", "2025-03-20", "--db", db]
        let listed = try CLI.run(["verdicts", "list", "--by", "record", "--json"] + filters)
        let exported = try CLI.run(["export", "verdicts", "--format", "jsonl"] + filters)
        #expect(listed.status == 0 && exported.status == 0, "\(listed.errors) \(exported.errors)")
        let listedIncidents = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
            .compactMap { ($0["verdict"] as? [String: Any])?["incident"] as? String }
        let exportedIncidents = try exported.output.split(separator: "\n").compactMap {
            ((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["verdict"] as? [String: Any])?["incident"] as? String
        }
        #expect(listedIncidents == ["sf-ru-kharkiv"])
        #expect(exportedIncidents == listedIncidents)
    }

    @Test(
        "a bad day, a bad format and a bad verdict are refused the same way by each command that takes them, naming the option",
        arguments: [
            (["verdicts", "list", "--from", "2025-3-1"], "'--from <YYYY-MM-DD>': not a day"),
            (["export", "incidents", "--to", "2025-03-32"], "'--to <YYYY-MM-DD>': 2025-03 has 31 days"),
            (["incidents", "list", "--to", "2025-03-32"], "'--to <YYYY-MM-DD>': 2025-03 has 31 days"),
            (["export", "verdicts", "--format", "pdf"], "'--format <format>'. Please provide one of 'csv', 'geojson' or 'jsonl'."),
            (["verdicts", "list", "--verdict", "breach"], "'--verdict <verdict>'. Please provide one of"),
            (["export", "claims", "--verdict", "breach"], "'--verdict <verdict>'. Please provide one of"),
        ])
    func badValuesNameTheOption(arguments: [String], message: String) throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == 64, "\(arguments): \(result.errors)")
        #expect(result.errors.contains("Error: The value '\(arguments[arguments.count - 1])' is invalid for \(message)"), "\(result.errors)")
    }
}
