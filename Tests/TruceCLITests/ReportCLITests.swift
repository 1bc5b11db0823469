import Foundation
import Testing

/// Headless Chromium, when installed (.ci/run installs Debian's `chromium`).
let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite("truce report, end to end")
struct ReportCLITests {
    func database() throws -> (directory: URL, db: String) {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", "examples/2025/incidents.csv", "--db", db]).status == 0)
        return (directory, db)
    }

    @Test("Markdown and JSON reports carry the summary, the breakdowns and the notable incidents")
    func markdownAndJSON() throws {
        let (directory, db) = try database()
        let out = directory.appendingPathComponent("reports").path
        let md = try CLI.run([
            "report", "--agreement", "energy-moratorium-2025", "--from", "2025-03-18", "--to", "2025-03-31", "--format", "md", "--out", out, "--db",
            db,
        ])
        #expect(md.status == 0, "\(md.errors)")
        let markdown = try String(contentsOfFile: md.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        for heading in [
            "## Summary", "## Alleged violations by day (events)", "## By party", "## By region", "## By target", "## Casualties as claimed",
            "## Claims and who made them", "## Notable events",
        ] {
            #expect(markdown.contains(heading), "\(heading)")
        }
        #expect(markdown.contains("| 2025-03-18 |") && markdown.contains("| 2025-03-31 |") && !markdown.contains("| 2025-04-01 |"))
        let json = try CLI.run(["report", "--agreement", "gaza-ceasefire-2025", "--date", "2025-03-18", "--format", "json", "--out", out, "--db", db])
        let object = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: json.output.trimmingCharacters(in: .whitespacesAndNewlines)))) as? [String: Any])
        #expect(object["from"] as? String == "2025-03-18" && object["to"] as? String == "2025-03-18")
        #expect((object["analytics"] as? [String: Any])?["status"] as? String == "collapsed")
        #expect(try CLI.run(["report", "--agreement", "nope", "--db", db]).status == 1)
        #expect(
            try CLI.run(["report", "--agreement", "gaza-ceasefire-2025", "--date", "2025-03-18", "--from", "2025-03-01", "--db", db]).status == 64)
    }

    @Test(
        "the HTML report renders in headless Chromium without console errors, with its chart and map",
        .enabled(if: chromium != nil, "chromium is not installed (.ci/run installs it)"))
    func htmlRendersInChromium() throws {
        let (directory, db) = try database()
        let boundaries = CLI.repository.deletingLastPathComponent().appendingPathComponent(
            "shared/data/boundaries/geoBoundaries-UKR-ADM1_simplified.geojson"
        ).path
        var arguments = ["report", "--agreement", "energy-moratorium-2025", "--out", directory.path, "--db", db]
        if FileManager.default.fileExists(atPath: boundaries) { arguments += ["--boundaries", boundaries] }
        let written = try CLI.run(arguments)
        #expect(written.status == 0, "\(written.errors)")
        let html = written.output.trimmingCharacters(in: .whitespacesAndNewlines)

        // The screenshot is kept as a test artefact.
        let artefacts = try CLI.artefacts()
        let screenshot = artefacts.appendingPathComponent("energy-moratorium-report.png").path
        try? FileManager.default.removeItem(atPath: screenshot)
        let shot = try run(
            chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,3000", "--enable-logging=stderr", "--v=0",
                "--screenshot=\(screenshot)", "file://\(html)",
            ])
        #expect(FileManager.default.fileExists(atPath: screenshot), "\(shot.errors)")
        let consoleErrors = shot.errors.split(separator: "\n").filter { $0.contains("CONSOLE") && ($0.contains("Error") || $0.contains("Uncaught")) }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")

        let dom = try run(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(html)"]).output
        for element in [
            "class=\"chart time-series\"", "class=\"bar single_claim\"", "class=\"window\"", "class=\"map\"", "class=\"incident violation\"",
            "class=\"chart bars\"", "id=\"notable\"",
        ] {
            #expect(dom.contains(element), "missing \(element)")
        }
        #expect(dom.contains("path class=\"outline\""))  // the given oblasts, or the bundled country outlines
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
