import Foundation
import TruceIngest

/// A one-line progress bar on standard error (bytes done, rows per second, time left), drawn only when standard error
/// is a terminal, so logs and pipes stay clean.
final class ProgressBar {
    private let label: String
    private let started = Date()
    private var lastDrawn = Date.distantPast

    /// `nil` when standard error is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ progress: ImportProgress) {
        let (bytesRead, totalBytes) = (progress.bytesRead, progress.totalBytes)
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytesRead) / elapsed
        let rows = Int(Double(progress.records) / elapsed)
        var line = "\(label): \(megabytes(bytesRead)), \(rows) rows/s"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(Double(bytesRead) / Double(totalBytes), 1)
            let width = 24
            let filled = Int(fraction * Double(width))
            let left = rate > 0 ? Double(totalBytes - bytesRead) / rate : 0
            line =
                "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
                + "\(Int(fraction * 100))% \(megabytes(bytesRead)) of \(megabytes(totalBytes)), \(rows) rows/s, \(Int(left.rounded())) s left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    func finish() { clear() }

    private func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}
