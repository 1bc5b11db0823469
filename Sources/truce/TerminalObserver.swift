import TruceApp
import TruceCore
import TruceIngest

/// Tells the person at the terminal what a use case has to say: notes and quarantined rows on standard error,
/// and a progress bar while a file is imported when standard error is a terminal.
final class TerminalObserver: ProgressObserver {
    private var bar: ProgressBar?

    func note(_ text: String) { printError(text) }

    func startedImporting(_ file: String) { bar = ProgressBar(label: file) }

    func importing(_ file: String, progress: ImportProgress) { bar?.update(progress) }

    func quarantined(_ record: QuarantinedRecord) {
        bar?.clear()
        printError("\(record.file):\(record.line): quarantined: \(record.reason)")
    }

    func finishedImporting(_ file: String) {
        bar?.finish()
        bar = nil
    }
}
