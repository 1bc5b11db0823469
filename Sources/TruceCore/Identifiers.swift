/// A party's short identifier, e.g. `RU`, `UA`, `IL`, `HAMAS`.
public struct PartyID: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether `text` is a well-formed party identifier: upper-case letters, digits and underscores.
    public static func isWellFormed(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// An agreement's identifier, e.g. `energy-moratorium-2025`.
public typealias AgreementID = String

/// An incident's identifier, unique within the store, e.g. `ex-2025-001` or `acled:UKR12345`.
public typealias IncidentID = String

extension String {
    /// Whether the string is a lower-case slug: letters, digits and hyphens, starting with a letter or digit.
    public var isSlug: Bool {
        guard let first = unicodeScalars.first, first != "-" else { return false }
        return unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
