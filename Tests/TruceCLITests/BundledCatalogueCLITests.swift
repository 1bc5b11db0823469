import Foundation
import Testing

/// The demo's catalogue and examples ship in the resource bundle beside the binary, and are read from there
/// whatever the working directory.
@Suite("The demo's shipped files, wherever the binary runs")
struct BundledCatalogueCLITests {
    @Test("a binary copied out of the checkout runs the demo from an empty directory, reading the catalogue beside it")
    func copiedBinaryRunsTheDemo() throws {
        let (executable, work) = try BundledFilesCLITests.copiedBinary(withBundle: true)
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        // The copy's catalogue loses one agreement: the demo must read the bundle beside the binary, not the checkout.
        let bundle = executable.deletingLastPathComponent().appendingPathComponent(BundledFilesCLITests.bundleName)
        try FileManager.default.removeItem(at: bundle.appendingPathComponent("agreements/2025/victory-day-truce-2025.yaml"))
        let demo = try CLI.run(["demo", "--dir", "out"], in: work, executable: executable)
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.output.contains("agreements (agreements/2025): 5 new, 0 updated, 0 unchanged, 0 quarantined"), "\(demo.output)")
        #expect(demo.output.contains("incidents (examples/2025/incidents.csv): 78 new"), "\(demo.output)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/truce.sqlite").path))
        #expect(demo.output.contains("report: out/reports/energy-moratorium-2025_"), "\(demo.output)")
    }

    @Test("without its resource bundle, the demo names the bundle and --catalog DIR")
    func missingCatalogueNamesTheOption() throws {
        let (executable, work) = try BundledFilesCLITests.copiedBinary(withBundle: false)
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        let demo = try CLI.run(["demo", "--dir", "out"], in: work, executable: executable)
        #expect(demo.status == 1)
        #expect(
            demo.errors == "cannot find agreements/2025 (it ships in \(BundledFilesCLITests.bundleName), which must sit beside the truce binary): "
                + "pass --catalog DIR\n", "\(demo.errors)")
    }
}
