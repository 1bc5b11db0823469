import Foundation
import TruceTestSupport

/// Paths to the test fixtures and to the repository's own catalogue.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = try ScratchDirectory.make("truce-tests")
        return url
    }
}
