import Foundation
import Hummingbird
import NIOCore

/// An uploaded file written to disk as its bytes arrive, so the server never holds a whole upload in memory.
struct Upload {
    /// The media types a data file is uploaded as.
    static let mediaTypes: Set<String> = [
        "text/csv", "application/csv", "text/tab-separated-values", "text/plain", "application/gzip", "application/x-gzip",
        "application/octet-stream",
    ]

    /// Where uploads wait for their import.
    let directory: URL

    /// Writes `request`'s body to a new file of ``directory``.
    /// - Returns: the file's path.
    /// - Throws: ``Problem`` 415 for another media type, 413 (the partial file removed) once more than
    ///   `maxBytes` arrived.
    func save(_ request: Request, maxBytes: Int) async throws -> String {
        try RequestBody.requireMediaType(of: request, in: Self.mediaTypes)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("upload-\(UUID().uuidString.lowercased())").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Problem(.storeUnavailable, detail: "The upload cannot be saved right now; try again later.")
        }
        var written = 0
        do {
            defer { try? handle.close() }
            for try await buffer in request.body {
                written += buffer.readableBytes
                guard written <= maxBytes else { throw Problem(.payloadTooLarge, detail: "The file is larger than \(maxBytes) bytes.") }
                try handle.write(contentsOf: Data(buffer.readableBytesView))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }
}
