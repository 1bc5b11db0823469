import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TruceTestSupport

/// Writing through a test client.
extension TestClientProtocol {
    /// Sends `body` as `contentType` with `method` to `uri`.
    func send(_ method: HTTPRequest.Method, _ uri: String, body: String, as contentType: String) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: [.contentType: contentType], body: ByteBuffer(string: body)) { $0 }
    }

    /// Uploads `csv` as a Truce CSV file named `name`, and answers the job's id.
    func upload(_ csv: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await send(.post, "/api/v1/imports?dataset=truce&name=\(name)", body: csv, as: "text/csv")
        #expect(response.status == .accepted, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers[.location]?.hasPrefix("/api/v1/imports/") == true, sourceLocation: sourceLocation)
        return try #require(try response.object(sourceLocation: sourceLocation)["id"] as? String, sourceLocation: sourceLocation)
    }

    /// The import job `id` once it is done or failed (waiting up to two minutes: the suite shares two cores).
    func finishedJob(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let job = try await get("/api/v1/imports/\(id)").object(sourceLocation: sourceLocation)
            if let state = job["state"] as? String, state == "done" || state == "failed" { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the import job \(id) did not finish", sourceLocation: sourceLocation)
        return [:]
    }
}

/// Truce CSV files for uploads.
enum UploadFiles {
    /// `count` drone strikes on energy in Kharkiv in March 2025 (ids `PREFIX-N`), dated by `generator`.
    static func strikes(count: Int, prefix: String, description: String = "Generated strike.", generator: inout SeededGenerator) -> String {
        var lines = [ServerFixtures.header]
        for index in 0..<count {
            let day = Int.random(in: 19...29, using: &generator)
            let hour = Int.random(in: 0...23, using: &generator)
            lines.append(
                String(
                    format: "%@-%d,2025-03-%02dT%02d:00,,Europe/Kyiv,hour,UA,Kharkiv Oblast,Kharkiv,49.99,36.23,locality,", prefix, index, day, hour)
                    + "drone_strike,energy,,,RU,Generated Wire,UA,,,\(description),https://example.org/gen,")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
