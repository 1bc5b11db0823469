import Foundation
import Testing

@Suite("Output safety, end to end")
struct OutputSafetyCLITests {
    static let fixtures = CLI.repository.appendingPathComponent("Tests/TruceCLITests/Fixtures")
    /// ESC colour codes, a bell, a carriage return, DEL, a C1 control and a right-to-left override.
    static let controls = "\u{1B}[31mred\u{1B}[0m\u{07}\rback\u{7F}\u{9B}2J\u{202E}txet"

    /// Incidents under the energy moratorium whose text would act on a terminal or a spreadsheet; one row
    /// with a bad country is quarantined with its text.
    static let hostile = """
        id,start,time_zone,country,admin1,place,latitude,longitude,action,target_category,target_name,perpetrator,claimant,claimant_party,description,source_url
        =1+2,2025-03-20,Europe/Kyiv,UA,Kharkiv Oblast,"Kharkiv\(controls)",49.99,36.23,drone_strike,energy,,RU,"@SUM(A1)\(controls)",UA,"Drones\(controls)",https://example.org/1
        hs-2,2025-03-21,Europe/Kyiv,UA,Kharkiv Oblast,新华社大楼,49.99,36.23,drone_strike,energy,,RU,"+1+cmd|' /C calc'!A0",,plain,https://example.org/2
        hs-3,2025-03-22,Europe/Kyiv,UA,"Kharkiv\r\nOblast",Kharkiv,49.99,36.23,drone_strike,energy,,RU,-2+3,,plain,https://example.org/3
        hs-bad,2025-03-22,Europe/Kyiv,"\u{1B}[2JUA",,,,,,,,,Reuters,,,https://example.org/4

        """

