import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "Load and list incidents.", subcommands: [Load.self, List.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load incidents from Truce CSV files (see docs/formats.md); idempotent.",
            discussion: """
                Rows that cannot be read are kept in the quarantine table with file, line, field and reason, \
                and the load goes on. Prints `N new, M updated, K unchanged, Q quarantined` per file.
                """)

        @Argument(help: "Truce CSV files, or - for standard input.")
        var files: [String]

        @Flag(name: .long, help: "Exit 1 when any row is quarantined.")
        var strict = false

        @OptionGroup var recordSize: RecordSizeOption
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let opened = try store.open()
                let importer = try ImportFormat.truce.importer()
                let observer = TerminalObserver()
                var total = LoadSummary()
                var results: [String: LoadSummary] = [:]
                for file in files {
                    let summary = try importer.importFile(file, into: opened, maxRecordBytes: recordSize.bytes, observer: observer)
                    results[file] = summary
                    total = total + summary
                    if !output.json { print("\(file): \(summary)") }
                }
                if output.json { print(try TruceJSON.string(results, pretty: true)) }
                if strict && total.quarantined > 0 {
                    throw Failure(message: "\(total.quarantined) row(s) quarantined (--strict)", kind: .invalidInput)
                }
            }
        }
    }

    struct List: ParsableCommand, FilteredListing {
        static let agreementHelp =
            "Only incidents in this agreement's window and scope (including uncertain ones); --from and --to are then days in its time zone."

        static let configuration = CommandConfiguration(
            abstract: "List stored incidents, filtered.",
            discussion: FilterOptions<List>.localDaysDiscussion(listing: "incidents"))

        @OptionGroup var filters: FilterOptions<List>
        @Option(help: "Only this target category.")
        var category: TargetCategory?
        @Option(help: "Only this country (ISO 3166-1 alpha-2, e.g. UA).")
        var country: String?
        @Option(help: "At most this many incidents.", transform: { try RowCount(validating: $0) })
        var limit: RowCount?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let request = IncidentListRequest(
                    agreement: filters.agreement, party: filters.perpetrator, days: filters.days, category: category, country: country,
                    limit: limit?.value)
                let listed = try naming(option: "--agreement") { try IncidentListing.list(request, in: try store.openForReading()) }
                let (incidents, zone) = (listed.incidents, listed.zone)
                if output.json {
                    print(try TruceJSON.string(incidents, pretty: true))
                    return
                }
                let starts = StartColumns(zone: zone)
                var table = Table(["ID"] + starts.headers + ["PREC", "WHERE", "ACTION", "TARGET", "ACCUSED", "CLAIMANT"])
                for incident in incidents {
                    let place = [incident.location.place, incident.location.admin1, incident.location.country].compactMap { $0 }.first ?? "?"
                    let target = [incident.target.category?.rawValue, incident.target.subtype].compactMap { $0 }.joined(separator: "/")
                    table.add(
                        [incident.id] + starts.cells(incident.time.span.start)
                            + [
                                incident.time.precision.rawValue, "\(place) (\(incident.location.country ?? "?"))",
                                incident.action?.rawValue ?? "unknown",
                                target.isEmpty ? "unknown" : target, incident.perpetrator?.party.rawValue ?? "-",
                                incident.claims.map(\.claimant).joined(separator: "; "),
                            ])
                }
                print(table.rendered)
                print("\(incidents.count) incident\(incidents.count == 1 ? "" : "s")")
                if let days = filters.daysStatement(agreementZone: zone) { print(days) }
            }
        }
    }
}
