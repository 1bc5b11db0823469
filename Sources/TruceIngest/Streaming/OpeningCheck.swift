/// Tells from the first records of a headerless file whether it is of the format at all: it is, unless none of
/// the first `limit` records passes the format's ``DatasetFormat/checkOpeningRecord(_:file:)``. So one bad first
/// line is quarantined like a bad line anywhere else, while a file of another format still fails at once, with
/// the reason its first record gave.
struct OpeningCheck<Format: DatasetFormat> {
    let format: Format
    let file: String
    let limit: Int
    private var seen = 0
    private var firstError: (any Error)?
    /// Whether a record has shown the file is of the format.
    private(set) var isDone = false

    init(format: Format, file: String, limit: Int) {
        self.format = format
        self.file = file
        self.limit = limit
    }

    /// Looks at the next record of the file.
    /// - Throws: the first record's error once `limit` records have failed the check.
    mutating func check(_ record: RecordStream.RawRecord) throws {
        guard !isDone else { return }
        seen += 1
        let problem: (any Error)?
        switch record {
        case .bytes(let bytes, let line):
            switch CSVReader.parse(record: bytes, line: line, dialect: format.dialect) {
            case .record(let parsed):
                do {
                    try format.checkOpeningRecord(parsed, file: file)
                    problem = nil
                } catch {
                    problem = error
                }
            case .malformed(let bad):
                problem = InputError.wrongFormat(file: file, line: bad.line, expected: "the line cannot be read: \(bad.reason)")
            }
        case .oversized(let oversized):
            problem = InputError.wrongFormat(file: file, line: oversized.line, expected: oversized.reason)
        }
        guard let problem else {
            isDone = true
            return
        }
        if firstError == nil { firstError = problem }
        if seen >= limit { try finish() }
    }

    /// At the end of the file (or of the records looked at): fails when no record passed the check.
    /// - Throws: the first record's error.
    func finish() throws {
        if !isDone, let firstError { throw firstError }
    }
}
