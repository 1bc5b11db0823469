import Foundation
import Testing

@Suite("truce adjudicate, explain and verdicts, end to end")
struct AdjudicationCLITests {
    func loadedDatabase() throws -> String {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", "examples/2025/incidents.csv", "--db", db]).status == 0)
        return db
    }

    @Test("an incremental run after --all gives identical verdicts, and a run with nothing new judges nothing")
    func incrementalEqualsAll() throws {
        let db = try loadedDatabase()
        let first = try CLI.run(["adjudicate", "--db", db])
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("judged 78 new or changed incident(s) against 6 agreement(s)"))
        let incremental = try CLI.run(["verdicts", "list", "--db", db, "--json", "--all"]).output
        #expect(try CLI.run(["adjudicate", "--db", db]).output.hasPrefix("judged 0 new or changed incident(s)"))

        #expect(try CLI.run(["import", "acled", "examples/2025/acled-format-sample.csv", "--db", db]).status == 0)
        #expect(try CLI.run(["adjudicate", "--db", db]).output.hasPrefix("judged 15 new or changed incident(s)"))
        let afterImport = try CLI.run(["verdicts", "list", "--db", db, "--json", "--all"]).output
        #expect(try CLI.run(["adjudicate", "--all", "--db", db]).status == 0)
        let all = try CLI.run(["verdicts", "list", "--db", db, "--json", "--all"]).output
        #expect(afterImport == all)
        #expect(incremental != all)
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(all.utf8)) as? [[String: Any]])
        #expect(verdicts.count > 40)
    }

    @Test("verdicts list filters by agreement, party, verdict, evidence and region")
    func filters() throws {
        let db = try loadedDatabase()
        _ = try CLI.run(["adjudicate", "--db", db])
        let listed = try CLI.run([
            "verdicts", "list", "--db", db, "--agreement", "energy-moratorium-2025", "--party", "RU", "--verdict", "violation", "--json", "--by",
            "record",
        ])
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(!verdicts.isEmpty)
        #expect(
            verdicts.allSatisfy { ($0["perpetrator"] as? String) == "RU" && (($0["verdict"] as? [String: Any])?["kind"] as? String) == "violation" })
        let kursk = try CLI.run(["verdicts", "list", "--db", db, "--region", "Курська", "--json", "--by", "record"])
        let inKursk = try #require(try JSONSerialization.jsonObject(with: Data(kursk.output.utf8)) as? [[String: Any]])
        #expect(!inKursk.isEmpty && inKursk.allSatisfy { ($0["admin1"] as? String)?.hasPrefix("Kursk") == true })
        #expect(try CLI.run(["verdicts", "list", "--db", db, "--evidence", "sure"]).status == 64)
    }

    @Test("explain shows the event the last adjudication stored, the same as it links before one")
    func explainReadsStoredEvent() throws {
        let db = try loadedDatabase()
        let fresh = try CLI.run(["explain", "ex-2025-029", "--agreement", "energy-moratorium-2025", "--db", db])
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)
        let stored = try CLI.run(["explain", "ex-2025-029", "--agreement", "energy-moratorium-2025", "--db", db])
        #expect(stored.status == 0 && stored.output == fresh.output)
        #expect(stored.output.contains("evidence: contested (linked with ex-2025-028)"))
    }

    @Test("explain prints every clause with the value it looked at and the source it came from")
    func explain() throws {
        let db = try loadedDatabase()
        let explained = try CLI.run(["explain", "ex-2025-029", "--agreement", "energy-moratorium-2025", "--db", db])
        #expect(explained.status == 0, "\(explained.errors)")
        for clause in ["time", "place", "party", "target", "action"] {
            #expect(explained.output.contains("\n  \(clause) "), "\(clause)")
        }
        #expect(explained.output.contains("source:  truce-csv incidents.csv:"))
        #expect(explained.output.contains("energy-moratorium-2025: violation"))
        // Russia says Ukraine blew the Sudzha station up, Ukraine says Russia shelled it: one contested event.
        #expect(explained.output.contains("evidence: contested (linked with ex-2025-028)"), "\(explained.output)")
        let everywhere = try CLI.run(["explain", "ex-2025-029", "--db", db])
        #expect(everywhere.output.contains("gaza-ceasefire-2025: out_of_scope"))
        #expect(try CLI.run(["explain", "nope", "--db", db]).status == 1)
    }
}

