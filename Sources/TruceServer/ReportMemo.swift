import Foundation
import NIOConcurrencyHelpers
import TruceApp
import TruceCore
import TruceStore

/// The report figures each agreement page shows, kept until the store changes or a minute passes: building them
/// reads every incident of the agreement's window (about a second at a million records), while a page is read
/// far more often than the store is written.
final class ReportMemo: Sendable {
    private let watch: StoreChangeWatch
    private let entries = NIOLockedValueBox([AgreementID: Entry]())
    /// The most agreements kept at once.
    static let capacity = 64

    struct Entry: Sendable {
        var version: Int64
        var minute: Int
        var built: BuiltReport
    }

    init(watch: StoreChangeWatch) { self.watch = watch }

    /// The figures of `agreement`'s report, built by `build` unless kept for the store's present version and minute.
    func report(of agreement: AgreementID, now: Date, build: () throws -> BuiltReport) throws -> BuiltReport {
        let version = try watch.version()
        let minute = Int(now.timeIntervalSince1970 / 60)
        if let kept = entries.withLockedValue({ $0[agreement] }), kept.version == version, kept.minute == minute { return kept.built }
        let built = try build()
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[agreement] = Entry(version: version, minute: minute, built: built)
        }
        return built
    }
}
