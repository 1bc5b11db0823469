import Foundation
import Testing
import TruceServer
import TruceStore
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
        let configuration = ServerFixtures.accountsConfiguration()
        let store = try ServerFixtures.store()
        // Signed in as an admin, whom every operation answers with what it does rather than 401 or 403.
        let authorization = try ServerFixtures.authorization(as: .admin, in: store)
        let document = try OpenAPIDocument(maxPageSize: configuration.maxPageSize)
        let router = TruceServer.router(configuration: configuration, store: StoreAccess(store: store), document: document)
        try await LifecycleTests.serve(router, configuration: configuration) { _, port in
            var selected = 0
            // One worker: two threads of schemathesis parsing at once can crash CPython's parser ("AST constructor
            // recursion depth mismatch"), an error of the tool, not of the server.
            // The operations that can end the admin's own session, token or role run last, on their own, so that
            // the others are not all answered 401 once schemathesis has revoked the token it signs in with.
            for (phase, filter) in [("the record", "--exclude-operation-id"), ("the admin's own credentials", "--include-operation-id")] {
                let run = try await Schemathesis.run(
                    executable,
                    arguments: [
                        "run", "http://127.0.0.1:\(port)/api/v1/openapi.json", "--checks", Self.checks.joined(separator: ","),
                        "--max-examples", "15", "--seed", "1", "--workers", "1", "--no-color", "--request-timeout", "60",
                        "--header", "Authorization: \(authorization)",
                    ] + Self.lastOperations.flatMap { [filter, $0] })
                let summary = run.output.components(separatedBy: "\n").drop { !$0.contains("SUMMARY") }.joined(separator: "\n")
                print("schemathesis on port \(port), \(phase):\n\(summary)")
                #expect(run.status == 0, "schemathesis found problems:\n\(run.output.suffix(8000))")
                let count = try #require(Self.count(after: "Selected: ", in: summary), "no summary:\n\(run.output.suffix(6000))")
                #expect(Self.count(after: "Tested: ", in: summary) == count, "not every operation was exercised:\n\(summary)")
                selected += count
            }
            // schemathesis reads the document from GET /api/v1/openapi.json and leaves that operation out.
            #expect(selected == document.operations.count - 1, "the runs selected \(selected) of \(document.operations.count) operations")
        }
    }

    /// The operations run after all others: signing out, revoking a token and changing a user (all of which can
    /// be the admin's own).
    static let lastOperations = ["signOut", "revokeToken", "changeUser", "dashboardChangeUser", "dashboardRevokeToken"]

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
