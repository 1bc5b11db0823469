import Foundation

/// Directories for a test's files, all inside one folder of this test process that is removed when the process
/// exits, so runs of the suite leave nothing behind in the system's temporary folder.
public enum ScratchDirectory {
    /// This process's folder, created on first use and removed at exit.
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("truce-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        rootPath = url.path
        atexit { if let path = ScratchDirectory.rootPath { try? FileManager.default.removeItem(atPath: path) } }
        return url
    }()

    /// The root's path for the exit handler, which may not capture.
    nonisolated(unsafe) private static var rootPath: String?

    /// A new, empty directory whose name starts with `prefix`.
    public static func make(_ prefix: String = "scratch") throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
