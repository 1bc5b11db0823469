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
        @Option(help: "Only this verdict: violation, possible_violation, not_a_violation, insufficient_information.")
        var verdict: String?
        @Option(help: "Only this evidence level: single_claim, contested, corroborated, verified.")
        var evidence: String?
        @Option(help: "Only this region (any of its names, e.g. Kharkiv, Харківська) or country code (UA).")
        var region: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                var query = VerdictQuery(agreement: agreement, perpetrator: filters.perpetrator, during: try filters.span(), region: region)
                query.kind = try verdict.map { try parseOption($0, "--verdict", as: VerdictKind.self) }
                query.evidence = try evidence.map { try parseOption($0, "--evidence", as: EvidenceLevel.self) }
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