@Suite("truce explain on the adjudication cases")
struct ExplainCasesTests {
    static let cases: [(incident: String, agreement: String, verdict: String, evidence: String?)] = [
        ("substation-20-march", "energy-moratorium-2025", "violation", "corroborated"),
        ("substation-10-march", "energy-moratorium-2025", "out_of_scope", nil),
        ("residential-20-march", "energy-moratorium-2025", "not_a_violation", nil),
        ("sudzha-ru-claim", "energy-moratorium-2025", "insufficient_information", "contested"),
        ("substation-22-march", "energy-moratorium-2025", "violation", nil),
        ("refinery-22-march", "energy-moratorium-2025", "possible_violation", nil),
        ("easter-1730", "easter-truce-2025", "out_of_scope", nil),
        ("easter-1830", "easter-truce-2025", "violation", nil),
        ("easter-ukrainian", "easter-truce-2025", "out_of_scope", nil),
        ("gaza-before-collapse", "gaza-ceasefire-2025", "violation", nil),
        ("gaza-after-collapse", "gaza-ceasefire-2025", "out_of_scope", nil),
    ]

    @Test("every case shows each clause, its verdict and its evidence")
    func everyCaseExplained() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let fixture = CLI.repository.appendingPathComponent("Tests/TruceCLITests/Fixtures/adjudication-cases.csv").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", fixture, "--db", db]).status == 0)
        for item in Self.cases {
            let explained = try CLI.run(["explain", item.incident, "--agreement", item.agreement, "--db", db])
            #expect(explained.status == 0)
            #expect(explained.output.contains("\(item.agreement): \(item.verdict)"), "\(item.incident): \(explained.output)")
            for clause in ["time", "place", "party", "target", "action"] {
                #expect(explained.output.contains("\n  \(clause) "), "\(item.incident) lacks \(clause)")
            }
            if let evidence = item.evidence {
                #expect(explained.output.contains("evidence: \(evidence)"), "\(item.incident)")
            }
        }
        let disputed = try CLI.run(["explain", "refinery-22-march", "--agreement", "energy-moratorium-2025", "--db", db])
        #expect(disputed.output.contains("time       unknown, disputed: "))
    }
}

/// Whether Python's `geojson` package, the independent validator, is installed (.ci/run installs it).
let pythonHasGeoJSON: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import geojson"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("truce export, end to end")
struct ExportCLITests {
    @Test("exported incidents as CSV import back with truce import truce")
    func csvRoundTripsThroughImport() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["incidents", "load", "examples/2025/incidents.csv", "--db", db]).status == 0)
        #expect(try CLI.run(["import", "acled", "examples/2025/acled-format-sample.csv", "--db", db]).status == 0)
        let csv = directory.appendingPathComponent("export.csv").path
        #expect(try CLI.run(["export", "incidents", "--format", "csv", "--out", csv, "--db", db]).status == 0)
        let copy = directory.appendingPathComponent("copy.sqlite").path
        let imported = try CLI.run(["import", "truce", csv, "--db", copy])
        #expect(imported.output == "\(csv): 93 new, 0 updated, 0 unchanged, 0 quarantined\n")
        let before = try CLI.run(["incidents", "list", "--db", db, "--country", "UA", "--party", "RU"]).output
        let after = try CLI.run(["incidents", "list", "--db", copy, "--country", "UA", "--party", "RU"]).output
        #expect(before.split(separator: "\n").count == after.split(separator: "\n").count)
    }

    @Test(
        "exported GeoJSON passes an independent validator (Python's geojson)",
        .enabled(if: pythonHasGeoJSON, "Python's geojson package is not installed (.ci/run installs it)"))
    func geoJSONIsValid() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", "examples/2025/incidents.csv", "--db", db]).status == 0)
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)
        for kind in ["incidents", "verdicts", "claims"] {
            let file = directory.appendingPathComponent("\(kind).geojson").path
            #expect(try CLI.run(["export", kind, "--format", "geojson", "--out", file, "--db", db]).status == 0)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = [
                "python3", "-c",
                """
                import geojson, sys
                data = geojson.load(open(sys.argv[1]))
                assert data.is_valid, data.errors()
                assert data["type"] == "FeatureCollection" and len(data["features"]) > 0
                for feature in data["features"]:
                    assert feature.is_valid, feature.errors()
                    if feature["geometry"] is not None:
                        lon, lat = feature["geometry"]["coordinates"]
                        assert -180 <= lon <= 180 and -90 <= lat <= 90
                        assert 20 <= lon <= 50 and 29 <= lat <= 53, (lon, lat)  # Ukraine, Russia's border, Gaza: longitude first
                """, file,
            ]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "\(kind)")
        }
        let verdicts = try CLI.run(["export", "verdicts", "--format", "csv", "--agreement", "easter-truce-2025", "--db", db])
        #expect(verdicts.output.hasPrefix("incident,agreement,verdict,evidence,"))
        // One claim a row, and two for ex-2025-029: Ukraine's denial that it struck Sudzha and its counter-claim.
        #expect(try CLI.run(["export", "claims", "--format", "jsonl", "--db", db]).output.split(separator: "\n").count == 79)
    }
}
