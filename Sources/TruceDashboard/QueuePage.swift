import Foundation
import TruceApp
import TruceCore

/// Which records the review queue shows, and what the last bulk action came to.
public struct QueueSelection: Sendable {
    public var state: ReviewState
    public var dataset: String?
    public var notice: String?

    public init(state: ReviewState = .unreviewed, dataset: String? = nil, notice: String? = nil) {
        self.state = state
        self.dataset = dataset
        self.notice = notice
    }
}

extension Dashboard {
    /// The review queue: the records in one review state (from one dataset), waiting longest first, each with
    /// when and where it happened (from `incidents`, read without their verbatim fields) and who holds it; a reviewer signed in with
    /// a browser checks records and does one action to all of them.
    public func queuePage(
        _ items: [ReviewStatus], incidents: [Incident] = [], selection: QueueSelection = QueueSelection(), at now: Date, for request: PageRequest
    ) throws -> String {
        let language = request.language
        let summaries = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = items.map { status in
            let incident = summaries[status.incident]
            return QueueRow(
                incident: status.incident, href: Self.href("/incidents/\(status.incident)", [("lang", language.rawValue)]),
                start: incident.map { TimeFormatting.when($0.time) } ?? "–",
                place: incident.map { incident in
                    let location = incident.location
                    return [location.place, location.admin1.map { PlaceNames.region($0, in: language) }, location.country].compactMap { $0 }
                        .joined(separator: ", ")
                } ?? "–",
                state: label("review_\(status.state.rawValue)", language), waiting: TimeFormatting.utc(status.updated),
                holder: status.lock(at: now).map { "\($0.holder) · \(TimeFormatting.utc($0.expires))" } ?? "–")
        }
        let content = QueueContent(
            rows: rows, empty: rows.isEmpty,
            states: ReviewState.allCases.map {
                Option(value: $0.rawValue, label: label("review_\($0.rawValue)", language), selected: $0 == selection.state)
            }, dataset: selection.dataset ?? "", notice: selection.notice,
            actions: ReviewAction.allCases.filter { $0 != .merge }.map {
                Option(value: $0.rawValue, label: label("action_\($0.rawValue)", language), selected: false)
            }, csrf: request.viewer?.csrfToken)
        return try render("queue", title: catalogue.text("queue_title", in: language), content: content, for: request)
    }

    /// The sign-in form, with the reason the last attempt failed when it did.
    public func signInPage(next: String, failed: Bool, for request: PageRequest) throws -> String {
        try render(
            "signin", title: catalogue.text("signin_title", in: request.language), content: SignInContent(next: next, failed: failed), for: request)
    }

    struct QueueRow {
        var incident: String
        var href: String
        /// When the incident began, in its own zone.
        var start: String
        var place: String
        var state: String
        var waiting: String
        var holder: String
    }

    struct QueueContent {
        var rows: [QueueRow]
        var empty: Bool
        var states: [Option]
        var dataset: String
        var notice: String?
        var actions: [Option]
        /// The session's CSRF token, for the bulk form; `nil` shows no form.
        var csrf: String?
    }

    struct SignInContent {
        var next: String
        var failed: Bool
    }
}
