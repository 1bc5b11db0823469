import Foundation
import Testing

@Suite("--max-record-size, on truce import and incidents load")
struct RecordSizeCLITests {
    /// A Truce CSV with a short row, a row whose description is `length` bytes long, and another short row.
    static func fixture(longDescription length: Int) -> String {
        let header = "id,start,time_zone,claimant,source_url,description\n"
        let short = "r-1,2025-03-20,Europe/Kyiv,Reuters,https://example.org/1,short\n"
        let long = "r-2,2025-03-21,Europe/Kyiv,Reuters,https://example.org/2,\"\(String(repeating: "x", count: length))\"\n"
        let last = "r-3,2025-03-22,Europe/Kyiv,Reuters,https://example.org/3,short\n"
        return header + short + long + last
    }

    @Test("a record over --max-record-size is quarantined with its line and the rows after it still import")
    func overlongRecordIsQuarantined() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("long.csv")
        try Self.fixture(longDescription: 5_000).write(to: file, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("t.sqlite").path

        let limited = try CLI.run(["import", "truce", file.path, "--db", db, "--max-record-size", "4KiB"])
        #expect(limited.status == 0, "\(limited.errors)")
        #expect(limited.output.contains("2 new, 0 updated, 0 unchanged, 1 quarantined"), "\(limited.output)")
        #expect(limited.errors.contains("long.csv:3: quarantined:"), "\(limited.errors)")
        #expect(limited.errors.contains("4096"), "\(limited.errors)")

        let roomy = try CLI.run(["incidents", "load", file.path, "--db", db, "--max-record-size", "1MiB"])
        #expect(roomy.output.contains("1 new, 0 updated, 2 unchanged, 0 quarantined"), "\(roomy.output)")
    }

    @Test("a --max-record-size that is not a size is a usage error", arguments: ["0", "-5", "lots", "12XB", "99999999999999999999"])
    func badSizeIsUsageError(value: String) throws {
        let result = try CLI.run(["import", "truce", "x.csv", "--max-record-size", value])
        #expect(result.status == 64, "\(result.errors)")
        #expect(result.errors.contains("max-record-size"), "\(result.errors)")
    }
}
