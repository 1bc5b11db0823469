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
        @Option(help: "Only incidents attributed to this party (e.g. RU).")
        var party: String?
        @Option(help: "Only this verdict: violation, possible_violation, not_a_violation, insufficient_information.")
        var verdict: String?
        @Option(help: "Only this evidence level: single_claim, contested, corroborated, verified.")
        var evidence: String?
        @Option(help: "Only incidents on or after this date (YYYY-MM-DD, UTC).")
        var from: String?
        @Option(help: "Only incidents on or before this date (YYYY-MM-DD, UTC).")
        var to: String?
        @Option(help: "Only this region (any of its names, e.g. Kharkiv, Харківська) or country code (UA).")
        var region: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                var query = VerdictQuery(agreement: agreement, perpetrator: party.map { PartyID($0) }, region: region)
                if let verdict {
                    guard let kind = VerdictKind(rawValue: verdict) else {
                        throw Failure(message: "--verdict: \"\(verdict)\" is not one of: \(VerdictKind.allCases.map(\.rawValue).joined(separator: ", "))", code: .invalidInput)
                    }
                    query.kind = kind
                }
                if let evidence {
                    guard let level = EvidenceLevel(rawValue: evidence) else {
                        throw Failure(message: "--evidence: \"\(evidence)\" is not one of: \(EvidenceLevel.allCases.map(\.rawValue).joined(separator: ", "))", code: .invalidInput)
                    }
                    query.evidence = level
                }
                if from != nil || to != nil {
                    let start = try from.map { try TimeFormatting.day($0, option: "--from") } ?? .distantPast
                    query.during = TimeSpan(start: start, end: try to.map { try TimeFormatting.day($0, option: "--to").addingTimeInterval(86_400) })
                }
                let verdicts = try store.open().verdicts(matching: query)
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
