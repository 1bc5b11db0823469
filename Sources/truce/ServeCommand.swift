import ArgumentParser
import TruceServer
import TruceStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (docs/server.md) until SIGTERM or SIGINT.",
        discussion: """
            Settings come from the flags, then TRUCE_* environment variables (TRUCE_HOST, TRUCE_PORT, TRUCE_DB, \
            TRUCE_LOG_LEVEL, …), then the file given by --config or TRUCE_CONFIG (YAML or JSON), then defaults. \
            On SIGTERM or SIGINT the server stops taking connections and finishes the requests in flight.
            """)

    @Option(help: "The address to listen on (default: 127.0.0.1).")
    var host: String?
    @Option(help: "The TCP port to listen on (default: 8080; 0 picks a free one).")
    var port: String?
    @Option(help: ArgumentHelp("The SQLite database (default: truce.sqlite).", valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp("A YAML or JSON file of settings (see docs/server.md).", valueName: "file"))
    var config: String?

    func run() async throws {
        var flags: [String: String] = [:]
        flags["host"] = host
        flags["port"] = port
        flags["database"] = db
        let configuration: ServerConfiguration
        do {
            configuration = try ConfigurationSources(flags: flags, file: config).configuration()
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        do {
            try await TruceServer.run(configuration)
        } catch let error as StoreError {
            printError(error.description)
            throw ExitCode(ExitStatus.storeFailure.rawValue)
        }
    }
}
