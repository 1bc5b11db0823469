import Foundation
import TruceCore

/// Shared reading of one CSV data row by column name, collecting problems with file, line and field.
protocol CSVRowReading {
    var record: CSVRecord { get }
    var columns: HeaderIndex { get }
    var file: String { get }
    var problems: [Diagnostic] { get set }
}

extension CSVRowReading {
    mutating func problem(_ field: String, _ message: String) {
        problems.append(Diagnostic(file: file, line: record.line, field: field, message: message))
    }

    /// The trimmed value of `column`, or `nil` when the column is absent or the cell empty.
    func value(_ column: String) -> String? {
        value(at: columns[column])
    }

    /// The trimmed value of the `index`th column the format resolved for the file (``HeaderIndex/resolving(_:)``),
    /// found without looking its name up.
    func value(known index: Int) -> String? {
        value(at: columns.position(ofKnown: index))
    }

    private func value(at position: Int?) -> String? {
        guard let position, position < record.fieldCount else { return nil }
        let text = record.trimmedField(position)
        return text.isEmpty ? nil : text
    }

    /// Every column of the row, verbatim, paired with its header name; none while a streaming import defers
    /// them, to be read from the record's bytes when they are needed (see ``VerbatimRecord``).
    var verbatimFields: [SourceRecord.Field] {
        record.defersVerbatimFields ? [] : VerbatimRecord(names: columns.names, record: record).fields
    }
}

/// Column positions by header name (the first of repeated names wins).
public struct HeaderIndex: Sendable {
    /// The header's names, trimmed, in file order.
    public let names: [String]
    private let positions: [String: Int]
    /// The positions of the columns a format reads from every row, in the order it named them to
    /// ``resolving(_:)``: looked up once per file, not by name per row.
    private var known: [Int?] = []

    public init(names: [String]) {
        self.names = names.map(\.trimmingSpaces)
        var positions: [String: Int] = [:]
        for (position, name) in self.names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }

    /// The header itself, once it is checked to name every one of `columns`.
    /// - Throws: ``InputError/missingColumns(file:columns:)`` naming those it lacks.
    public func requiring(_ columns: [String], file: String) throws -> HeaderIndex {
        let missing = columns.filter { self[$0] == nil }
        guard missing.isEmpty else { throw InputError.missingColumns(file: file, columns: missing) }
        return self
    }

    /// The position of column `name`, if the header has it.
    public subscript(name: String) -> Int? { positions[name] }

    /// The header with the positions of `columns` looked up once, to be read on every row by their index in
    /// `columns` (``position(ofKnown:)``).
    public func resolving(_ columns: [String]) -> HeaderIndex {
        var resolved = self
        resolved.known = columns.map { positions[$0] }
        return resolved
    }

    /// The position of the `index`th of the columns named to ``resolving(_:)``, if the header has it.
    public func position(ofKnown index: Int) -> Int? {
        index < known.count ? known[index] : nil
    }
}
