import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceEngine
import TruceIngest
import TruceReport
import TruceStore

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

            print("adjudication: \(try Adjudicating.run(store: store, all: false))\n")

            let now = Date()
            let stored = try store.incidents(matching: .all)
            for agreement in try store.agreements() {
                print(AgreementDescription(agreement: agreement, now: now).text)
                let count = ScopeCount.count(stored, against: agreement)
                print("  records: \(count.inWindow) in window, \(count.inScope) in window and scope, \(count.uncertain) possibly in scope (imprecise or missing data); events below")
                print(ViolationTable(verdicts: try store.verdicts(matching: VerdictQuery(agreement: agreement.id))).text + "\n")
            }
            let reports = (dir as NSString).appendingPathComponent("reports")
            for id in ["energy-moratorium-2025", "gaza-ceasefire-2025"] {
                let path = try Reporting.write(
                    store: store, agreement: id, date: nil, from: nil, to: nil, format: .html, directory: reports, boundaries: nil)
                print("report: \(path)")
            }
            print("Next: truce explain ex-2025-029 --db \(databasePath) --agreement energy-moratorium-2025")
        }
    }
}

/// Violation and possible-violation events of one agreement, by accused party and evidence level, with their
/// records: an event reported by several sources counts once.
struct ViolationTable {
    var verdicts: [StoredVerdict]

    var text: String {
        let counted = EventListing(verdicts).rows.filter { $0.kind == .violation || $0.kind == .possibleViolation }
        guard !counted.isEmpty else { return "  violations: none alleged" }
        var table = Table("ACCUSED", "KIND", "SINGLE CLAIM", "CONTESTED", "CORROBORATED", "VERIFIED", "RECORDS")
        let keys = Set(counted.map { "\($0.accused?.rawValue ?? "unattributed")\t\($0.kind.rawValue)" }).sorted()
        for key in keys {
            let parts = key.split(separator: "\t").map(String.init)
            let rows = counted.filter { "\($0.accused?.rawValue ?? "unattributed")\t\($0.kind.rawValue)" == key }
            let cells = EvidenceLevel.allCases.map { level in String(rows.filter { $0.evidence == level }.count) }
            table.add(parts[0], parts[1], cells[0], cells[1], cells[2], cells[3], String(rows.map(\.verdicts.count).reduce(0, +)))
        }
        let lines = table.rendered.split(separator: "\n").map { "    " + $0 }
        return "  events alleged, by accused party and evidence level (an event reported by several records counts once):\n"
            + lines.joined(separator: "\n")
    }
}
