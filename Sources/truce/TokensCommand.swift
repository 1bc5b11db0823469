import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create, list and revoke API tokens for scripts.",
        discussion: """
            A token's secret is printed once, when it is created: Truce keeps only its SHA-256 digest. Scripts send it as \
            `Authorization: Bearer SECRET`. Every change is written to the audit trail as made by cli:USER.
            """,
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token acting as a user; its secret is printed once.")

        @Option(help: "The user the token acts as.")
        var user: String

        @Option(help: "What the token is for.")
        var label: String = ""

        @Option(name: .customLong("expires-in"), help: ArgumentHelp("Days until the token stops working (1 to 3650).", valueName: "days"))
        var expiresIn: Int = 90

        @Flag(help: "A token that never expires (instead of --expires-in).")
        var neverExpires = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let created = try Tokens(store: try store.open()).create(
                    for: user, label: label, expiresInDays: neverExpires ? nil : expiresIn, by: commandLineAuthor())
                if output.json {
                    print(try TruceJSON.string(CreatedTokenOutput(secret: created.secret, token: created.token), pretty: true))
                    return
                }
                let expiry = created.token.expires.map { "expires \(TimeFormatting.utc($0))" } ?? "never expires"
                print("token \(created.token.id) for \(created.token.user) (\(expiry))")
                print("secret (shown once, keep it safe): \(created.secret)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens, without their secrets.")

        @Option(help: "Only the tokens of this user.")
        var user: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let tokens = try Tokens(store: try store.openForReading()).list(user: user)
                if output.json {
                    print(try TruceJSON.string(tokens, pretty: true))
                    return
                }
                let now = Date()
                var table = Table("ID", "USER", "LABEL", "STATE", "CREATED", "EXPIRES", "LAST USED")
                for token in tokens {
                    table.add(
                        String(token.id), token.user, token.label, token.state(at: now), TimeFormatting.utc(token.created),
                        token.expires.map(TimeFormatting.utc) ?? "never", token.lastUsed.map(TimeFormatting.utc) ?? "never")
                }
                print(table.rendered)
                print("\(tokens.count) token\(tokens.count == 1 ? "" : "s")")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: it stops working at once.")

        @Argument(help: "The token's id, from `truce tokens list`.")
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let token = try Tokens(store: try store.open()).revoke(id: id, by: commandLineAuthor())
                print("revoked token \(token.id) of \(token.user)")
            }
        }
    }
}

/// What `truce tokens create --json` prints: the secret, this once, beside the token.
private struct CreatedTokenOutput: Encodable {
    var secret: String
    var token: TokenInfo
}
