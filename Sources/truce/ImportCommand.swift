import ArgumentParser
import Foundation
import TruceCore
import TruceIngest
import TruceStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import incidents from dataset exports: acled, ucdp, gdelt, truce (plain or .gz; - for standard input).",
        discussion: """
            ACLED and UCDP GED columns are matched by header name (UCDP's HXL hashtag row is skipped); GDELT 2.0 \
            event exports are read in their fixed 61-column tab-separated layout, with dates that are publication \
            dates. Files are read in chunks, so memory stays flat however \
            large they are. Rows that cannot be read are quarantined with file, line, field and reason; the \
            import goes on and prints `N new, M updated, K unchanged, Q quarantined` for each file. \
            Re-importing a file adds nothing. See `truce quarantine` for the rows kept aside.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case acled, ucdp, gdelt, truce
    }

    @Argument(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format

    @Argument(help: "Files to import (plain or gzip), or - for standard input.")
    var files: [String]

    @Option(help: "Actor table mapping dataset actors to parties (default: data/actors.csv of the Truce checkout).")
    var actors: String?

    @Flag(name: .long, help: "Read and normalise every row and print the counts, without writing to the database.")
    var dryRun = false

    @Flag(name: .long, help: "Exit 1 when any row is quarantined.")
    var strict = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened: (any Store)? = dryRun ? nil : try store.open()
            var total = LoadSummary()
            for file in files {
                let summary: LoadSummary
                switch format {
                case .truce: summary = try Loading.incidents(from: file, format: TruceCSVFormat(), into: opened)
                case .acled: summary = try Loading.incidents(from: file, format: ACLEDFormat(actors: try actorTable()), into: opened)
                case .ucdp: summary = try Loading.incidents(from: file, format: UCDPFormat(actors: try actorTable()), into: opened)
                case .gdelt: summary = try Loading.incidents(from: file, format: GDELTFormat(), into: opened)
                }
                print("\(file): \(summary)\(dryRun ? " (dry run: nothing written)" : "")")
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
