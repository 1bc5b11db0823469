import GRDB
import Testing

@testable import TruceStore

@Suite("One cached statement bound row after row")
struct CachedBindingTests {
    @Test("a binding runs its statement for row after row, each row with the values bound for it")
    func rowAfterRow() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT, number INTEGER, share REAL)")
            var row = try CachedBinding("INSERT INTO t (name, number, share) VALUES (?, ?, ?)", db: db)
            let rows: [(String?, Int64?, Double?)] = [("first", 1, 0.5), (nil, nil, nil), ("", 3, nil), ("fourth", nil, 2.5)]
            for (name, number, share) in rows {
                try row.bind(name)
                try row.bind(number)
                try row.bind(share)
                try row.run()
            }
            let stored = try Row.fetchAll(db, sql: "SELECT name, number, share FROM t ORDER BY rowid")
            #expect(stored.map { $0[0] as String? } == rows.map(\.0))
            #expect(stored.map { $0[1] as Int64? } == rows.map(\.1))
            #expect(stored.map { $0[2] as Double? } == rows.map(\.2))
        }
    }

    @Test("a row with a value left unbound is refused, not written with the last row's value")
    func unboundValueRefused() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT, number INTEGER)")
            var row = try CachedBinding("INSERT INTO t (name, number) VALUES (?, ?)", db: db)
            try row.bind("first")
            try row.bind(1 as Int64)
            try row.run()
            try row.bind("second")
            let error = #expect(throws: DatabaseError.self) { try row.run() }
            #expect(error?.message?.contains("1 values bound for 2 parameters") == true)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM t") == ["first"])
        }
    }
}
