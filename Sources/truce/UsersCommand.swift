import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list, disable and enable the server's users, and set their roles.",
        discussion: "Every change is written to the audit trail as made by cli:USER, the operating system's user running truce.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, SetRole.self, SetScope.self, SetPassword.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user.",
            discussion: """
                The password is never an argument: with --password-stdin it is the first line of standard input \
                (e.g. `printf '%s\\n' "$PASSWORD" | truce users add amina --role admin --password-stdin`); without it, \
                a random password is made and printed once. Passwords have at least 12 characters and at most 72 bytes. \
                bcrypt's cost is $TRUCE_BCRYPT_COST (default 12).
                """)

        @Argument(help: "The name to sign in with: 1 to 64 of A-Z a-z 0-9 . _ - @, unique regardless of case.")
        var name: String

        @Option(help: "The user's role.")
        var role: Role

        @Option(help: ArgumentHelp("Only these agreements (repeatable); every agreement when not given.", valueName: "agreement-id"))
        var scope: [AgreementID] = []

        @Flag(help: "Read the password from standard input.")
        var passwordStdin = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let generated = passwordStdin ? nil : Secrets.make()
                let password = try generated ?? readPassword()
                let accounts = Accounts(store: try store.open(), policy: try passwordPolicy())
                let user = try accounts.add(
                    NewAccount(name: name, role: role, password: password, agreementScope: scope), by: commandLineAuthor())
                print("added \(user.name) (\(user.role))")
                if let generated { print("password (shown once): \(generated)") }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with their role, state and scope.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingFailures {
                let users = try Accounts(store: try store.openForReading()).list()
                if output.json {
                    print(try TruceJSON.string(users, pretty: true))
                    return
                }
                var table = Table("NAME", "ROLE", "STATE", "SCOPE", "CREATED")
                for user in users {
                    table.add(
                        user.name, user.role.rawValue, user.isDisabled ? "disabled" : "enabled",
                        user.agreementScope.isEmpty ? "all agreements" : user.agreementScope.joined(separator: " "), TimeFormatting.utc(user.created))
                }
                print(table.rendered)
                print("\(users.count) user\(users.count == 1 ? "" : "s")")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: their sessions end and their tokens stop working at once.")

        @Argument(help: "The user's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let user = try Accounts(store: try store.open()).disable(name, by: commandLineAuthor())
                print("disabled \(user.name)")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")

        @Argument(help: "The user's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let user = try Accounts(store: try store.open()).enable(name, by: commandLineAuthor())
                print("enabled \(user.name)")
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Give a user another role.")

        @Argument(help: "The user's name.")
        var name: String

        @Argument(help: "The new role.")
        var role: Role

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let user = try Accounts(store: try store.open()).setRole(name, to: role, by: commandLineAuthor())
                print("\(user.name) is now \(user.role)")
            }
        }
    }

    struct SetScope: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-scope", abstract: "Limit a user to some agreements, or (with none) give them every agreement.")

        @Argument(help: "The user's name.")
        var name: String

        @Argument(help: "The agreements' ids; none for every agreement.")
        var agreements: [AgreementID] = []

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let user = try Accounts(store: try store.open()).setScope(name, to: agreements, by: commandLineAuthor())
                print("\(user.name) sees " + (user.agreementScope.isEmpty ? "every agreement" : user.agreementScope.joined(separator: " ")))
            }
        }
    }

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: "Give a user a new password; their sessions end.",
            discussion: "With --password-stdin the password is the first line of standard input; without it, a random one is printed once.")

        @Argument(help: "The user's name.")
        var name: String

        @Flag(help: "Read the password from standard input.")
        var passwordStdin = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingFailures {
                let generated = passwordStdin ? nil : Secrets.make()
                let password = try generated ?? readPassword()
                let accounts = Accounts(store: try store.open(), policy: try passwordPolicy())
                let user = try accounts.changePassword(name, to: password, by: commandLineAuthor())
                print("new password for \(user.name)")
                if let generated { print("password (shown once): \(generated)") }
            }
        }
    }
}

/// The first line of standard input, without its line break: a password given with --password-stdin.
private func readPassword() throws -> String {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    // Bytes, not characters: Swift reads "\r\n" as one character, which a split on "\n" would not find.
    var line = Array(data.prefix { $0 != 0x0A })
    if line.last == 0x0D { line.removeLast() }
    guard !line.isEmpty else { throw Failure(message: "--password-stdin: standard input holds no password", kind: .invalidInput) }
    return String(decoding: line, as: UTF8.self)
}
