import Foundation
import Mustache

/// The web dashboard's pages, rendered on the server from Mustache templates (`Templates/*.mustache` in the
/// module's resources) and the labels of a ``Catalogue``: every page is complete HTML, readable without
/// JavaScript, and prints without its navigation.
///
/// ```swift
/// let dashboard = try Dashboard()
/// let html = try dashboard.agreementsPage(AgreementsPage.build(in: store, at: Date()), language: .ukrainian, path: "/")
/// ```
public struct Dashboard: Sendable {
    let library: MustacheLibrary
    public let catalogue: Catalogue
    /// The static files pages load (`Assets/*`: the submission form's script), by name.
    let assets: [String: [UInt8]]

    /// Loads the shipped templates and catalogue.
    /// - Throws: ``DashboardError`` when a resource is missing or a template does not parse.
    public init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw DashboardError.missingResource("Templates")
        }
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            do {
                try library.register(String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw DashboardError.template("\(file.lastPathComponent): \(error)")
            }
        }
        self.library = library
        catalogue = try Catalogue.bundled()
        guard let assetFolder = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw DashboardError.missingResource("Assets")
        }
        var assets: [String: [UInt8]] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: assetFolder, includingPropertiesForKeys: nil) {
            assets[file.lastPathComponent] = Array(try Data(contentsOf: file))
        }
        self.assets = assets
    }

    /// The static file `name` a page loads (`submit.js`), with its media type; `nil` when there is none.
    public func asset(named name: String) -> (bytes: [UInt8], mediaType: String)? {
        guard let bytes = assets[name] else { return nil }
        let mediaType = name.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream"
        return (bytes, mediaType)
    }

    /// The page `template` with `content`, for the request `request` (whose language links keep its query).
    func render(_ template: String, title: String, content: some Any, for request: PageRequest) throws -> String {
        let language = request.language
        let labels = catalogue.labels(in: language)
        let page = Page(
            t: labels, lang: language.rawValue, title: title,
            languages: Language.allCases.map { other in
                LanguageLink(
                    name: other.name, code: other.rawValue, current: other == language,
                    href: Self.href(request.path, request.query.filter { $0.0 != "lang" } + [("lang", other.rawValue)]))
            }, viewer: request.viewer, signInHref: Self.href("/signin", [("lang", language.rawValue), ("next", request.path)]),
            content: content)
        guard let html = library.render(page, withTemplate: template) else { throw DashboardError.template(template) }
        return html
    }

    /// `path` with `query` percent-encoded, as the dashboard's links are written.
    public static func href(_ path: String, _ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // `+` stays literal in a query built this way; spell it out so that a server reads it as a plus.
        return (components.string ?? path).replacingOccurrences(of: "+", with: "%2B")
    }

    /// What every page's layout reads.
    struct Page {
        /// The labels, by key.
        var t: [String: String]
        var lang: String
        var title: String
        var languages: [LanguageLink]
        /// Who is signed in, for the header's name and sign-out form; `nil` shows a sign-in link.
        var viewer: Viewer?
        var signInHref: String
        var content: Any
    }

    struct LanguageLink {
        var name: String
        var code: String
        var current: Bool
        var href: String
    }
}

/// Who reads a page, and how their browser proves its forms are theirs.
public struct Viewer: Sendable {
    public var name: String
    /// The session's CSRF token, written into each form; `nil` for a reader signed in with an API token, who
    /// gets no forms.
    public var csrfToken: String?
    /// What the reader may do, for the links the header offers: review, submit observations, manage users.
    public var mayReview: Bool
    public var maySubmit: Bool
    public var isAdmin: Bool

    public init(name: String, csrfToken: String?, mayReview: Bool = false, maySubmit: Bool = false, isAdmin: Bool = false) {
        self.name = name
        self.csrfToken = csrfToken
        self.mayReview = mayReview
        self.maySubmit = maySubmit
        self.isAdmin = isAdmin
    }
}

/// What a page is rendered for: the language, the path and query asked (kept by the language links), and who asks.
public struct PageRequest: Sendable {
    public var language: Language
    public var path: String
    public var query: [(String, String)]
    public var viewer: Viewer?

    public init(language: Language, path: String, query: [(String, String)], viewer: Viewer?) {
        self.language = language
        self.path = path
        self.query = query
        self.viewer = viewer
    }
}

extension Dashboard {
    /// `page`, rendered for no reader, as `request`'s reader sees it: its site header (their name, the links their
    /// role opens, the sign-out form with their CSRF token) in place of the anonymous one. For pages whose content is
    /// the same for every reader allowed to read them (an agreement's), so that the content is rendered once.
    public func personalised(_ page: String, for request: PageRequest) throws -> String {
        guard request.viewer != nil, let start = page.range(of: "<header class=\"site\">"),
            let end = page.range(of: "</header>", range: start.upperBound..<page.endIndex)
        else { return page }
        var site = try render("site", title: "", content: "", for: request)
        if site.hasSuffix("\n") { site.removeLast() }
        return page[..<start.lowerBound] + site + page[end.upperBound...]
    }
}
