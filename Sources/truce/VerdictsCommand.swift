import ArgumentParser
import Foundation
import TruceCore
import TruceStore

struct VerdictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdicts", abstract: "List stored verdicts.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored verdicts (run `truce adjudicate` first), filtered.")

        @Option(help: "Only verdicts under this agreement.")
        var agreement: String?
        @OptionGroup var filters: PartyAndDateFilters
        @Option(help: "Only this verdict.")
        var verdict: VerdictKind?
        @Option(help: "Only this evidence level.")
        var evidence: EvidenceLevel?
        @Option(help: "Only this region (any of its names, e.g. Kharkiv, Харківська) or country code (UA).")
        var region: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let query = VerdictQuery(
                    agreement: agreement, perpetrator: filters.perpetrator, kind: verdict, evidence: evidence, during: filters.span, region: region)
                let verdicts = try store.openForReading().verdicts(matching: query)
                if output.json {
                    print(try TruceJSON.string(verdicts, pretty: true))
                    return
                }
                var table = Table("INCIDENT", "START (UTC)", "AGREEMENT", "VERDICT", "EVIDENCE", "ACCUSED", "WHERE", "UNDECIDED CLAUSES")
                for stored in verdicts {
                    let open = stored.verdict.checks.filter { $0.outcome != .pass }
                        .map { "\($0.clause.rawValue) (\($0.uncertainty?.rawValue ?? $0.outcome.rawValue))" }.joined(separator: ", ")
                    table.add(
                        stored.verdict.incident, TimeFormatting.utc(stored.start), stored.verdict.agreement, stored.verdict.kind.rawValue,
                        stored.evidence?.rawValue ?? "-", stored.perpetrator?.rawValue ?? "-",
                        [stored.admin1, stored.country].compactMap { $0 }.joined(separator: ", "), open.isEmpty ? "-" : open)
                }
                print(table.rendered)
                print("\(verdicts.count) verdict\(verdicts.count == 1 ? "" : "s")")
            }
        }
    }
}
