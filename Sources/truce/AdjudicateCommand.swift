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
        // Read in one snapshot and judged without the write lock; saving leaves out whatever an import changed
        // meanwhile, which awaits the next run.
        let input = try store.adjudicationInput(rulesVersion: rules)
        let (incidents, agreements) = (input.incidents, input.agreements)
        let (changedIncidents, changedAgreements) = (input.awaitingIncidents, input.awaitingAgreements)

        let judge = Bundled.judge
        var verdicts = Adjudication.verdicts(
            incidents: incidents.filter { changedIncidents.contains($0.id) }, agreements: agreements, judge: judge)
        let unchanged = incidents.filter { !changedIncidents.contains($0.id) }
        verdicts += Adjudication.verdicts(
            incidents: unchanged, agreements: agreements.filter { changedAgreements.contains($0.id) }, judge: judge)
        // Evidence is linked around new or changed records in the transaction that saves the verdicts and marks,
        // leaving out, as the verdicts do, whatever was saved since the input was read.
        let stale = try store.save(
            AdjudicationRun(
                incidents: Array(changedIncidents), agreements: Array(changedAgreements), verdicts: verdicts, rulesVersion: rules,
                basis: input.basis,
                linkEvidence: { session, savedSince in
                    try EvidenceLinking(rulesVersion: rules).update(session, all: all, excluding: savedSince)
                }))

        let counts = Dictionary(grouping: verdicts, by: \.kind).mapValues(\.count)
        let found = VerdictKind.allCases.filter { $0 != .outOfScope }.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return "judged \(changedIncidents.count) new or changed incident(s) against \(agreements.count) agreement(s) and "
            + "\(changedAgreements.count) new or changed agreement(s) against \(incidents.count) incident(s): "
            + found.joined(separator: ", ")
            + (stale == 0 ? "" : "; \(stale) changed while being judged and await the next run")
    }
}
