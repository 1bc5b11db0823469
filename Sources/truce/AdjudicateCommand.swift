import ArgumentParser
import TruceApp

struct AdjudicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate",
        abstract: "Judge incidents against every agreement in force at their time and place; store verdicts and evidence.",
        discussion: """
            Incremental: only incidents and agreements that are new or changed since the last run (or judged by \
            other rules) are judged; --all judges everything again and gives the same verdicts. Out-of-scope pairs \
            are not stored; `truce explain` shows them.
            """)

    @Flag(name: .long, help: "Judge every incident against every agreement again.")
    var all = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingFailures {
            let summary = try Adjudicating.run(store: try store.open(), all: all, observer: TerminalObserver())
            print(summary)
        }
    }
}
