import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct VerdictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdicts", abstract: "List stored verdicts.", subcommands: [List.self])

    struct List: ParsableCommand, FilteredListing {
        static let agreementHelp = "Only verdicts under this agreement; --from and --to are then days in its time zone."

        static let configuration = CommandConfiguration(
            abstract: "List stored verdicts (run `truce adjudicate` first), filtered: one row per event and accused party.",
            discussion: FilterOptions<List>.localDaysDiscussion(listing: "verdicts")
                + " Filters select records; each event row shows the strongest verdict of its matching records, the number of "
                + "records beside it, and the clauses its deciding record left open. --by record lists each record's own verdict.")

        @OptionGroup var filters: VerdictFilterOptions<List>
        @Option(help: "One row per event (per accused party) or per record.")
        var by: VerdictUnit = .event
        /// Rows a page holds when `--limit` is not given.
        static let defaultLimit = RowCount(100)

        @Option(
            help: ArgumentHelp(
                "At most this many rows; when more follow, the --after that lists them is printed on standard error. (default: \(defaultLimit))"),
            transform: { try RowCount(validating: $0, hint: "use --all for every row") })
        var limit = defaultLimit
        @Option(help: "List the rows after this position (printed by the listing before).", transform: PagePosition.init(validating:))
        var after: PagePosition?
        @Flag(help: "List every matching row, however many (instead of --limit rows a page).")
        var all = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if all, after != nil { throw ValidationError("--all lists every row from the start; it does not go with --after.") }
        }

        func run() throws {
            try reportingFailures {
                let request = VerdictListRequest(filter: filters.filter, unit: by, after: after, limit: all ? nil : limit.value)
                let listed = try naming(option: "--agreement") { try VerdictListing.list(request, in: try store.openForReading()) }
                let (zone, next) = (listed.zone, listed.next)
                switch listed.rows {
                case .records(let verdicts): try printRecords(verdicts, zone: zone)
                case .events(let rows): try printEvents(rows, zone: zone)
                }
                if !output.json, let days = filters.daysStatement(agreementZone: zone) { print(days) }
                if let next { printError("More rows follow: add --after \(next.token) for the next page, or --all for every row.") }
            }
        }

        private func printRecords(_ verdicts: [StoredVerdict], zone: ZoneIdentifier?) throws {
            if output.json {
                print(try TruceJSON.string(verdicts, pretty: true))
                return
            }
            let starts = StartColumns(zone: zone)
            var table = Table(["INCIDENT"] + starts.headers + ["AGREEMENT", "VERDICT", "EVIDENCE", "EVENT", "ACCUSED", "WHERE", "UNDECIDED CLAUSES"])
            for stored in verdicts {
                table.add(
                    [stored.verdict.incident] + starts.cells(stored.start)
                        + [
                            stored.verdict.agreement, stored.verdict.kind.rawValue, stored.evidence?.rawValue ?? "-", stored.event ?? "-",
                            stored.perpetrator?.rawValue ?? "-", Self.place(stored), Self.undecided(stored.verdict),
                        ])
            }
            print(table.rendered)
            print("\(verdicts.count) record verdict\(verdicts.count == 1 ? "" : "s")")
        }

        private func printEvents(_ rows: [EventListing.Row], zone: ZoneIdentifier?) throws {
            if output.json {
                print(try TruceJSON.string(rows, pretty: true))
                return
            }
            let starts = StartColumns(zone: zone)
            var table = Table(["EVENT"] + starts.headers + ["AGREEMENT", "VERDICT", "EVIDENCE", "ACCUSED", "RECORDS", "WHERE", "UNDECIDED CLAUSES"])
            for row in rows {
                let decider = row.verdicts.first { $0.verdict.incident == row.decidedBy } ?? row.verdicts[0]
                table.add(
                    [row.event] + starts.cells(row.start)
                        + [
                            row.agreement, row.kind.rawValue, row.evidence.rawValue, row.accused?.rawValue ?? "unattributed",
                            String(row.verdicts.count), Self.place(decider), Self.undecided(decider.verdict),
                        ])
            }
            print(table.rendered)
            let events = Set(rows.map(\.event)).count
            let records = rows.reduce(0) { $0 + $1.verdicts.count }
            print(
                "\(rows.count) event verdict\(rows.count == 1 ? "" : "s") on \(events) event\(events == 1 ? "" : "s") (\(records) record verdict\(records == 1 ? "" : "s"))"
            )
        }

        static func place(_ stored: StoredVerdict) -> String { [stored.admin1, stored.country].compactMap { $0 }.joined(separator: ", ") }

        static func undecided(_ verdict: Verdict) -> String {
            let open = verdict.checks.filter { $0.outcome != .pass }
                .map { "\($0.clause.rawValue) (\($0.uncertainty?.rawValue ?? $0.outcome.rawValue))" }.joined(separator: ", ")
            return open.isEmpty ? "-" : open
        }
    }
}
