import GRDB
import Testing

@testable import TruceStore

@Suite("Rows written many to a statement")
struct ChunkedRowsTests {
    @Test(
        "every row is written once, in order, whether the rows fill whole chunks, part of one, or both",
        arguments: [
            0, 1, ChunkedRows.rowsPerStatement - 1, ChunkedRows.rowsPerStatement, ChunkedRows.rowsPerStatement + 1,
            2 * ChunkedRows.rowsPerStatement + 37,
        ])
    func everyRowOnce(count: Int) throws {
        let queue = try DatabaseQueue()
        let rows = (0..<count).map { ("row \($0)", $0 % 3 == 0 ? nil : Int64($0)) }
        let stored = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT NOT NULL, number INTEGER)")
            try ChunkedRows.write(rows, sql: { "INSERT INTO t (name, number) VALUES \(ChunkedRows.list("(?, ?)", $0))" }, db: db) { row, binding in
                try binding.bind(row.0)
                try binding.bind(row.1)
            }
            return try Row.fetchAll(db, sql: "SELECT name, number FROM t ORDER BY rowid").map { ($0[0] as String, $0[1] as Int64?) }
        }
        #expect(stored.map(\.0) == rows.map(\.0))
        #expect(stored.map(\.1) == rows.map(\.1))
    }

    @Test("a list of ids forgets exactly the rows it names, across chunks", arguments: [3, ChunkedRows.rowsPerStatement + 5])
    func deleteByList(count: Int) throws {
        let queue = try DatabaseQueue()
        let forgotten = (0..<count).map { "id\(2 * $0)" } + ["unknown"]
        let kept = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL)")
            try ChunkedRows.write(Array(0..<(2 * count)), sql: { "INSERT INTO t (id) VALUES \(ChunkedRows.list("(?)", $0))" }, db: db) {
                number, binding in
                try binding.bind("id\(number)")
            }
            try ChunkedRows.write(forgotten, sql: { "DELETE FROM t WHERE id IN (\(ChunkedRows.list("?", $0)))" }, db: db) { id, binding in
                try binding.bind(id)
            }
            return try String.fetchAll(db, sql: "SELECT id FROM t ORDER BY id")
        }
        #expect(kept == (0..<count).map { "id\(2 * $0 + 1)" }.sorted())
    }
}
