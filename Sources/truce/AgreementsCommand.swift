import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements", abstract: "Validate, load and inspect agreement files.",
        subcommands: [Validate.self, Load.self, List.self, Show.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check agreement files and report every problem as FILE:LINE: FIELD: message.",
            discussion: "Exits 1 when any file has an error; warnings alone exit 0.")

        @Argument(help: "Agreement files or directories of .yaml files.")
        var paths: [String]

        @OptionGroup var output: OutputOptions

        func run() throws {
            let catalog = AgreementCatalog.read(paths: paths)
            if output.json {
                print(try TruceJSON.string(catalog.diagnostics, pretty: true))
            } else {
                for diagnostic in catalog.diagnostics { print(diagnostic) }
                print(summary(catalog))
            }
            if catalog.diagnostics.containsErrors { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate agreement files and store the valid ones (idempotent).",
            discussion: "Files with errors are reported and skipped; the command then exits 1.")

        @Argument(help: "Agreement files or directories of .yaml files.")
        var paths: [String]

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let loaded = try Loading.agreements(from: paths, into: try store.open(), observer: TerminalObserver())
                let (catalog, result) = (loaded.catalog, loaded.summary)
                if output.json {
                    print(try TruceJSON.string(result, pretty: true))
                } else {
                    print("agreements: \(result)")
                }
                if catalog.diagnostics.containsErrors {
                    throw Failure(message: summary(catalog), kind: .invalidInput)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored agreements with their windows and status today.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let agreements = try store.openForReading().agreements()
                if output.json {
                    print(try TruceJSON.string(agreements, pretty: true))
                    return
                }
                var table = Table("ID", "KIND", "PARTIES", "WINDOW (UTC)", "STATUS TODAY")
                let now = Date()
                for agreement in agreements {
                    table.add(
                        agreement.id, agreement.kind.rawValue,
                        agreement.belligerents.map(\.id.rawValue).joined(separator: ","),
                        agreement.span.map { TimeFormatting.span($0, in: nil) } ?? "not scheduled",
                        agreement.statusSummary(at: now))
                }
                print(table.rendered)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one stored agreement in full.")

        @Argument(help: "The agreement's id.")
        var id: String

        @Flag(name: .long, help: "Print the agreement as YAML in the catalogue's format.")
        var yaml = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let agreement = try naming(see: "truce agreements list") { try Agreements.named(id, in: try store.openForReading()) }
                if output.json {
                    print(try TruceJSON.string(agreement, pretty: true))
                } else if yaml {
                    print(try AgreementWriter.yaml(for: agreement), terminator: "")
                } else {
                    print(AgreementDescription(agreement: agreement, now: Date()).text)
                }
            }
        }
    }
}

private func summary(_ catalog: AgreementCatalog) -> String {
    let errors = catalog.diagnostics.filter(\.isError).count
    let warnings = catalog.diagnostics.count - errors
    let files = catalog.files.count
    return
        "\(files) file\(files == 1 ? "" : "s"), \(catalog.agreements.count) valid, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
}
