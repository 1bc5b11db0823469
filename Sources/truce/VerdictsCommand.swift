import ArgumentParser
import Foundation
import TruceCore
import TruceStore

struct VerdictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdicts", abstract: "List stored verdicts.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored verdicts (run `truce adjudicate` first), filtered.",
            discussion: PartyAndDateFilters.localDaysDiscussion(listing: "verdicts"))

        @Option(help: "Only verdicts under this agreement; --from and --to are then days in its time zone.")
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
                let opened = try store.openForReading()
                let zone = try agreement.map { try namedAgreement($0, in: opened).timeZone }
                let query = VerdictQuery(
                    agreement: agreement, perpetrator: filters.perpetrator, kind: verdict, evidence: evidence,
                    during: filters.span(in: zone ?? .utc), region: region)
                let verdicts = try opened.verdicts(matching: query)
                if output.json {
                    print(try TruceJSON.string(verdicts, pretty: true))
                    return
                }
                let starts = StartColumns(zone: zone)
                var table = Table(["INCIDENT"] + starts.headers + ["AGREEMENT", "VERDICT", "EVIDENCE", "ACCUSED", "WHERE", "UNDECIDED CLAUSES"])
                for stored in verdicts {
                    let open = stored.verdict.checks.filter { $0.outcome != .pass }
                        .map { "\($0.clause.rawValue) (\($0.uncertainty?.rawValue ?? $0.outcome.rawValue))" }.joined(separator: ", ")
                    table.add(
                        [stored.verdict.incident] + starts.cells(stored.start)
                            + [
                                stored.verdict.agreement, stored.verdict.kind.rawValue, stored.evidence?.rawValue ?? "-", stored.perpetrator?.rawValue ?? "-",
                                [stored.admin1, stored.country].compactMap { $0 }.joined(separator: ", "), open.isEmpty ? "-" : open,
                            ])
                }
                print(table.rendered)
                print("\(verdicts.count) verdict\(verdicts.count == 1 ? "" : "s")")
                if let days = filters.daysStatement(agreementZone: zone) { print(days) }
            }
        }
    }
}
