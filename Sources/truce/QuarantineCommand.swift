import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport
import TruceStore

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List, show and retry the rows imports kept aside.",
        subcommands: [List.self, Show.self, Retry.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List quarantined rows with file, line, field and reason.")

        @Option(help: "Only rows of this file, as it was named on import.")
        var file: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let entries = try Quarantine.list(file: file, in: try store.openForReading())
                if output.json {
                    print(try TruceJSON.string(entries, pretty: true))
                    return
                }
                var table = Table("ID", "DATASET", "FILE:LINE", "FIELD", "REASON")
                for entry in entries {
                    let reason = entry.record.problems.first?.message ?? ""
                    table.add(
                        String(entry.id), entry.record.dataset, "\(entry.record.file):\(entry.record.line)", entry.record.field,
                        reason.count > 80 ? String(reason.prefix(79)) + "…" : reason)
                }
                print(table.rendered)
                print("\(entries.count) quarantined row\(entries.count == 1 ? "" : "s")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one quarantined row: every problem and its raw text.")

        @Argument(help: "The row's id, from `truce quarantine list`.")
        var id: Int64

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let entry = try naming(see: "truce quarantine list") { try Quarantine.entry(id: id, in: try store.openForReading()) }
                if output.json {
                    print(try TruceJSON.string(entry, pretty: true))
                    return
                }
                print(DisplayText.singleLine("\(entry.record.file):\(entry.record.line) (\(entry.record.dataset))"))
                for problem in entry.record.problems {
                    print(DisplayText.singleLine("  \(problem.field.isEmpty ? "record" : problem.field): \(problem.message)"))
                }
                print("raw:\n\(DisplayText.escapingHidden(entry.record.raw))")
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import again the files that quarantined rows came from; rows that now read leave the quarantine.",
            discussion: "Use after fixing a file or the actor table. Re-importing is idempotent, so good rows are unchanged.")

        @Option(help: "Only this file, as it was named on import.")
        var file: String?

        @Option(help: "Actor table (default: the bundled data/actors.csv).")
        var actors: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let opened = try store.open()
                let observer = TerminalObserver()
                for quarantined in try Quarantine.files(file: file, in: opened) {
                    let (path, count) = (quarantined.path, quarantined.entries.count)
                    switch try Quarantine.retry(quarantined, actorTable: actors, in: opened, observer: observer) {
                    case .unreadable: print("\(path): cannot be read any more; \(count) row(s) stay quarantined")
                    case .unknownDataset: print("\(path): unknown dataset \(quarantined.dataset); \(count) row(s) stay quarantined")
                    case .retried(let fixed, let still, let summary):
                        print("\(path): \(fixed) row(s) now read, \(still) still quarantined (\(summary))")
                    }
                }
            }
        }
    }
}
