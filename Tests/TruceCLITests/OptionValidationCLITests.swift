import Foundation
import Testing

@Suite("Option values, end to end")
struct OptionValidationCLITests {
    @Test(
        "--from 2025-02-30, --from yesterday, --verdict guilty exit 1 instead of 64: every wrong value is a usage error naming the option and the form",
        arguments: [
            (["incidents", "list", "--from", "2025-02-30"], "'--from <YYYY-MM-DD>': 2025-02 has 28 days"),
            (["incidents", "list", "--from", "yesterday"], "'--from <YYYY-MM-DD>': not a day: write it as YYYY-MM-DD"),
            (["incidents", "list", "--to", "2025-13-01"], "'--to <YYYY-MM-DD>': there is no month 13"),
            (["incidents", "list", "--from", "0000-01-01"], "'--from <YYYY-MM-DD>': there is no year 0"),
            (["incidents", "list", "--from", "2025-03-18T10:00"], "'--from <YYYY-MM-DD>': not a day"),
            (["incidents", "list", "--category", "food"], "'--category <category>'. Please provide one of the following:\n  - energy"),
            (["verdicts", "list", "--verdict", "guilty"], "'--verdict <verdict>'. Please provide one of 'violation', 'possible_violation'"),
            (["verdicts", "list", "--evidence", "sure"], "'--evidence <evidence>'. Please provide one of 'single_claim'"),
            (["verdicts", "list", "--to", "2024-02-30"], "'--to <YYYY-MM-DD>': 2024-02 has 29 days"),
            (["export", "incidents", "--format", "xml"], "'--format <format>'. Please provide one of 'csv', 'geojson' or 'jsonl'."),
            (["export", "verdicts", "--verdict", "guilty"], "'--verdict <verdict>'"),
            (["export", "claims", "--evidence", "certain"], "'--evidence <evidence>'"),
            (["export", "incidents", "--from", "2025-04-31"], "'--from <YYYY-MM-DD>': 2025-04 has 30 days"),
            (["report", "--agreement", "energy-moratorium-2025", "--date", "2025-02-30"], "'--date <YYYY-MM-DD>': 2025-02 has 28 days"),
            (["report", "--agreement", "energy-moratorium-2025", "--from", "yesterday"], "'--from <YYYY-MM-DD>'"),
            (["report", "--agreement", "energy-moratorium-2025", "--to", "2025-00-10"], "'--to <YYYY-MM-DD>': there is no month 0"),
            (
                ["report", "--agreement", "energy-moratorium-2025", "--format", "pdf"],
                "'--format <format>'. Please provide one of 'html', 'md' or 'json'."
            ),
        ])
    func wrongValuesAreUsageErrors(arguments: [String], message: String) throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == 64, "\(arguments): \(result.errors)")
        #expect(result.errors.contains("Error: The value '\(arguments[arguments.count - 1])' is invalid for \(message)"), "\(result.errors)")
    }

    @Test(
        "an unknown import format, an --after no listing printed and a --limit under 1 are usage errors naming the argument and the value",
        arguments: [
            (["import", "xml", "incidents.xml"], "xml", "'<format>'. Please provide one of 'acled', 'ucdp', 'gdelt' or 'truce'."),
            (
                ["verdicts", "list", "--after", "not-a-position"], "not-a-position",
                "'--after <after>': not a position printed by `truce verdicts list`"
            ),
            (
                ["verdicts", "list", "--limit", "0"], "0",
                "'--limit <limit>': not a number of rows: write a whole number, at least 1 (use --all for every row)"
            ),
            (["incidents", "list", "--limit", "ten"], "ten", "'--limit <limit>': not a number of rows"),
            (["incidents", "list", "--limit=-3"], "-3", "'--limit <limit>': not a number of rows"),
        ])
    func wrongArgumentsAreUsageErrors(arguments: [String], value: String, message: String) throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == 64, "\(arguments): \(result.errors)")
        #expect(result.errors.contains("Error: The value '\(value)' is invalid for \(message)"), "\(result.errors)")
    }

    @Test("days that exist, leap days included, and every listed value are accepted")
    func rightValuesAccepted() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let reports = try CLI.temporaryDirectory().path
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        for arguments in [
            ["incidents", "list", "--from", "2024-02-29", "--to", "2025-12-31", "--category", "energy"],
            ["verdicts", "list", "--verdict", "possible_violation", "--evidence", "corroborated", "--from", "0001-01-01"],
            ["export", "claims", "--format", "geojson", "--verdict", "violation"],
            ["report", "--agreement", "energy-moratorium-2025", "--date", "2025-03-20", "--format", "md", "--out", reports],
        ] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.errors)")
        }
    }

    @Test("--help lists the values of closed options and the form of days")
    func helpListsValues() throws {
        let verdicts = try CLI.run(["verdicts", "list", "--help"]).output
        #expect(verdicts.contains("--from <YYYY-MM-DD>") && verdicts.contains("(values: violation,"))
        #expect(verdicts.contains("single_claim,") && verdicts.contains("verified)"))
        #expect(try CLI.run(["export", "--help"]).output.contains("(values: csv, geojson, jsonl"))
        #expect(try CLI.run(["report", "--help"]).output.contains("(values: html, md, json"))
        #expect(try CLI.run(["incidents", "list", "--help"]).output.contains("(values: energy, civilian"))
        #expect(try CLI.run(["import", "--help"]).output.contains("(values: acled, ucdp, gdelt, truce)"))
        #expect(verdicts.contains("(default: 100)"))
    }
}
