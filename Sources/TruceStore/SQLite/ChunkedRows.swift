import GRDB

/// Rows written many to a statement (`VALUES (…), (…), …` or `IN (…)`), so that SQLite's work per statement
/// (starting and ending it, and the statement journal an `OR REPLACE` or an upsert keeps) is shared by the rows
/// of a chunk. The rows after the last whole chunk go one to a statement. For the rows adjudication writes by
/// the million: marks, the verdicts forgotten before new ones are written, link records and evidence.
enum ChunkedRows {
    /// Rows per statement.
    static let rowsPerStatement = 100

    /// Runs the statement `sql(n)`, written for `n` rows, over `rows` a chunk at a time, `bind` binding the
    /// values of each row in turn.
    /// - Returns: how many rows the statements changed, as SQLite counts them (`sqlite3_changes`).
    @discardableResult
    static func write<Rows: Collection>(
        _ rows: Rows, sql: (Int) -> String, db: Database, bind: (Rows.Element, inout CachedBinding) throws -> Void
    ) throws -> Int {
        var changed = 0
        let whole = rows.count / rowsPerStatement * rowsPerStatement
        if whole > 0 {
            var chunk = try CachedBinding(sql(rowsPerStatement), db: db)
            var bound = 0
            for row in rows.prefix(whole) {
                try bind(row, &chunk)
                bound += 1
                if bound == rowsPerStatement {
                    try chunk.run()
                    changed += db.changesCount
                    bound = 0
                }
            }
        }
        guard whole < rows.count else { return changed }
        var single = try CachedBinding(sql(1), db: db)
        for row in rows.dropFirst(whole) {
            try bind(row, &single)
            try single.run()
            changed += db.changesCount
        }
        return changed
    }

    /// `count` copies of `item` joined by commas: `(?, ?), (?, ?)` for `(?, ?)` twice; the one way the store
    /// writes a list of placeholders.
    static func list(_ item: String, _ count: Int) -> String {
        Array(repeating: item, count: count).joined(separator: ", ")
    }
}
