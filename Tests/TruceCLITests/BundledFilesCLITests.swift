import Foundation
import Testing

/// The shipped actor table and country outlines are found by a `truce` copied out of the checkout, run from
/// elsewhere; without them, the message names the option that gives the file.
@Suite("Bundled files, wherever the binary runs")
struct BundledFilesCLITests {
    static let bundleName = "Truce_TruceBundledData.resources"

    /// A copy of the built `truce` in a fresh folder, with its resource bundle beside it when `withBundle`,
    /// and an empty working directory elsewhere.
    static func copiedBinary(withBundle: Bool) throws -> (executable: URL, work: URL) {
        let root = try CLI.temporaryDirectory()
        let bin = root.appendingPathComponent("bin")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let executable = bin.appendingPathComponent("truce")
        try FileManager.default.copyItem(at: CLI.executable, to: executable)
        if withBundle {
            let bundle = CLI.executable.deletingLastPathComponent().appendingPathComponent(bundleName)
            try FileManager.default.copyItem(at: bundle, to: bin.appendingPathComponent(bundleName))
        }
        return (executable, work)
    }

    static let acled = CLI.repository.appendingPathComponent("Tests/TruceCLITests/Fixtures/export-acled.csv").path
    static let catalogue = CLI.repository.appendingPathComponent("agreements/2025").path

    @Test("a binary copied out of the checkout with its resource bundle maps actors and draws the bundled outlines")
    func copiedBinaryFindsBundledFiles() throws {
        let (executable, work) = try Self.copiedBinary(withBundle: true)
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        let imported = try CLI.run(["import", "acled", Self.acled, "--db", "x.sqlite"], in: work, executable: executable)
        #expect(imported.status == 0, "\(imported.errors)")
        let listed = try CLI.run(["incidents", "list", "--party", "RU", "--db", "x.sqlite"], in: work, executable: executable)
        #expect(listed.output.contains("acled:XPA001"), "the bundled actor table maps Military Forces of Russia to RU:\n\(listed.output)")
        #expect(try CLI.run(["agreements", "load", Self.catalogue, "--db", "x.sqlite"], in: work, executable: executable).status == 0)
        let report = try CLI.run(
            ["report", "--agreement", "energy-moratorium-2025", "--out", "reports", "--db", "x.sqlite"], in: work, executable: executable)
        #expect(report.status == 0, "\(report.errors)")
        #expect(!report.errors.contains("--boundaries"))
        let html = try String(
            contentsOfFile: work.appendingPathComponent(report.output.trimmingCharacters(in: .whitespacesAndNewlines)).path, encoding: .utf8)
        #expect(html.contains("class=\"outline\""), "the map draws the bundled country outlines")
    }

    @Test("missing actor table: a binary without its resource bundle names --actors, and the report names --boundaries")
    func missingActorTableNamesTheOption() throws {
        let (executable, work) = try Self.copiedBinary(withBundle: false)
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        let imported = try CLI.run(["import", "acled", Self.acled, "--db", "x.sqlite"], in: work, executable: executable)
        #expect(imported.status == 1)
        #expect(imported.errors.contains("data/actors.csv") && imported.errors.contains("--actors FILE"), "\(imported.errors)")
        #expect(imported.errors.contains(Self.bundleName))

        let given = try CLI.run(["import", "acled", Self.acled, "--actors", "nowhere.csv", "--db", "x.sqlite"], in: work, executable: executable)
        #expect(given.status == 1)
        #expect(given.errors.contains("nowhere.csv") && given.errors.contains("--actors"), "\(given.errors)")

        let actors = CLI.repository.appendingPathComponent("data/actors.csv").path
        #expect(try CLI.run(["import", "acled", Self.acled, "--actors", actors, "--db", "x.sqlite"], in: work, executable: executable).status == 0)
        #expect(try CLI.run(["agreements", "load", Self.catalogue, "--db", "x.sqlite"], in: work, executable: executable).status == 0)
        let report = try CLI.run(
            ["report", "--agreement", "energy-moratorium-2025", "--out", "reports", "--db", "x.sqlite"], in: work, executable: executable)
        #expect(report.status == 0, "a report without outlines is still written")
        #expect(report.errors.contains("--boundaries FILE"), "\(report.errors)")
    }
}
