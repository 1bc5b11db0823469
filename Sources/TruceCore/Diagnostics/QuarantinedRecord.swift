/// An input record that could not be read, kept aside verbatim with the reasons, so nothing is lost.
public struct QuarantinedRecord: Hashable, Codable, Sendable {
    /// The format it was read as, e.g. `truce-csv`.
    public var dataset: String
    /// The file as the user named it.
    public var file: String
    /// The 1-based line the record starts on.
    public var line: Int
    /// Every problem found in the record; the first is the main reason.
    public var problems: [Diagnostic]
    /// The record's text exactly as read (invalid UTF-8 shown with replacement characters).
    public var raw: String

    public init(dataset: String, file: String, line: Int, problems: [Diagnostic], raw: String) {
        self.dataset = dataset
        self.file = file
        self.line = line
        self.problems = problems
        self.raw = raw
    }

    /// The field of the main problem.
    public var field: String { problems.first?.field ?? "" }
    /// All problems' messages, joined.
    public var reason: String { problems.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }.joined(separator: "; ") }
}
