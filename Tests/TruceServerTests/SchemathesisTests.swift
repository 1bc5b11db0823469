import Foundation
import Testing
import TruceServer
import TruceTestSupport

/// The independent check of the contract: schemathesis (PyPI) reads the document the server serves, generates
/// requests for every operation, valid and invalid, and checks every answer against the document.
@Suite("The served OpenAPI document holds against schemathesis")
struct SchemathesisTests {
    /// The checks run: no 5xx, statuses, content types, headers and bodies as documented, and invalid requests
    /// refused. Schema-valid requests that name what the store does not hold (a made-up id or cursor) are
    /// rightly answered 404 or 400, so `positive_data_acceptance` is not among them.
    static let checks = [
        "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
        "response_schema_conformance", "negative_data_rejection",
    ]

    @Test(
        "every operation exercised, every response valid against the document, no 5xx",
        .enabled(if: Schemathesis.executable != nil, "schemathesis is not installed (pip install schemathesis; .ci/run installs it)"))
    func contract() async throws {
        let executable = try #require(Schemathesis.executable)
        let configuration = ServerFixtures.configuration()
        let router = TruceServer.router(
            configuration: configuration, store: StoreAccess(store: try ServerFixtures.store()),
            document: try OpenAPIDocument(maxPageSize: configuration.maxPageSize))
        try await LifecycleTests.serve(router, configuration: configuration) { _, port in
            let run = try await Schemathesis.run(
                executable,
                arguments: [
                    "run", "http://127.0.0.1:\(port)/api/v1/openapi.json", "--checks", Self.checks.joined(separator: ","),
                    "--max-examples", "15", "--seed", "1", "--workers", "2", "--no-color", "--request-timeout", "60",
                ])
            let summary = run.output.components(separatedBy: "\n").drop { !$0.contains("SUMMARY") }.joined(separator: "\n")
            print("schemathesis on port \(port):\n\(summary)")
            #expect(run.status == 0, "schemathesis found problems:\n\(run.output.suffix(6000))")
            let selected = try #require(Self.count(after: "Selected: ", in: summary), "no summary:\n\(run.output.suffix(6000))")
            #expect(selected >= 12 && Self.count(after: "Tested: ", in: summary) == selected, "not every operation was exercised:\n\(summary)")
        }
    }

    /// The number that follows `label` in schemathesis's summary (`Selected: 12/12`, `Tested: 12`).
    static func count(after label: String, in summary: String) -> Int? {
        guard let range = summary.range(of: label) else { return nil }
        return Int(summary[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Finding and running the schemathesis command.
enum Schemathesis {
    /// `TRUCE_SCHEMATHESIS` when set, else `schemathesis` on the `PATH`; `nil` when neither is there.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["TRUCE_SCHEMATHESIS"], !named.isEmpty { return named }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/schemathesis"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `executable` with `arguments` without blocking a thread, and returns its exit status and output.
    static func run(_ executable: String, arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Its own working directory: schemathesis keeps a database of examples where it runs.
        let directory = try ScratchDirectory.make("schemathesis")
        process.currentDirectoryURL = directory
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("truce-schemathesis-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: output) }
        return (status, try String(contentsOf: output, encoding: .utf8))
    }
}
