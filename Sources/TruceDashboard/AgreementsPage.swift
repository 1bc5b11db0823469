import Foundation
import TruceApp
import TruceCore

extension Dashboard {
    /// The list of agreements: each with its kind, parties, status today, and window in its own zone and in UTC.
    public func agreementsPage(_ agreements: [Agreement], at now: Date, for request: PageRequest) throws
        -> String
    {
        let language = request.language
        let rows = agreements.sorted { ($0.span?.start ?? .distantPast, $0.id) > ($1.span?.start ?? .distantPast, $1.id) }.map { agreement in
            AgreementRow(
                href: Self.href("/agreements/\(agreement.id)", [("lang", language.rawValue)]), id: agreement.id, title: agreement.title,
                kind: label("kind_\(agreement.kind.rawValue)", language), parties: agreement.parties.map(\.name).joined(separator: ", "),
                status: statusText(agreement, at: now, language: language), window: window(agreement, language: language))
        }
        return try render(
            "agreements", title: catalogue.text("agreements_title", in: language), content: AgreementsContent(rows: rows, empty: rows.isEmpty),
            for: request)
    }

    func label(_ key: String, _ language: Language) -> String { catalogue.text(key, in: language) }

    /// Each belligerent's status at `now` in words, one when they agree.
    func statusText(_ agreement: Agreement, at now: Date, language: Language) -> String {
        let statuses = agreement.statuses(at: now)
        let words = statuses.map { ($0.party, $0.status.map { label("status_\($0.rawValue)", language) } ?? label("status_none", language)) }
        if Set(words.map(\.1)).count <= 1 { return words.first?.1 ?? label("status_none", language) }
        return words.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
    }

    /// The window in the agreement's zone and in UTC.
    func window(_ agreement: Agreement, language: Language) -> Window {
        guard let span = agreement.span else { return Window(local: label("window_none", language), utc: "", zone: agreement.timeZone.rawValue) }
        let open = label("window_open", language)
        return Window(
            local:
                "\(TimeFormatting.local(span.start, in: agreement.timeZone)) – \(span.end.map { TimeFormatting.local($0, in: agreement.timeZone) } ?? open)",
            utc: "\(TimeFormatting.utc(span.start)) – \(span.end.map(TimeFormatting.utc) ?? open)", zone: agreement.timeZone.rawValue)
    }

    struct Window {
        var local: String
        var utc: String
        var zone: String
    }

    struct AgreementRow {
        var href: String
        var id: String
        var title: String
        var kind: String
        var parties: String
        var status: String
        var window: Window
    }

    struct AgreementsContent {
        var rows: [AgreementRow]
        var empty: Bool
    }
}
