import Foundation
import Testing

/// A store built once, through the `truce` executable as an analyst would, from every real file in
/// ../shared/data with the 2025 catalogue and the Donbas ceasefires of 2015 and 2020.
enum RealData {
    static let directory = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var available: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("ucdp").path) }
    static let skipReason: Comment = "../shared/data (the real ACLED, UCDP and GDELT samples) is not next to the checkout"

    /// The imports, in order: format and file under ../shared/data.
    static let files = [
        ("ucdp", "ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv"),
        ("acled", "acled/acled_afghanistan_2020-03_legacy_format.csv"),
        ("acled", "acled/geosentinel_acled_data_sample.csv"),
        ("gdelt", "gdelt/20161013151500.export.CSV"),
        ("gdelt", "gdelt/20260611091500.translation.export.CSV"),
    ]

    /// The store's path, with what each import printed; built on first use.
    static let store: Swift.Result<(db: String, imports: [String]), any Error> = Result {
        let db = try CLI.temporaryDirectory().appendingPathComponent("real.sqlite").path
        for catalogue in ["agreements/2025", "agreements/donbas"] {
            let loaded = try CLI.run(["agreements", "load", catalogue, "--db", db])
            guard loaded.status == 0 else { throw Failure("agreements load \(catalogue): \(loaded.errors)") }
        }
        var imports: [String] = []
        for (format, file) in files {
            let imported = try CLI.run(["import", format, directory.appendingPathComponent(file).path, "--db", db])
            guard imported.status == 0 else { throw Failure("import \(format) \(file): \(imported.errors)") }
            imports.append(imported.output)
        }
        let judged = try CLI.run(["adjudicate", "--db", db])
        guard judged.status == 0 else { throw Failure("adjudicate: \(judged.errors)") }
        return (db, imports)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `truce verdicts list` as JSON rows.
    static func verdicts(_ arguments: [String]) throws -> [[String: Any]] {
        let db = try store.get().db
        let listed = try CLI.run(["verdicts", "list", "--json", "--all", "--db", db] + arguments)
        guard listed.status == 0 else { throw Failure("verdicts list \(arguments): \(listed.errors)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    }

    /// `truce report --format json` on `agreement`, parsed.
    static func report(_ agreement: String, _ arguments: [String] = []) throws -> [String: Any] {
        let db = try store.get().db
        let out = try CLI.temporaryDirectory().path
        let written = try CLI.run(["report", "--agreement", agreement, "--format", "json", "--out", out, "--db", db] + arguments)
        guard written.status == 0 else { throw Failure("report \(agreement): \(written.errors)") }
        let path = written.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }
}

@Suite("Real data: the ../shared/data files through the real commands", .serialized, .enabled(if: RealData.available, RealData.skipReason))
struct RealDataRegressionTests {
    @Test("every real row is imported, none quarantined")
    func imports() throws {
        let imports = try RealData.store.get().imports
        let expected = ["2989 new", "496 new", "2 new", "3566 new", "956 new"]
        for (printed, count) in zip(imports, expected) {
            #expect(printed.contains(": \(count), 0 updated, 0 unchanged, 0 quarantined"), "\(printed)")
        }
    }

    @Test("the July 2020 ceasefire over the UCDP file: fighting nobody is said to have done counts as violations by an unknown party")
    func unattributedViolationsUnderTheJuly2020Ceasefire() throws {
        let events = try RealData.verdicts(["--agreement", "tcg-ceasefire-2020"])
        let unattributed = events.filter { $0["accused"] == nil && ($0["kind"] as? String) == "violation" }
        #expect(!unattributed.isEmpty)
        #expect(events.allSatisfy { ($0["kind"] as? String) != "insufficient_information" })
    }

    @Test("a GDELT row in Johannesburg is no concern of a Donbas ceasefire")
    func gdeltAbroadIsOutOfScope() throws {
        let listed = try RealData.verdicts(["--agreement", "minsk-ii-ceasefire-2015", "--by", "record"])
        let johannesburg = listed.filter { (($0["verdict"] as? [String: Any])?["incident"] as? String) == "gdelt:588604916" }
        #expect(johannesburg.isEmpty)
    }

    @Test(
        "the July 2020 ceasefire to the end of 2020: 24 alleged violation events from 25 UCDP records, all unattributed, against 12 in the 30 days before"
    )
    func july2020CeasefireReport() throws {
        let report = try RealData.report("tcg-ceasefire-2020", ["--from", "2020-07-27", "--to", "2020-12-31"])
        let analytics = try #require(report["analytics"] as? [String: Any])
        let overall = try #require(analytics["overall"] as? [String: Any])
        #expect(overall["violations"] as? Int == 24 && overall["violationRecords"] as? Int == 25)
        #expect(overall["possibleViolations"] as? Int == 4)
        let rate = try #require(overall["rate"] as? [String: Any])
        #expect(rate["baselineCount"] as? Int == 12 && rate["count"] as? Int == 24)
        #expect(abs((rate["ratio"] as? Double ?? 0) - 0.38) < 0.01)
        // No violation in the last three days of December: the badge follows from the events, not the history.
        #expect(analytics["status"] as? String == "holding")
        let parties = try #require(report["byParty"] as? [[String: Any]])
        #expect(parties.map { $0["key"] as? String } == ["unattributed"])
    }

    @Test("over its whole window the July 2020 ceasefire is collapsed (24 February 2022), with 164 alleged violation events from 167 records")
    func july2020CeasefireWholeWindow() throws {
        let report = try RealData.report("tcg-ceasefire-2020")
        let analytics = try #require(report["analytics"] as? [String: Any])
        let overall = try #require(analytics["overall"] as? [String: Any])
        #expect(overall["violations"] as? Int == 164 && overall["violationRecords"] as? Int == 167)
        #expect(analytics["status"] as? String == "collapsed")
    }

    @Test("the Markdown report's title keeps its quotation marks")
    func markdownTitle() throws {
        let db = try RealData.store.get().db
        let out = try CLI.temporaryDirectory().path
        let written = try CLI.run(["report", "--agreement", "tcg-ceasefire-2020", "--format", "md", "--out", out, "--db", db])
        let text = try String(contentsOfFile: written.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        #expect(text.hasPrefix("# Donbas \"full and comprehensive\" ceasefire"))
    }

    @Test(
        "Minsk II's first four weeks: 34 alleged violation events from 55 UCDP records, against 90 events in the 30 days before (the Debaltseve battle), rate ratio 0.40"
    )
    func minskIIFirstFourWeeks() throws {
        let report = try RealData.report("minsk-ii-ceasefire-2015", ["--from", "2015-02-15", "--to", "2015-03-14"])
        let analytics = try #require(report["analytics"] as? [String: Any])
        let overall = try #require(analytics["overall"] as? [String: Any])
        #expect(overall["violations"] as? Int == 34 && overall["violationRecords"] as? Int == 55)
        let rate = try #require(overall["rate"] as? [String: Any])
        #expect(rate["baselineCount"] as? Int == 90)
        #expect(abs((rate["ratio"] as? Double ?? 0) - 0.40) < 0.01)
        // Fighting went on at Debaltseve on the first day.
        #expect(overall["untilFirstAlleged"] as? Int == 0)
    }

    @Test(
        "the July 2020 ceasefire's HTML report renders in Chromium, kept as a screenshot",
        .enabled(if: chromium != nil, "chromium is not installed (.ci/run installs it)"))
    func july2020CeasefireScreenshot() throws {
        let db = try RealData.store.get().db
        let out = try CLI.temporaryDirectory().path
        let oblasts = RealData.directory.appendingPathComponent("boundaries/geoBoundaries-UKR-ADM1_simplified.geojson").path
        let written = try CLI.run([
            "report", "--agreement", "tcg-ceasefire-2020", "--from", "2020-07-27", "--to", "2020-12-31", "--out", out, "--db", db, "--boundaries",
            oblasts,
        ])
        #expect(written.status == 0, "\(written.errors)")
        let html = written.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let screenshot = try CLI.artefacts().appendingPathComponent("tcg-ceasefire-2020-report.png").path
        try? FileManager.default.removeItem(atPath: screenshot)
        let shot = try CLI.run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,2600", "--screenshot=\(screenshot)",
                "file://\(html)",
            ],
            executable: URL(fileURLWithPath: chromium!))
        #expect(FileManager.default.fileExists(atPath: screenshot), "\(shot.errors)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("unattributed") && text.contains("class=\"map\""))
    }
}