    func loaded(_ csv: String, adjudicated: Bool = true) throws -> (directory: URL, db: String) {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let file = directory.appendingPathComponent("hostile.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["import", "truce", file.path, "--db", db]).status == 0)
        if adjudicated { #expect(try CLI.run(["adjudicate", "--db", db]).status == 0) }
        return (directory, db)
    }

    /// Scalars a terminal would act on: everything hidden but the line feed.
    func actingOnTerminal(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
    }

    /// Terminal columns of text: two for the CJK characters the fixture uses, one for the rest.
    func columns(_ text: Substring) -> Int {
        text.reduce(0) { $0 + ($1.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } == true ? 2 : 1) }
    }

    @Test("terminal tables print raw ESC/BEL/CR from incident text: tables, lists and explain show none, aligned")
    func terminalOutputHasNoControls() throws {
        let (_, db) = try loaded(Self.hostile)
        let commands = [
            ["incidents", "list"], ["verdicts", "list"], ["quarantine", "list"], ["explain", "=1+2"], ["agreements", "list"],
        ]
        for command in commands {
            let result = try CLI.run(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(actingOnTerminal(result.output).isEmpty, "\(command): \(actingOnTerminal(result.output))")
        }
        let list = try CLI.run(["incidents", "list", "--db", db]).output
        #expect(list.contains("[31mred[0m back2Jtxet") && list.contains("新华社大楼"))
        // Every row's ACTION column starts where its header does, wide characters and removed controls included.
        let lines = list.split(separator: "\n")
        let header = try #require(lines.first)
        let actionHeader = try #require(header.range(of: "ACTION"))
        let action = columns(header[..<actionHeader.lowerBound])
        for line in lines.dropFirst(2).dropLast() {
            let start = try #require(line.range(of: "drone_strike"), "\(line)").lowerBound
            #expect(columns(line[..<start]) == action, "\(line)")
        }
    }

    @Test("CSV formula injection: verdicts, claims and incidents CSV neutralise formulas, and incidents import back exactly")
    func csvExportsNeutraliseAndReadBack() throws {
        let (directory, db) = try loaded(Self.hostile)
        let verdicts = try CLI.run(["export", "verdicts", "--format", "csv", "--db", db]).output
        #expect(verdicts.contains("\n'=1+2,energy-moratorium-2025,"), "\(verdicts)")
        let claims = try CLI.run(["export", "claims", "--format", "csv", "--db", db]).output
        #expect(claims.contains("\"'+1+cmd|' /C calc'!A0\"") || claims.contains(",'+1+cmd|' /C calc'!A0,"), "\(claims)")
        #expect(claims.contains("'@SUM(A1)") && claims.contains(",'-2+3,"))
        let csv = directory.appendingPathComponent("export.csv").path
        #expect(try CLI.run(["export", "incidents", "--format", "csv", "--out", csv, "--db", db]).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(exported.contains("\n'=1+2,") && !exported.contains("\n=1+2,"))
        let copy = directory.appendingPathComponent("copy.sqlite").path
        #expect(try CLI.run(["import", "truce", csv, "--db", copy]).output == "\(csv): 3 new, 0 updated, 0 unchanged, 0 quarantined\n")
        // Everything read back is what was exported: exporting the copy gives the same file.
        #expect(try CLI.run(["export", "incidents", "--format", "csv", "--db", copy]).output == exported)
    }

    @Test(
        "exports stream a page at a time and stay byte for byte what they were",
        arguments: [
            (["incidents", "--format", "csv"], "incidents.csv"), (["incidents", "--format", "jsonl"], "incidents.jsonl"),
            (["incidents", "--format", "geojson"], "incidents.geojson"), (["verdicts", "--format", "csv"], "verdicts.csv"),
            (["verdicts", "--format", "jsonl"], "verdicts.jsonl"), (["verdicts", "--format", "geojson"], "verdicts.geojson"),
            (["claims", "--format", "csv"], "claims.csv"), (["claims", "--format", "jsonl"], "claims.jsonl"),
            (["claims", "--format", "geojson"], "claims.geojson"),
            (["incidents", "--agreement", "energy-moratorium-2025", "--format", "csv"], "incidents-energy-moratorium.csv"),
            (["verdicts", "--verdict", "violation", "--format", "geojson"], "verdicts-violation.geojson"),
            (["incidents", "--region", "Kharkiv", "--format", "jsonl"], "incidents-kharkiv.jsonl"),
            (["claims", "--party", "RU", "--from", "2025-03-21", "--to", "2025-03-26", "--format", "csv"], "claims-ru.csv"),
        ])
    func exportsMatchGolden(arguments: [String], golden: String) throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", Self.fixtures.appendingPathComponent("export-incidents.csv").path, "--db", db]).status == 0)
        #expect(try CLI.run(["import", "acled", Self.fixtures.appendingPathComponent("export-acled.csv").path, "--db", db]).status == 0)
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("export-golden/\(golden)"), encoding: .utf8)
        let printed = try CLI.run(["export"] + arguments + ["--db", db])
        #expect(printed.status == 0, "\(printed.errors)")
        #expect(printed.output == expected)
        let file = directory.appendingPathComponent(golden).path
        #expect(try CLI.run(["export"] + arguments + ["--db", db, "--out", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.contains(".partial-") })
    }

    @Test("quarantine messages and quarantine show never pass a control character to the terminal; show writes it as an escape")
    func quarantineOutputIsSafe() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("t.sqlite").path
        let file = directory.appendingPathComponent("hostile.csv")
        try Self.hostile.write(to: file, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", "truce", file.path, "--db", db])
        #expect(imported.errors.contains("quarantined"), "\(imported.errors)")
        #expect(actingOnTerminal(imported.errors).isEmpty, "\(imported.errors.debugDescription)")

        let listed = try CLI.run(["quarantine", "list", "--db", db])
        let row = try #require(listed.output.split(separator: "\n").first { $0.first?.isNumber == true })
        let id = try #require(row.split(separator: " ").first)
        let shown = try CLI.run(["quarantine", "show", String(id), "--db", db])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(actingOnTerminal(shown.output).isEmpty, "\(shown.output.debugDescription)")
        #expect(shown.output.contains("\\u{1B}[2JUA"), "\(shown.output)")
    }
}
