import Foundation
import NIOConcurrencyHelpers
import TruceStore

/// Dashboard pages rendered for no reader, kept until the store changes or a minute passes, for signed-in readers:
/// each reader's copy differs only in its site header (``TruceDashboard/Dashboard/personalised(_:for:)``). The
/// response cache keeps anonymous readers' pages whole; a signed-in reader's page is never kept whole, since it
/// holds their session's CSRF token.
final class PageMemo: Sendable {
    private let watch: StoreChangeWatch
    private let state = NIOLockedValueBox(State())
    /// The most bytes of pages kept at once.
    static let capacityBytes = 32 << 20

    struct Entry: Sendable {
        var version: Int64
        var minute: Int
        var html: String
    }

    struct State: Sendable {
        var entries: [String: Entry] = [:]
        var bytes = 0
        /// The pages of an earlier minute one caller is rendering again.
        var refreshing: Set<String> = []
    }

    init(watch: StoreChangeWatch) { self.watch = watch }

    /// The page `key` names (its path, query and language), rendered by `render` unless kept for the store's present
    /// version and minute. A page of an earlier minute at the same version is rendered again by one caller while the
    /// others are given it meanwhile, so the turn of a minute never holds up every reader at once.
    func page(_ key: String, now: Date, render: () throws -> String) throws -> String {
        let version = try watch.version()
        let minute = Int(now.timeIntervalSince1970 / 60)
        let kept: String? = state.withLockedValue { state in
            guard let entry = state.entries[key], entry.version == version else { return nil }
            if entry.minute == minute || state.refreshing.contains(key) { return entry.html }
            state.refreshing.insert(key)
            return nil
        }
        if let kept { return kept }
        defer { state.withLockedValue { _ = $0.refreshing.remove(key) } }
        let html = try render()
        state.withLockedValue { state in
            if state.bytes + html.utf8.count > Self.capacityBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.bytes += html.utf8.count - (state.entries[key]?.html.utf8.count ?? 0)
            state.entries[key] = Entry(version: version, minute: minute, html: html)
        }
        return html
    }
}
