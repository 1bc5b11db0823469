import Foundation

/// Where an export goes: standard output, or a file written beside its final name and moved into place only
/// once the export is complete, so a failed export never leaves a partial file under that name.
public struct ExportDestination {
    /// Where the export's bytes go.
    public let handle: FileHandle
    private let path: String?
    private let partial: String?

    /// Standard output when `path` is `nil`, else a new partial file beside `path`.
    /// - Throws: ``Failure`` naming `path` when the partial file cannot be created.
    public init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = .standardOutput
            partial = nil
            return
        }
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw Failure(message: "\(path): cannot be written: \(String(cString: strerror(errno)))", kind: .invalidInput)
        }
        self.handle = handle
        self.partial = partial
    }

    /// Moves the complete file into place.
    public func commit() throws {
        guard let path, let partial else { return }
        do {
            try handle.close()
            if rename(partial, path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            abandon()
            throw Failure(message: "\(path): cannot be written: \(error.localizedDescription)", kind: .invalidInput)
        }
    }

    /// Removes the partial file after a failure.
    public func abandon() {
        guard let partial else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }
}
