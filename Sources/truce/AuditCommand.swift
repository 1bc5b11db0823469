import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit trail: every write, who made it and the record before and after.",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List audit entries, oldest first.",
            discussion: "--json prints every field, with each record's content before and after the change.")

        @Option(help: "Only entries by this user (or cli:NAME for the command line).")
        var user: String?

        @Option(help: "Only entries of this action, e.g. users.add or tokens.revoke.")
        var action: String?

        @Option(help: ArgumentHelp("Only entries made at or after this day (UTC) or time.", valueName: "YYYY-MM-DD[THH:MM[Z|±HH:MM]]"))
        var since: Instant?

        @Option(help: "Only entries about records of this kind, e.g. user, token.")
        var kind: String?

        @Option(help: "Only entries about the record with this id.")
        var record: String?

        @Option(help: "Only the latest N entries.")
        var limit: Int?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let query = AuditQuery(actor: user, action: action, since: since?.date, recordKind: kind, recordID: record, limit: limit)
                let entries = try AuditTrail(store: try store.openForReading()).list(query)
                if output.json {
                    print(try TruceJSON.string(entries, pretty: true))
                    return
                }
                var table = Table("ID", "AT", "ACTOR", "ROLE", "ACTION", "RECORD")
                for entry in entries {
                    table.add(
                        entry.id.map(String.init) ?? "", TimeFormatting.utc(entry.at), entry.actor, entry.role?.rawValue ?? "-", entry.action,
                        "\(entry.recordKind) \(entry.recordID)")
                }
                print(table.rendered)
                print("\(entries.count) entr\(entries.count == 1 ? "y" : "ies")")
            }
        }
    }
}
