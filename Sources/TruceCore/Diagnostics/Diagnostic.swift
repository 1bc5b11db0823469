/// A problem found in an input file, located by file, line and field.
///
/// Its description reads `energy.yaml:14: window.end: "2025-04-31" is not a date`.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Hashable, Codable, Sendable { case error, warning }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// The 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// The field path, e.g. `window.end` or `status[2].party`; empty for the whole record.
    public var field: String
    public var message: String

    public init(_ severity: Severity = .error, file: String, line: Int?, field: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if !field.isEmpty { text += "\(field): " }
        return text + message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of the diagnostics is an error (not only warnings).
    public var containsErrors: Bool { contains(where: \.isError) }
}
