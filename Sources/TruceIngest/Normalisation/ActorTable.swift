import Foundation
import TruceCore

/// Maps dataset actor names to parties, e.g. ACLED's `Military Forces of Russia (2000-)` → `RU`.
///
/// Each row is a pattern and a party. A pattern matches an actor name that equals it or starts with it
/// followed by a space or ` (`, so one row covers every period suffix such as `(2000-)` or `(2019-)`.
/// The longest matching pattern wins. The table is an editable CSV: `pattern,party,note`.
public struct ActorTable: Sendable {
    public struct Entry: Hashable, Sendable {
        public var pattern: String
        public var party: PartyID
        public init(pattern: String, party: PartyID) {
            self.pattern = pattern
            self.party = party
        }
    }

    public private(set) var entries: [Entry]
    /// Patterns by exact text, for the common case of a name that is a pattern plus a period suffix.
    private let exact: [String: PartyID]
    /// Each entry's pattern followed by a space, the start of a longer name it matches, in the order of `entries`.
    private let prefixes: [String]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.pattern.count > $1.pattern.count }
        self.exact = Dictionary(entries.map { ($0.pattern, $0.party) }, uniquingKeysWith: { first, _ in first })
        self.prefixes = self.entries.map { $0.pattern + " " }
    }

    /// Reads the table from CSV text (`pattern,party[,note]` with a header).
    /// - Throws: a ``Diagnostic`` naming the line of the first bad row, including a pattern already listed on an
    ///   earlier line (with the same party or another: either way one row would silently shadow the other).
    public init(csv text: String, file: String) throws {
        var entries: [Entry] = []
        var firstLine: [String: (line: Int, party: String)] = [:]
        var reader = CSVReader(bytes: Array(text.utf8))
        _ = reader.next()  // header
        while let element = reader.next() {
            switch element {
            case .malformed(let bad):
                throw Diagnostic(file: file, line: bad.line, field: "", message: bad.reason)
            case .record(let record):
                guard record.fields.count >= 2, !record.fields[0].isEmpty else {
                    throw Diagnostic(file: file, line: record.line, field: "pattern", message: "needs a pattern and a party")
                }
                guard PartyID.isWellFormed(record.fields[1]) else {
                    throw Diagnostic(file: file, line: record.line, field: "party", message: "\"\(record.fields[1])\" is not a party id")
                }
                let pattern = record.fields[0]
                let party = record.fields[1]
                if let earlier = firstLine[pattern] {
                    throw Diagnostic(
                        file: file, line: record.line, field: "pattern",
                        message: "\"\(pattern)\" is already listed on line \(earlier.line) (as \(earlier.party)): list each actor once")
                }
                firstLine[pattern] = (record.line, party)
                entries.append(Entry(pattern: pattern, party: PartyID(party)))
            }
        }
        self.init(entries: entries)
    }

    /// `Name` for `Name (2000-)`: the text before the last ` (` of a name that ends in `)`; `nil` for any other.
    /// An ASCII name (nearly every one) is read on its bytes, where each byte is a character; others by characters.
    static func nameBeforeBracketedSuffix(_ name: String) -> String? {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex, name[name.index(before: open)] == " " else {
                return nil
            }
            return String(name[..<name.index(before: open)])
        }
        guard utf8.last == UInt8(ascii: ")"), let open = utf8.lastIndex(of: UInt8(ascii: "(")), open > utf8.startIndex,
            case let space = utf8.index(before: open), utf8[space] == UInt8(ascii: " ")
        else { return nil }
        return String(Substring(utf8[..<space]))
    }

    /// The party `actor` maps to, or `nil` when no pattern matches.
    public func party(for actor: String) -> PartyID? {
        let name = actor.trimmingSpaces
        guard !name.isEmpty else { return nil }
        if let party = exact[name] { return party }
        // "Name (2000-)": the name without its bracketed suffix is the longest pattern that can match.
        if let base = Self.nameBeforeBracketedSuffix(name), let party = exact[base] { return party }
        for (entry, prefix) in zip(entries, prefixes) where name == entry.pattern || name.hasPrefix(prefix) {
            return entry.party
        }
        return nil
    }
}
