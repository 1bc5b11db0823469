import Foundation

/// A language the dashboard is written in: every label is catalogued in each.
public enum Language: String, CaseIterable, Hashable, Sendable {
    case english = "en"
    case ukrainian = "uk"
    case russian = "ru"

    /// The language a request asks for: its `lang` parameter when it names one, else the first of `Accept-Language`
    /// that the dashboard has, else English.
    public static func negotiated(parameter: String?, acceptLanguage: String?) -> Language {
        if let parameter, let chosen = Language(rawValue: parameter.lowercased()) { return chosen }
        for range in (acceptLanguage ?? "").split(separator: ",") {
            let tag = range.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let chosen = Language(rawValue: String(tag.prefix(2))) { return chosen }
        }
        return .english
    }

    /// The language's own name, as the switch shows it.
    public var name: String {
        switch self {
        case .english: "English"
        case .ukrainian: "Українська"
        case .russian: "Русский"
        }
    }
}
