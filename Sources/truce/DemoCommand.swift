import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceEngine
import TruceReport

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a database, load the 2025 catalogue, the example incidents and an ACLED-format sample, and describe each agreement.",
        discussion: "Safe to run again: loads are idempotent, so a second run reports 0 new.")

    @Option(help: "Directory for the demo database (created if missing).")
    var dir = "demo"

    @Option(help: "Agreement catalogue directory (default: the bundled agreements/2025).")
    var catalog: String?

    @Option(help: "Example incidents CSV (default: the bundled examples/2025/incidents.csv).")
    var incidents: String?

    @Option(help: "An ACLED-format sample to import (default: the bundled examples/2025/acled-format-sample.csv).")
    var acled: String?

    func run() throws {
        try reportingFailures {
            let files = try Demo.files(catalogue: catalog, incidents: incidents, acled: acled)
            let databasePath = try Demo.databasePath(in: dir)
            let store = try StoreOptions(db: databasePath).open()
            let observer = TerminalObserver()
            print("Truce demo — database \(databasePath)\n")

            print("agreements (\(files.catalogue.name)): \(try Demo.loadCatalogue(files.catalogue, into: store, observer: observer))")
            print("incidents (\(files.incidents.name)): \(try Demo.importIncidents(files.incidents, into: store, observer: observer))")
            print("ACLED-format sample (\(files.acled.name)): \(try Demo.importACLEDSample(files.acled, into: store, observer: observer))\n")

            print("adjudication: \(try Adjudicating.run(store: store, all: false, observer: observer))\n")

            let now = Date()
            for summary in try Demo.agreementSummaries(in: store) {
                print(AgreementDescription(agreement: summary.agreement, now: now).text)
                let count = summary.records
                print(
                    "  records: \(count.inWindow) in window, \(count.inScope) in window and scope, \(count.uncertain) possibly in scope (imprecise or missing data); events below"
                )
                print(Self.violationTable(summary.violations) + "\n")
            }
            let reports = (dir as NSString).appendingPathComponent("reports")
            for id in Demo.reportedAgreements {
                let path = try ReportCommand.write(ReportRequest(agreement: id, format: .html), into: reports, store: store, observer: observer)
                print("report: \(path)")
            }
            print("Next: truce explain ex-2025-029 --db \(databasePath) --agreement energy-moratorium-2025")
        }
    }

    /// Violation and possible-violation events of one agreement, by accused party and evidence level, with their
    /// records: an event reported by several sources counts once.
    static func violationTable(_ tally: ViolationTally) -> String {
        guard !tally.rows.isEmpty else { return "  violations: none alleged" }
        var table = Table("ACCUSED", "KIND", "SINGLE CLAIM", "CONTESTED", "CORROBORATED", "VERIFIED", "RECORDS")
        for row in tally.rows {
            table.add([row.accused, row.kind.rawValue] + row.events.map(String.init) + [String(row.records)])
        }
        let lines = table.rendered.split(separator: "\n").map { "    " + $0 }
        return "  events alleged, by accused party and evidence level (an event reported by several records counts once):\n"
            + lines.joined(separator: "\n")
    }
}
