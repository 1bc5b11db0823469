import GRDB

/// Narrow rows written many to a statement (`VALUES (…), (…), …` or `IN (…)`), so that SQLite's work per
/// statement (preparing to step, opening cursors, halting) is shared by the rows of a chunk. The rows after the
/// last whole chunk go one to a statement. For the rows adjudication writes by the million: marks, and the
/// verdicts forgotten before new ones are written.
enum ChunkedRows {
    /// Rows per statement.
    static let rowsPerStatement = 100

    /// Runs the statement `sql(n)`, written for `n` rows, over `rows` a chunk at a time, `bind` binding the
    /// values of each row in turn.
    static func write<Rows: Collection>(
        _ rows: Rows, sql: (Int) -> String, db: Database, bind: (Rows.Element, inout CachedBinding) throws -> Void
    ) throws {
        let whole = rows.count / rowsPerStatement * rowsPerStatement
        if whole > 0 {
            var chunk = try CachedBinding(sql(rowsPerStatement), db: db)
            var bound = 0
            for row in rows.prefix(whole) {
                try bind(row, &chunk)
                bound += 1
                if bound == rowsPerStatement {
                    try chunk.run()
                    bound = 0
                }
            }
        }
        guard whole < rows.count else { return }
        var single = try CachedBinding(sql(1), db: db)
        for row in rows.dropFirst(whole) {
            try bind(row, &single)
            try single.run()
        }
    }

    /// `count` copies of `item` joined by commas: `(?, ?), (?, ?)` for `(?, ?)` twice.
    static func list(_ item: String, _ count: Int) -> String {
        Array(repeating: item, count: count).joined(separator: ", ")
    }
}
