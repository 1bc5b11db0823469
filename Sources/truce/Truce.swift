import ArgumentParser

@main
struct Truce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truce",
        abstract: "Ceasefire monitoring: agreements as data, incidents from many sources.",
        discussion: """
            The database is --db PATH, or $TRUCE_DB, or ./truce.sqlite.

            Exit codes: 0 success; 1 invalid input (agreement files with errors, incident rows \
            quarantined under --strict, unknown ids); 3 the database could not be opened or written; \
            64 the command line itself is wrong.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, AgreementsCommand.self, IncidentsCommand.self, ImportCommand.self, QuarantineCommand.self, AdjudicateCommand.self,
            ExplainCommand.self,
            VerdictsCommand.self, ExportCommand.self, ReportCommand.self, DemoCommand.self, ServeCommand.self, UsersCommand.self,
            TokensCommand.self, AuditCommand.self, IngestNewsCommand.self,
        ]
    )
}
