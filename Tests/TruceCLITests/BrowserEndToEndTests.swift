import Foundation
import Testing

/// The dashboard in a real browser: `scripts/e2e/dashboard.py` drives Debian's headless Chromium with Playwright
/// against `truce serve` on a demo store (an admin creates a monitor and two analysts; the monitor submits an
/// observation with a GPS-tagged photo from a phone-sized screen, by keyboard; one analyst takes and verifies it
/// while the other sees the lock; the agreement page shows it verified; the public photo has no GPS; an offline
/// draft sent twice is stored once; axe-core finds no serious or critical violation on any page). Screenshots of
/// each page are kept in `.build/e2e-screenshots/`.
@Suite("The dashboard end to end in headless Chromium")
struct BrowserEndToEndTests {
    static let screenshots = CLI.repository.appendingPathComponent(".build/e2e-screenshots")

    /// Why the browser test cannot run here, if it cannot: no Chromium, or Python without Playwright, axe or Pillow.
    static let missing: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return "chromium is not installed" }
        let probe = try? Processes.run("/usr/bin/env", ["python3", "-c", "import playwright, axe_playwright_python, PIL"])
        guard probe?.status == 0 else { return "python3 lacks playwright, axe-playwright-python or pillow (.ci/run installs them)" }
        return nil
    }()

    @Test(
        "an observation goes from a monitor's phone to verified on the agreement page, every page accessible",
        .enabled(if: missing == nil, "\(missing ?? "")"), .timeLimit(.minutes(10)))
    func monitorToVerified() async throws {
        let script = CLI.repository.appendingPathComponent("scripts/e2e/dashboard.py").path
        let arguments = ["python3", script, "--truce", CLI.executable.path, "--out", Self.screenshots.path]
        // Waited for on a thread of its own: the test runner's few threads go on serving the other suites' servers.
        let run = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try Processes.run("/usr/bin/env", arguments) }) }
        }
        print(run.output)
        #expect(run.status == 0, "\(run.output.suffix(4000))\n\(run.errors.suffix(4000))")
        let shots = try FileManager.default.contentsOfDirectory(atPath: Self.screenshots.path).filter { $0.hasSuffix(".png") }
        #expect(shots.count >= 13, "\(shots.sorted())")
    }
}
