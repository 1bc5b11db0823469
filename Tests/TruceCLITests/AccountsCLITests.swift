import Foundation
import Testing

@Suite("truce users, tokens and audit, end to end")
struct AccountsCLITests {
    static let environment = ["TRUCE_BCRYPT_COST": "4"]

    /// Runs `truce` with `input` on its standard input.
    static func run(_ arguments: [String], input: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.repository
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    static func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, environment: environment) }

    @Test("users add (password on standard input), list, disable, enable and set-role, each change audited as cli:USER")
    func users() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let added = try Self.run(["users", "add", "amina", "--role", "admin", "--password-stdin", "--db", db], input: "a long enough password\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output == "added amina (admin)\n")
        let generated = try Self.run(["users", "add", "boris", "--role", "monitor", "--scope", "gaza-ceasefire-2025", "--db", db])
        #expect(generated.status == 0, "\(generated.errors)")
        #expect(generated.output.contains("password (shown once): "))
        #expect(try Self.run(["users", "disable", "BORIS", "--db", db]).output == "disabled boris\n")
        let list = try Self.run(["users", "list", "--db", db])
        #expect(list.status == 0)
        #expect(list.output.contains("amina  admin    enabled   all agreements"))
        #expect(list.output.contains("boris  monitor  disabled  gaza-ceasefire-2025"))
        #expect(list.output.hasSuffix("2 users\n"))
        #expect(try Self.run(["users", "enable", "boris", "--db", db]).status == 0)
        #expect(try Self.run(["users", "set-role", "boris", "analyst", "--db", db]).output == "boris is now analyst\n")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try Self.run(["users", "list", "--json", "--db", db]).output.utf8)) as? [[String: Any]])
        #expect(json.map { $0["role"] as? String } == ["admin", "analyst"])
        #expect(json.allSatisfy { $0.keys.allSatisfy { !$0.lowercased().contains("hash") && !$0.lowercased().contains("password") } })

        let audit = try Self.run(["audit", "list", "--db", db])
        #expect(audit.status == 0)
        for action in ["users.add", "users.disable", "users.enable", "users.set-role"] { #expect(audit.output.contains(action)) }
        #expect(audit.output.contains("cli:"))
        #expect(audit.output.hasSuffix("5 entries\n"))
        let entries = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try Self.run(["audit", "list", "--action", "users.set-role", "--json", "--db", db]).output.utf8))
                as? [[String: Any]])
        #expect(entries.count == 1)
        #expect((entries.first?["before"] as? String)?.contains("\"role\":\"monitor\"") == true)
        #expect((entries.first?["after"] as? String)?.contains("\"role\":\"analyst\"") == true)
        #expect(try Self.run(["audit", "list", "--since", "2999-01-01", "--db", db]).output.hasSuffix("0 entries\n"))
        #expect(try Self.run(["audit", "list", "--user", "nobody", "--db", db]).output.hasSuffix("0 entries\n"))
    }

    @Test("users set-scope and set-password change the user, each audited; a password line ending in CRLF is read without its line break")
    func scopeAndPassword() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        #expect(try Self.run(["users", "add", "amina", "--role", "monitor", "--db", db]).status == 0)
        let scoped = try Self.run(["users", "set-scope", "amina", "gaza-ceasefire-2025", "energy-moratorium-2025", "--db", db])
        #expect(scoped.output == "amina sees energy-moratorium-2025 gaza-ceasefire-2025\n", "\(scoped.errors)")
        #expect(try Self.run(["users", "set-scope", "amina", "--db", db]).output == "amina sees every agreement\n")
        #expect(try Self.run(["users", "set-scope", "amina", "Not An Id", "--db", db]).status == 1)
        let changed = try Self.run(["users", "set-password", "amina", "--password-stdin", "--db", db], input: "another long password\r\n")
        #expect(changed.output == "new password for amina\n", "\(changed.errors)")
        #expect(try Self.run(["users", "set-password", "amina", "--password-stdin", "--db", db], input: "").status == 1)
        let audit = try Self.run(["audit", "list", "--action", "users.change-password", "--json", "--db", db])
        #expect(audit.output.contains("\"actor\" : \"cli:"), "\(audit.output)")
        #expect(try Self.run(["audit", "list", "--db", db]).output.hasSuffix("4 entries\n"))
    }

    @Test("users add refuses a short password, a taken name and an unknown role; a password is never an argument")
    func usersRefused() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        let short = try Self.run(["users", "add", "amina", "--role", "admin", "--password-stdin", "--db", db], input: "short\n")
        #expect(short.status == 1)
        #expect(short.errors.contains("user \"amina\": password: shorter than 12 characters"))
        #expect(try Self.run(["users", "add", "amina", "--role", "admin", "--db", db]).status == 0)
        let taken = try Self.run(["users", "add", "AMINA", "--role", "viewer", "--db", db])
        #expect(taken.status == 1)
        #expect(taken.errors.contains("the name is taken"))
        #expect(try Self.run(["users", "add", "x1", "--role", "superuser", "--db", db]).status == 64)
        #expect(try Self.run(["users", "add", "x1", "--role", "admin", "--password", "secret12345678", "--db", db]).status == 64)
        #expect(try Self.run(["users", "disable", "nobody", "--db", db]).status == 1)
    }

    @Test("tokens create prints the secret once; list shows no secret; revoke; each audited; the database never holds the secret")
    func tokens() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("t.sqlite").path
        #expect(try Self.run(["users", "add", "amina", "--role", "analyst", "--db", db]).status == 0)
        let created = try Self.run(["tokens", "create", "--user", "amina", "--label", "nightly import", "--expires-in", "30", "--db", db])
        #expect(created.status == 0, "\(created.errors)")
        let secretLine = try #require(created.output.split(separator: "\n").first { $0.hasPrefix("secret (shown once, keep it safe): ") })
        let secret = String(secretLine.split(separator: " ").last!)
        #expect(secret.hasPrefix("truce_") && secret.count == 49)
        #expect(created.output.hasPrefix("token 1 for amina (expires "))
        let list = try Self.run(["tokens", "list", "--db", db])
        #expect(list.output.contains("1   amina  nightly import  active"))
        #expect(!list.output.contains(secret))
        #expect(!(try Self.run(["tokens", "list", "--json", "--user", "amina", "--db", db]).output.contains(secret)))
        for file in [db, db + "-wal"] {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file)")
        }
        #expect(try Self.run(["tokens", "revoke", "1", "--db", db]).output == "revoked token 1 of amina\n")
        #expect(try Self.run(["tokens", "list", "--db", db]).output.contains("revoked"))
        #expect(try Self.run(["tokens", "revoke", "9", "--db", db]).status == 1)
        #expect(try Self.run(["tokens", "create", "--user", "amina", "--expires-in", "0", "--db", db]).status == 1)
        #expect(try Self.run(["tokens", "create", "--user", "nobody", "--db", db]).status == 1)
        let audit = try Self.run(["audit", "list", "--kind", "token", "--db", db])
        #expect(audit.output.contains("tokens.create") && audit.output.contains("tokens.revoke"))
        #expect(audit.output.hasSuffix("2 entries\n"))
        #expect(!(try Self.run(["audit", "list", "--json", "--db", db]).output.contains(secret)))
    }

    @Test("users, tokens and audit have --help", arguments: [["users"], ["users", "add"], ["tokens", "create"], ["audit", "list"]])
    func help(command: [String]) throws {
        let result = try Self.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: truce"))
    }
}
