import ArgumentParser
import Foundation
import TruceCore
import TruceEngine
import TruceStore

struct AdjudicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate",
        abstract: "Judge incidents against every agreement in force at their time and place; store verdicts and evidence.",
        discussion: """
            Incremental: only incidents and agreements that are new or changed since the last run (or judged by \
            other rules) are judged; --all judges everything again and gives the same verdicts. Out-of-scope pairs \
            are not stored; `truce explain` shows them.
            """)

    @Flag(name: .long, help: "Judge every incident against every agreement again.")
    var all = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let summary = try Adjudicating.run(store: try store.open(), all: all)
            print(summary)
        }
    }
}

/// The adjudication step shared by `truce adjudicate` and `truce demo`.
enum Adjudicating {
    static func run(store: some VerdictStore, all: Bool) throws -> String {
        let rules = Adjudicator.rulesVersion
        if all { try store.resetAdjudication() }
        let changedIncidents = try store.incidentsAwaitingAdjudication(rulesVersion: rules)
        let changedAgreements = try store.agreementsAwaitingAdjudication(rulesVersion: rules)
        let agreements = try store.agreements()
        let incidents = try store.incidents(matching: .all)

        var verdicts = Adjudication.verdicts(
            incidents: incidents.filter { changedIncidents.contains($0.id) }, agreements: agreements)
        let unchanged = incidents.filter { !changedIncidents.contains($0.id) }
        verdicts += Adjudication.verdicts(
            incidents: unchanged, agreements: agreements.filter { changedAgreements.contains($0.id) })
        try store.save(
            AdjudicationRun(incidents: Array(changedIncidents), agreements: Array(changedAgreements), verdicts: verdicts, rulesVersion: rules))
        try store.save(evidence: Adjudication.evidence(for: incidents))

        let counts = Dictionary(grouping: verdicts, by: \.kind).mapValues(\.count)
        let found = VerdictKind.allCases.filter { $0 != .outOfScope }.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return "judged \(changedIncidents.count) new or changed incident(s) against \(agreements.count) agreement(s) and "
            + "\(changedAgreements.count) new or changed agreement(s) against \(incidents.count) incident(s): "
            + found.joined(separator: ", ")
    }
}
