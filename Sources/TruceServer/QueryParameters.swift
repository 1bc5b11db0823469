import Hummingbird
import TruceApp
import TruceCore
import TruceStore

/// A request's query parameters read as Truce's values. A value that cannot be used is a
/// ``Problem/Kind/invalidParameter`` problem naming the parameter and what it takes, never echoing the value.
struct QueryParameters {
    let values: [String: String]
    /// The longest value any parameter takes, in bytes.
    static let maxValueBytes = 1_024

    init(_ request: Request) throws {
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard value.utf8.count <= Self.maxValueBytes else { throw Problem.invalid(name, "is longer than \(Self.maxValueBytes) bytes") }
            values[name] = String(value)
        }
        self.values = values
    }

    /// The parameters of a page's query, where a form sends the fields left blank as empty values: those are
    /// dropped, as if absent.
    init(form request: Request) throws {
        self.values = try QueryParameters(request).values.filter { !$0.value.isEmpty }
    }

    /// The parameters given, in name order, for links that keep them.
    var pairs: [(String, String)] { values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// The text of parameter `name`, `nil` when it is absent; an empty value is refused (leave it out instead).
    func text(_ name: String, maxBytes: Int = QueryParameters.maxValueBytes) throws -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw Problem.invalid(name, "is empty: leave the parameter out instead") }
        guard value.utf8.count <= maxBytes else { throw Problem.invalid(name, "is longer than \(maxBytes) bytes") }
        return value
    }

    /// A day, `YYYY-MM-DD`.
    func day(_ name: String) throws -> StatedTime? {
        guard let text = try text(name) else { return nil }
        do { return try DayText.read(text) } catch { throw Problem.invalid(name, error.description) }
    }

    /// A whole number in `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.invalid(name, "takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// One of a closed set of values.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type = Value.self) throws -> Value?
    where Value.RawValue == String {
        guard let text = try text(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw Problem.invalid(name, "takes one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// A cursor: the `next` of a page before.
    func cursor(_ name: String = "cursor") throws -> PagePosition? {
        guard let text = try text(name) else { return nil }
        guard let position = PagePosition(token: text) else { throw Problem.invalid(name, "is not a cursor this server gave") }
        return position
    }

    /// A page size: `limit`, bounded by the configuration.
    func limit(_ configuration: ServerConfiguration) throws -> Int {
        try integer("limit", in: 1...configuration.maxPageSize) ?? configuration.defaultPageSize
    }

    /// `from` and `to` as a range of days (a `to` before `from` selects nothing, as on the command line).
    func days() throws -> DayRange {
        DayRange(from: try day("from"), to: try day("to"))
    }

    /// The verdict filters of `truce verdicts list` and `truce export`.
    func verdictFilter() throws -> VerdictFilter {
        VerdictFilter(
            agreement: try text("agreement", maxBytes: 128), party: try text("party", maxBytes: 64).map { PartyID($0) }, days: try days(),
            verdict: try choice("verdict"), evidence: try choice("evidence"), region: try text("region", maxBytes: 128))
    }
}
