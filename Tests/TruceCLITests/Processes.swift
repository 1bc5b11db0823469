import Foundation

/// Programs the robustness tests run beside `truce`: started in the background, killed, or run as another user.
enum Processes {
    /// Runs `program` to the end and captures what it prints.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = CLI.repository
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes at once, so neither fills up while the other is read.
        let captured = CapturedErrors(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: captured.wait(), as: UTF8.self))
    }

    /// Starts `truce` with `arguments` in the background, its output captured to files in `directory`.
    static func startTruce(_ arguments: [String], environment: [String: String], logs directory: URL, name: String) throws -> Started {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.repository
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = directory.appendingPathComponent("\(name).out")
        let err = directory.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Started(process: process, output: out, errors: err)
    }

    /// A background `truce`.
    struct Started {
        let process: Process
        let output: URL
        let errors: URL

        /// Waits for the end and returns what it printed.
        func finish() throws -> CLI.Result {
            process.waitUntilExit()
            return CLI.Result(
                status: process.terminationStatus, output: try String(contentsOf: output, encoding: .utf8),
                errors: try String(contentsOf: errors, encoding: .utf8))
        }

        /// Sends SIGKILL and waits for the process to be gone; whether it was still running.
        @discardableResult
        func kill() -> Bool {
            let running = process.isRunning
            if running { Foundation.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return running && process.terminationReason == .uncaughtSignal
        }
    }

    /// Whether `path` is an executable program on this machine.
    static func available(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
}

/// Standard error read on a background thread.
private final class CapturedErrors: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
