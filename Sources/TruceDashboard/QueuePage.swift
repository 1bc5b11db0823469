import Foundation
import TruceApp
import TruceCore

extension Dashboard {
    /// The review queue: the records waiting longest first, with who holds each.
    public func queuePage(_ items: [ReviewStatus], at now: Date, for request: PageRequest) throws -> String {
        let language = request.language
        let rows = items.map { status in
            QueueRow(
                incident: status.incident, href: Self.href("/incidents/\(status.incident)", [("lang", language.rawValue)]),
                state: label("review_\(status.state.rawValue)", language), waiting: TimeFormatting.utc(status.updated),
                holder: status.lock(at: now).map { "\($0.holder) · \(TimeFormatting.utc($0.expires))" } ?? "–")
        }
        return try render(
            "queue", title: catalogue.text("queue_title", in: language), content: QueueContent(rows: rows, empty: rows.isEmpty), for: request)
    }

    /// The sign-in form, with the reason the last attempt failed when it did.
    public func signInPage(next: String, failed: Bool, for request: PageRequest) throws -> String {
        try render(
            "signin", title: catalogue.text("signin_title", in: request.language), content: SignInContent(next: next, failed: failed), for: request)
    }

    struct QueueRow {
        var incident: String
        var href: String
        var state: String
        var waiting: String
        var holder: String
    }

    struct QueueContent {
        var rows: [QueueRow]
        var empty: Bool
    }

    struct SignInContent {
        var next: String
        var failed: Bool
    }
}
