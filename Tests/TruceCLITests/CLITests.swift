import Foundation
import Testing
import TruceTestSupport

/// Runs the built `truce` executable and captures what it prints.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("truce")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/truce")
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(
        _ arguments: [String], in directory: URL = repository, environment: [String: String] = [:], executable: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self))
    }

    /// Where tests keep what a person should look at (report screenshots): `$TRUCE_ARTEFACTS`, else
    /// `.build/artefacts` in the checkout; created on first use.
    static func artefacts() throws -> URL {
        let directory =
            ProcessInfo.processInfo.environment["TRUCE_ARTEFACTS"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent(".build/artefacts")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func temporaryDirectory() throws -> URL {
        let url = try ScratchDirectory.make("truce-cli")
        return url
    }
}

@Suite("The truce executable, end to end")
struct CLITests {
    @Test(
        "every command has --help",
        arguments: [
            [], ["init"], ["agreements"], ["agreements", "validate"], ["agreements", "load"], ["agreements", "list"],
            ["agreements", "show"], ["incidents"], ["incidents", "load"], ["incidents", "list"], ["import"], ["demo"],
        ])
    func helpEverywhere(command: [String]) throws {
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: truce"))
    }

    @Test("the 2025 catalogue validates")
    func catalogueValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.repository.appendingPathComponent("agreements/2025").path)
            .filter { $0.hasSuffix(".yaml") }.map { "agreements/2025/\($0)" }
        let result = try CLI.run(["agreements", "validate"] + files)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "6 files, 6 valid, 0 errors, 0 warnings\n")
    }

    @Test("a broken agreement file exits 1 and prints FILE:LINE: FIELD: message")
    func brokenFileExitsOne() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("energy.yaml")
        let text = try String(contentsOf: CLI.repository.appendingPathComponent("agreements/2025/energy-moratorium-2025.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "kind: partial", with: "kind: partial\nwindow_end: 2025-04-31").write(
            to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["agreements", "validate", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(file.path):"))
        #expect(result.output.contains(": window_end: unknown key 'window_end'"))
    }

    @Test("the demo lists the six agreements with windows in their own zone and in UTC, and a rerun adds nothing")
    func demo() throws {
        let directory = try CLI.temporaryDirectory()
        let first = try CLI.run(["demo", "--dir", directory.path])
        #expect(first.status == 0, "\(first.errors)")
        for id in [
            "gaza-ceasefire-2025", "us-30-day-ceasefire-proposal-2025", "energy-moratorium-2025", "black-sea-arrangement-2025", "easter-truce-2025",
            "victory-day-truce-2025",
        ] {
            #expect(first.output.contains("\n\(id) — "), "\(id)")
        }
        #expect(first.output.contains("window:   2025-04-19 18:00 +03:00 → 2025-04-21 00:00 +03:00  (Europe/Moscow)"))
        #expect(first.output.contains("2025-04-19 15:00Z → 2025-04-20 21:00Z  (UTC)"))
        #expect(first.output.contains("window:   2025-05-08 00:00 +03:00 → 2025-05-11 00:00 +03:00  (Europe/Moscow)"))
        #expect(first.output.contains("2025-01-19 09:15Z → open  (UTC)"))
        #expect(first.output.contains("per UA: 2025-03-25 00:00 +02:00 → 2025-04-24 00:00 +03:00  (Europe/Kyiv)"))
        #expect(first.output.contains("agreements (agreements/2025): 6 new, 0 updated, 0 unchanged, 0 quarantined"))
        let again = try CLI.run(["demo", "--dir", directory.path])
        #expect(again.status == 0)
        #expect(again.output.contains("agreements (agreements/2025): 0 new, 0 updated, 6 unchanged, 0 quarantined"))
        #expect(again.output.contains(": 0 new, 0 updated,"))
    }

    @Test("the demo finds the catalogue from another working directory")
    func demoFromElsewhere() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["demo", "--dir", "out"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/truce.sqlite").path))
    }

    @Test("incidents load is idempotent, quarantines bad rows, and --strict exits 1")
    func incidentsLoad() throws {
        let directory = try CLI.temporaryDirectory()
        let environment = ["TRUCE_DB": directory.appendingPathComponent("t.sqlite").path]
        let fixture = CLI.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/incidents.csv").path
        #expect(try CLI.run(["init"], environment: environment).status == 0)
        let first = try CLI.run(["incidents", "load", fixture], environment: environment)
        #expect(first.status == 0)
        #expect(first.output == "\(fixture): 4 new, 0 updated, 0 unchanged, 8 quarantined\n")
        #expect(first.errors.contains("\(fixture):7: quarantined: start: \"2025-04-31\" is not a date"))
        let strict = try CLI.run(["incidents", "load", "--strict", fixture], environment: environment)
        #expect(strict.status == 1)
        #expect(strict.output == "\(fixture): 0 new, 0 updated, 4 unchanged, 8 quarantined\n")
        let missing = try CLI.run(["incidents", "load", "/nonexistent.csv"], environment: environment)
        #expect(missing.status == 1 && missing.errors.hasPrefix("/nonexistent.csv: cannot be read"))
    }

    @Test("incidents list filters by agreement and prints JSON for scripts")
    func incidentsList() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", "examples/2025/incidents.csv", "--db", db]).status == 0)
        let listed = try CLI.run(["incidents", "list", "--db", db, "--agreement", "easter-truce-2025", "--json"])
        #expect(listed.status == 0)
        let incidents = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(!incidents.isEmpty)
        let table = try CLI.run([
            "incidents", "list", "--db", db, "--party", "RU", "--country", "UA", "--from", "2025-03-18", "--to", "2025-03-25", "--category", "energy",
        ])
        #expect(table.status == 0)
        #expect(table.output.hasPrefix("ID "))
        #expect(table.output.contains(" energy "))
        let bad = try CLI.run(["incidents", "list", "--db", db, "--category", "energetic"])
        #expect(bad.status == 64 && bad.errors.contains("The value 'energetic' is invalid for '--category <category>'"))
    }

    @Test("agreements list, show and show --yaml; an unknown id exits 1")
    func agreementsListAndShow() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        #expect(
            try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).output == "agreements: 6 new, 0 updated, 0 unchanged, 0 quarantined\n")
        let list = try CLI.run(["agreements", "list", "--db", db])
        #expect(list.output.contains("energy-moratorium-2025"))
        let show = try CLI.run(["agreements", "show", "easter-truce-2025", "--db", db])
        #expect(show.output.contains("status today"))
        let yaml = try CLI.run(["agreements", "show", "easter-truce-2025", "--yaml", "--db", db])
        #expect(yaml.output.hasPrefix("id: easter-truce-2025\n"))
        let missing = try CLI.run(["agreements", "show", "no-such", "--db", db])
        #expect(missing.status == 1 && missing.errors.contains("no agreement with id \"no-such\""))
    }

    @Test("import acled: bad rows quarantined, re-import adds nothing, a file of another format fails at once")
    func importACLED() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let fixture = CLI.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/acled.csv").path
        let first = try CLI.run(["import", "acled", fixture, "--db", db])
        #expect(first.status == 0)
        #expect(first.output == "\(fixture): 3 new, 0 updated, 0 unchanged, 4 quarantined\n")
        #expect(first.errors.contains("\(fixture):6: quarantined: event_date: \"31 April 2025\" is not a date"))
        let again = try CLI.run(["import", "acled", fixture, "--db", db, "--strict"])
        #expect(again.status == 1)
        #expect(again.output == "\(fixture): 0 new, 0 updated, 3 unchanged, 4 quarantined\n")
        let truceCSV = CLI.repository.appendingPathComponent("examples/2025/incidents.csv").path
        let wrong = try CLI.run(["import", "acled", truceCSV, "--db", db])
        #expect(wrong.status == 1)
        #expect(wrong.errors.contains("1: header: missing required column(s): event_id_cnty, event_date, event_type, actor1"))
    }

    @Test("a later ACLED timestamp updates the incident and keeps the earlier version; an earlier one changes nothing")
    func acledUpdates() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let fixture = try String(contentsOf: CLI.repository.appendingPathComponent("Tests/TruceIngestTests/Fixtures/acled.csv"), encoding: .utf8)
        let file = directory.appendingPathComponent("acled.csv")
        try fixture.write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "acled", file.path, "--db", db]).status == 0)

        let newer = fixture.replacingOccurrences(
            of: "Saratov,51.5331,46.0342,2,Example Agency,National,", with: "Saratov,51.5331,46.0342,1,Example Agency,National,"
        )
        .replacingOccurrences(of: ",0,,1742947200", with: ",1,,1742990000")
        try newer.write(to: file, atomically: true, encoding: .utf8)
        let update = try CLI.run(["import", "acled", file.path, "--db", db])
        #expect(update.output == "\(file.path): 0 new, 1 updated, 2 unchanged, 4 quarantined\n")

        try fixture.write(to: file, atomically: true, encoding: .utf8)
        let older = try CLI.run(["import", "acled", file.path, "--db", db])
        #expect(older.output == "\(file.path): 0 new, 0 updated, 3 unchanged, 4 quarantined\n")
        let listed = try CLI.run(["incidents", "list", "--db", db, "--country", "RU", "--json"])
        let incidents = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect((incidents.first?["effects"] as? [String: Any])?["fatalities"] as? Int == 1)
    }
}
