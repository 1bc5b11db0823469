import ArgumentParser
import TruceStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database (or bring its schema up to date).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.open()
            let migrations = try opened.appliedMigrations()
            print(
                "\(opened.path): schema up to date (\(migrations.count) migration\(migrations.count == 1 ? "" : "s"): \(migrations.joined(separator: ", ")))"
            )
        }
    }
}
