import Foundation
import Hummingbird
import TruceApp
import TruceCore
import TruceDashboard
import TruceStore

/// The web dashboard's pages (``TruceDashboard/Dashboard``), read with the same permissions as the API routes whose
/// data they show: `/` lists the agreements, `/agreements/{id}` is an agreement's page with its verdicts table,
/// `/incidents/{id}` an incident's. `lang` (`en`, `uk`, `ru`) or `Accept-Language` chooses the language.
struct DashboardRoutes {
    let store: StoreAccess
    /// The dashboard, or why its templates could not be loaded (each page then answers with that error).
    let dashboard: Result<Dashboard, any Error>

    /// The agreement pages' report figures, kept until the store changes (none when the store cannot be watched).
    let reports: MinuteMemo<AgreementID, BuiltReport>?
    /// The agreement pages rendered for no reader, kept for signed-in readers until the store changes.
    let pages: MinuteMemo<String, String>?

    init(store: StoreAccess, dashboard: Result<Dashboard, any Error>) {
        self.store = store
        self.dashboard = dashboard
        let watch = try? store.store.changeWatch()
        // The report figures of up to 64 agreements, and up to 32 MiB of pages.
        reports = watch.map { MinuteMemo(watch: $0, capacity: 64) }
        pages = watch.map { MinuteMemo(watch: $0, capacity: 32 << 20, cost: { $0.utf8.count }) }
    }

    /// The dashboard shipped with the server, loaded once per process.
    static let shipped = Result { try Dashboard() }
    /// Rows of the verdicts table per page.
    static let pageSize = 50

    func add(to router: Router<TruceRequestContext>) {
        router.get("/") { request, context in
            let parameters = try QueryParameters(form: request)
            try context.require(.readAgreements)
            let page = try Self.pageRequest(request, parameters, context, path: "/")
            let agreements = try await store.run { try $0.agreements() }.filter { context.allows(.readAgreements, agreement: $0.id) }
            let html = try dashboard.get().agreementsPage(agreements, at: Date(), for: page)
            return Self.page(html)
        }
        router.get("/agreements/{id}") { request, context in
            let id = try context.pathParameter("id")
            let parameters = try QueryParameters(form: request)
            // The page holds the report's figures and incidents: what a report needs.
            try context.require(.readIncidents, agreement: id)
            try context.require(.readVerdicts, agreement: id)
            let page = try Self.pageRequest(request, parameters, context, path: "/agreements/\(id)")
            var filter = try parameters.verdictFilter()
            filter.agreement = id
            let listRequest = VerdictListRequest(filter: filter, unit: .record, after: try parameters.cursor(), limit: Self.pageSize)
            let filters = AgreementPageData.filterNames.compactMap { name in parameters.values[name].map { (name, $0) } }
            let reports = reports
            let pages = pages
            let board = try dashboard.get()
            let anonymous = PageRequest(language: page.language, path: page.path, query: page.query, viewer: nil)
            let key = ([page.path, page.language.rawValue] + page.query.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{0}")
            // Rendering reads the store and writes a large page: work for a thread of the pool, not the event loop.
            let html = try await store.run { store in
                let render = {
                    let agreement = try Agreements.named(id, in: store)
                    let build = { try Reporting.build(ReportRequest(agreement: id), store: store) }
                    let built = try reports?.value(id, now: Date(), make: build) ?? build()
                    let data = AgreementPageData(
                        agreement: agreement, built: built, table: try VerdictListing.list(listRequest, in: store), filters: filters)
                    return try board.agreementPage(data, at: Date(), for: anonymous)
                }
                // An anonymous reader's page is kept whole by the response cache; a signed-in reader's is the page
                // rendered for no one, kept here, with their own site header.
                guard page.viewer != nil, let pages else { return try render() }
                return try board.personalised(try pages.value(key, now: Date(), make: render), for: page)
            }
            return Self.page(html)
        }
        router.get("/incidents/{id}") { request, context in
            let id = try context.pathParameter("id")
            let parameters = try QueryParameters(form: request)
            try context.require(.readIncidents)
            let page = try Self.pageRequest(request, parameters, context, path: "/incidents/\(id)")
            let notice = try parameters.text("notice", maxBytes: 512)
            let submitted = parameters.values["submitted"] == "1"
            let scope = context.principal?.agreementScope ?? []
            let reviews = context.allows(.review)
            let data = try await store.run { store in
                guard let incident = try store.incidents(ids: [id], detail: .summary).first, try IncidentRoutes.within(scope, incident, store) else {
                    throw NotFound(.incident, id: id)
                }
                let review = reviews ? try store.review(of: id) : nil
                return UncheckedSendable(
                    IncidentPageData(
                        explanation: try Explaining.explain(incident: id, store: store), versions: try store.history(of: id).count, review: review,
                        notice: notice, submitted: submitted))
            }.value
            let html = try dashboard.get().incidentPage(data, at: Date(), for: page)
            return Self.page(html)
        }
    }

    /// The page's language: `lang`'s (another value is refused), else `Accept-Language`'s, else English.
    static func language(_ request: Request, _ parameters: QueryParameters) throws -> Language {
        if let asked = parameters.values["lang"], Language(rawValue: asked) == nil {
            throw Problem.invalid("lang", "takes one of " + Language.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return Language.negotiated(parameter: parameters.values["lang"], acceptLanguage: request.headers[.acceptLanguage])
    }

    /// What a page is rendered for: its language, its path and query, and who reads it (with the session's CSRF
    /// token for its forms when the reader signed in with a browser session).
    static func pageRequest(_ request: Request, _ parameters: QueryParameters, _ context: TruceRequestContext, path: String) throws -> PageRequest {
        let viewer = context.principal.map { principal in
            Viewer(
                name: principal.name,
                csrfToken: principal.credential == .session ? SessionCookie.value(of: SessionCookie.csrfName, in: request) : nil,
                mayReview: context.allows(.review), maySubmit: context.allows(.submitObservations), isAdmin: context.allows(.manageUsers))
        }
        return PageRequest(
            language: try language(request, parameters), path: path, query: parameters.pairs.filter { $0.0 != "notice" && $0.0 != "submitted" },
            viewer: viewer)
    }

    /// A page as HTML, kept by no shared cache (what it shows depends on who asks).
    static func page(_ html: String) -> Response {
        Responses.bytes(Array(html.utf8), as: Responses.html, headers: [.cacheControl: "private, no-cache"])
    }
}
