import Foundation
import Logging
import Testing
import TruceApp
import TruceServer
import TruceTestSupport

@Suite("Server configuration: flags over environment over file over defaults")
struct ConfigurationTests {
    static func file(_ text: String, named name: String = "truce.yaml") throws -> String {
        let path = try ScratchDirectory.make("config").appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("defaults apply without any source")
    func defaults() throws {
        let configuration = try ConfigurationSources(environment: [:]).configuration()
        #expect(configuration == ServerConfiguration())
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080 && configuration.database == "truce.sqlite")
    }

    @Test("precedence: a flag beats the environment, which beats the file, which beats the default")
    func precedence() throws {
        let file = try Self.file("host: 0.0.0.0\nport: 9000\ndatabase: file.sqlite\nlog_level: debug\nmax_page_size: 500\n")
        let environment = ["TRUCE_PORT": "9100", "TRUCE_DB": "env.sqlite"]
        let configuration = try ConfigurationSources(flags: ["database": "flag.sqlite"], environment: environment, file: file).configuration()
        #expect(configuration.database == "flag.sqlite")
        #expect(configuration.port == 9100)
        #expect(configuration.host == "0.0.0.0" && configuration.logLevel == .debug && configuration.maxPageSize == 500)
        #expect(configuration.publicAccess == .on, "the default")
        let named = try ConfigurationSources(environment: ["TRUCE_CONFIG": file]).configuration()
        #expect(named.port == 9000, "TRUCE_CONFIG names the file when no flag does")
    }

    @Test("a JSON file is read as well as YAML")
    func jsonFile() throws {
        let file = try Self.file(#"{"port": 7000, "public_access": false}"#, named: "truce.json")
        let configuration = try ConfigurationSources(environment: [:], file: file).configuration()
        #expect(configuration.port == 7000 && configuration.publicAccess == .off)
    }

    @Test("an unknown key or a bad value in the file is an error naming the file, the line and the key")
    func fileErrors() throws {
        let unknown = try Self.file("host: 127.0.0.1\nprot: 80\n")
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationSources(environment: [:], file: unknown).configuration() }
        #expect(error.source == unknown && error.line == 2 && error.key == "prot", "\(error)")
        #expect(error.description.hasPrefix("\(unknown):2: prot: is not a setting"))

        let bad = try Self.file("port: 80\n\nmax_page_size: lots\n")
        let value = try #require(throws: ConfigurationError.self) { try ConfigurationSources(environment: [:], file: bad).configuration() }
        #expect(value.line == 3 && value.key == "max_page_size" && value.message.contains("whole number"), "\(value)")

        let broken = try Self.file("port: [80\n")
        let syntax = try #require(throws: ConfigurationError.self) { try ConfigurationSources(environment: [:], file: broken).configuration() }
        #expect(syntax.source == broken && syntax.line != nil, "\(syntax)")
    }

    @Test("a bad environment value or flag is an error naming the variable or the flag")
    func environmentAndFlagErrors() throws {
        let variable = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources(environment: ["TRUCE_PORT": "eighty"]).configuration()
        }
        #expect(variable.source == "TRUCE_PORT" && variable.key == "port")
        let level = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources(environment: ["TRUCE_LOG_LEVEL": "loud"]).configuration()
        }
        #expect(level.key == "log_level" && level.message.contains("info"))
        let flag = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources(flags: ["port": "70000"], environment: [:]).configuration()
        }
        #expect(flag.source == "--port")
        let pages = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources(environment: ["TRUCE_MAX_PAGE_SIZE": "10", "TRUCE_DEFAULT_PAGE_SIZE": "20"]).configuration()
        }
        #expect(pages.key == "default_page_size")
    }
}
