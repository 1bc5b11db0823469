import ArgumentParser
import Foundation
import TruceCore
import TruceIngest
import TruceStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import incidents from a dataset export: acled (CSV, any layout) or truce (Truce CSV).",
        discussion: """
            Columns are matched by header name. Rows that cannot be read are quarantined with file, line, \
            field and reason; the import goes on and prints `N new, M updated, K unchanged, Q quarantined`. \
            Re-importing a file adds nothing.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case acled, truce
    }

    @Argument(help: "The format: acled or truce.")
    var format: Format

    @Argument(help: "Files to import, or - for standard input.")
    var files: [String]

    @Option(help: "Actor table mapping dataset actors to parties (default: data/actors.csv of the Truce checkout).")
    var actors: String?

    @Flag(name: .long, help: "Exit 1 when any row is quarantined.")
    var strict = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.open()
            var total = LoadSummary()
            for file in files {
                let summary: LoadSummary
                switch format {
                case .truce:
                    summary = try Loading.incidents(from: file, into: opened)
                case .acled:
                    let importer = ACLEDImporter(actors: try actorTable())
                    let batch = try Loading.read(file) { try importer.read(bytes: $0, file: file) }
                    summary = try Loading.save(batch, into: opened)
                }
                print("\(file): \(summary)")
                total = total + summary
            }
            if strict && total.quarantined > 0 {
                throw Failure(message: "\(total.quarantined) row(s) quarantined (--strict)", code: .invalidInput)
            }
        }
    }

    private func actorTable() throws -> ActorTable {
        let path = try actors ?? Bundled.path("data/actors.csv")
        do {
            return try ActorTable(csv: try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch let diagnostic as Diagnostic {
            throw Failure(message: diagnostic.description, code: .invalidInput)
        } catch {
            throw Failure(message: "\(path): cannot be read: \(error.localizedDescription)", code: .invalidInput)
        }
    }
}
