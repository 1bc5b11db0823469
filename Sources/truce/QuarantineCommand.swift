import ArgumentParser
import Foundation
import TruceCore
import TruceIngest
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
                let entries = try store.openForReading().quarantine(file: file)
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
                guard let entry = try store.openForReading().quarantineEntry(id: id) else {
                    throw Failure(message: "no quarantined row with id \(id) (see `truce quarantine list`)", code: .invalidInput)
                }
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
                let groups = Dictionary(grouping: try opened.quarantine(file: file)) { "\($0.record.dataset)\t\($0.record.file)" }
                for key in groups.keys.sorted() {
                    let entries = groups[key]!
                    let (dataset, path) = (entries[0].record.dataset, entries[0].record.file)
                    guard path != "-", FileManager.default.isReadableFile(atPath: path) else {
                        print("\(path): cannot be read any more; \(entries.count) row(s) stay quarantined")
                        continue
                    }
                    guard let format = try Formats.format(named: dataset, actors: { try ActorTables.load(actors) }) else {
                        print("\(path): unknown dataset \(dataset); \(entries.count) row(s) stay quarantined")
                        continue
                    }
                    var stillBad = Set<String>()
                    let summary = try Loading.incidents(from: path, format: format, into: opened) { stillBad.insert("\($0.line)\t\($0.raw)") }
                    let fixed = entries.filter { !stillBad.contains("\($0.record.line)\t\($0.record.raw)") }
                    try opened.removeQuarantine(ids: fixed.map(\.id))
                    print("\(path): \(fixed.count) row(s) now read, \(entries.count - fixed.count) still quarantined (\(summary))")
                }
            }
        }
    }
}

/// Loads the actor table the importers map actors with.
enum ActorTables {
    static func load(_ path: String?) throws -> ActorTable {
        let given = path
        let path = try given ?? Bundled.path("data/actors.csv", option: "--actors FILE")
        do {
            return try ActorTable(csv: try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch let diagnostic as Diagnostic {
            throw Failure(message: diagnostic.description, code: .invalidInput)
        } catch {
            let origin = given == nil ? "the bundled actor table" : "the actor table given with --actors"
            throw Failure(message: "\(path) (\(origin)): cannot be read: \(error.localizedDescription)", code: .invalidInput)
        }
    }
}
