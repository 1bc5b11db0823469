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

    /// The text of parameter `name`; an empty value counts as absent.
    func text(_ name: String, maxBytes: Int = QueryParameters.maxValueBytes) throws -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
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

    /// `from` and `to` as a range of days, `from` not after `to`.
    func days() throws -> DayRange {
        let range = DayRange(from: try day("from"), to: try day("to"))
        if let from = range.from, let to = range.to, to.instant(in: .utc) < from.instant(in: .utc) {
            throw Problem.invalid("to", "is a day before from")
        }
        return range
    }

    /// The verdict filters of `truce verdicts list` and `truce export`.
    func verdictFilter() throws -> VerdictFilter {
        VerdictFilter(
            agreement: try text("agreement", maxBytes: 128), party: try text("party", maxBytes: 64).map { PartyID($0) }, days: try days(),
            verdict: try choice("verdict"), evidence: try choice("evidence"), region: try text("region", maxBytes: 128))
    }
}
