import Foundation
import Testing
import TruceStore

/// The store under copies of files, another writer, a read-only file and a full disk, through the built binary.
@Suite("The database under copies, locks, read-only files and full disks, end to end", .serialized)
struct StoreCLITests {
    /// Writes `text` to `name` in `directory` and returns its path.
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The counts of a summary line `FILE: N new, M updated, K unchanged, Q quarantined`.
    static func counts(_ line: Substring) -> [Int] {
        line.split(separator: ":").last!.split(separator: ",").compactMap { Int($0.split(separator: " ").first ?? "") }
    }

    @Test("not idempotent across file names: a renamed copy and a symlink of an imported file are unchanged")
    func renamedCopyAndSymlinkAreUnchanged() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let export = try Self.write(GeneratedACLED.csv(prefix: "C", count: 300, seed: 1), "export.csv", in: directory)
        // The same events released earlier, with other notes: kept in the history only.
        let older = try Self.write(GeneratedACLED.csv(prefix: "C", count: 300, seed: 2, release: 1_700_000_000), "older.csv", in: directory)
        let first = try CLI.run(["import", "acled", export, "--db", db])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "\(export): 297 new, 0 updated, 0 unchanged, 3 quarantined\n")
        let history = try CLI.run(["import", "acled", older, "--db", db])
        #expect(history.output == "\(older): 0 new, 0 updated, 297 unchanged, 3 quarantined\n")
        let before = try SQLiteStore(path: db).contentDump()
        #expect(before["incident_history"]?.count == 297)
        #expect(before["quarantine"]?.count == 6)

        let copy = directory.appendingPathComponent("weekly-download.csv").path
        try FileManager.default.copyItem(atPath: export, toPath: copy)
        let link = directory.appendingPathComponent("latest.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: export)
        let olderCopy = directory.appendingPathComponent("older-again.csv").path
        try FileManager.default.copyItem(atPath: older, toPath: olderCopy)
        for file in [copy, link, olderCopy] {
            let again = try CLI.run(["import", "acled", file, "--db", db])
            #expect(again.status == 0, "\(again.errors)")
            #expect(again.output == "\(file): 0 new, 0 updated, 297 unchanged, 3 quarantined\n")
        }
        let after = try SQLiteStore(path: db).contentDump()
        #expect(after == before)
    }

    @Test("concurrent writers fail instead of waiting: an import waits for another writer, and past TRUCE_BUSY_TIMEOUT says so plainly")
    func writerWaitsThenTimesOut() throws {
        let sqlite = "/usr/bin/sqlite3"
        guard Processes.available(sqlite) else {
            print("skipped: \(sqlite) is not installed, so no other process can hold the write lock")
            return
        }
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let export = try Self.write(GeneratedACLED.csv(prefix: "L", count: 200, seed: 3), "export.csv", in: directory)
        #expect(try CLI.run(["init", "--db", db]).status == 0)

        // Another process takes the write lock and keeps it until told to let go.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: sqlite)
        holder.arguments = [db]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(Data("CREATE TABLE lock_probe (x);\nDROP TABLE lock_probe;\nBEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") { seen += output.fileHandleForReading.availableData }

        let impatient = try CLI.run(["import", "acled", export, "--db", db], environment: ["TRUCE_BUSY_TIMEOUT": "1"])
        #expect(impatient.status == 3)
        #expect(
            impatient.errors.contains("another Truce command is writing to \(db); waited 1 s; re-run when it has finished"), "\(impatient.errors)")
        #expect(impatient.errors.contains("resumes safely"))
        #expect(impatient.output == "\(export): 0 new, 0 updated, 0 unchanged, 0 quarantined (incomplete)\n")
        for word in ["INSERT", "SELECT", "BEGIN", "SQLite error", "GRDB"] { #expect(!impatient.errors.contains(word)) }

        let patient = try Processes.startTruce(["import", "acled", export, "--db", db], environment: [:], logs: directory, name: "patient")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(patient.process.isRunning, "the import should be waiting for the lock")
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        let waited = try patient.finish()
        #expect(waited.status == 0, "\(waited.errors)")
        #expect(waited.output == "\(export): 198 new, 0 updated, 0 unchanged, 2 quarantined\n")
    }

    @Test("a read-only database can be read: incidents, verdicts, agreements and quarantine lists as a user who may not write it")
    func readOnlyDatabase() throws {
        let setpriv = "/usr/bin/setpriv"
        guard Processes.available(setpriv) else {
            print("skipped: \(setpriv) is missing, so the test cannot run truce as another user")
            return
        }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]
        guard (try? Processes.run(setpriv, asNobody + [CLI.executable.path, "--version"]))?.status == 0 else {
            print("skipped: user nobody cannot run \(CLI.executable.path)")
            return
        }
        let source = try CLI.temporaryDirectory()
        let db = source.appendingPathComponent("t.sqlite").path
        let export = try Self.write(GeneratedACLED.csv(prefix: "R", count: 120, seed: 4), "export.csv", in: source)
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["import", "acled", export, "--db", db]).status == 0)
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)

        // A folder nobody may write to (so SQLite cannot create its side files there), and one it may.
        for folderMode in [0o755, 0o777] {
            let folder = try CLI.temporaryDirectory()
            let copy = folder.appendingPathComponent("t.sqlite").path
            try FileManager.default.copyItem(atPath: db, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: folderMode], ofItemAtPath: folder.path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
            func truce(_ arguments: [String]) throws -> CLI.Result {
                try Processes.run(setpriv, asNobody + [CLI.executable.path] + arguments + ["--db", copy])
            }
            let incidents = try truce(["incidents", "list", "--json"])
            #expect(incidents.status == 0, "folder \(String(folderMode, radix: 8)): \(incidents.errors)")
            let listed = try JSONSerialization.jsonObject(with: Data(incidents.output.utf8)) as? [Any]
            #expect(listed?.count == 119)
            for command in [
                ["verdicts", "list"], ["agreements", "list"], ["quarantine", "list"], ["agreements", "show", "energy-moratorium-2025"],
            ] {
                let result = try truce(command)
                #expect(result.status == 0, "\(command): \(result.errors)")
            }
            let write = try truce(["import", "acled", export])
            #expect(write.status == 3)
            #expect(write.errors.contains("cannot be written: the file or its folder is read-only"), "\(write.errors)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes)
        }
    }

    @Test("full disk: the import stops with what it committed and no SQL, and the same command run again completes it exactly once")
    func fullDisk() throws {
        let directory = try CLI.temporaryDirectory()
        let small = directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = try Processes.run("/bin/mount", ["-t", "tmpfs", "-o", "size=10m", "tmpfs", small.path])
        guard mount.status == 0 else {
            print("skipped: cannot mount a small tmpfs to fill (\(mount.errors.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? Processes.run("/bin/umount", [small.path]) }
        let rows = 9_000
        let export = try Self.write(GeneratedACLED.csv(prefix: "F", count: rows, seed: 5), "export.csv", in: directory)
        let (incidents, quarantined) = (rows - rows / 97, rows / 97)
        let db = small.appendingPathComponent("t.sqlite").path

        let full = try CLI.run(["import", "acled", export, "--db", db])
        #expect(full.status == 3)
        #expect(full.errors.contains("\(export): import stopped: the disk holding \(db) is full"), "\(full.errors)")
        #expect(full.errors.contains("running the same command again resumes safely"))
        for word in ["INSERT", "SELECT", "SQLite error", "GRDB"] { #expect(!full.errors.contains(word)) }
        let committed = Self.counts(full.output.split(separator: "\n").first ?? "")
        #expect(full.output.hasSuffix(" (incomplete)\n"), "\(full.output)")
        try #require(committed.count == 4)
        #expect(committed[0] > 0 && committed[0] < incidents, "\(full.output)")

        // Move the database (with its WAL) to a disk with room and run the same import again.
        let roomy = directory.appendingPathComponent("roomy")
        try FileManager.default.createDirectory(at: roomy, withIntermediateDirectories: true)
        for name in ["t.sqlite", "t.sqlite-wal"] where FileManager.default.fileExists(atPath: small.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: small.appendingPathComponent(name), to: roomy.appendingPathComponent(name))
        }
        let moved = roomy.appendingPathComponent("t.sqlite").path
        let again = try CLI.run(["import", "acled", export, "--db", moved])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output == "\(export): \(incidents - committed[0]) new, 0 updated, \(committed[0]) unchanged, \(quarantined) quarantined\n")

        let clean = directory.appendingPathComponent("clean.sqlite").path
        #expect(try CLI.run(["import", "acled", export, "--db", clean]).status == 0)
        #expect(try SQLiteStore(path: moved).contentDump() == SQLiteStore(path: clean).contentDump())
    }
}
