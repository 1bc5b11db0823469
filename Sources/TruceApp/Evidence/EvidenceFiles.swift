import Crypto
import Foundation
import TruceIngest

/// Evidence files (photos, videos, PDFs) kept by their content, each under the SHA-256 of its bytes in a folder
/// beside the database: the same file sent twice is kept once, and a stored file can be checked against its name.
///
/// A photo is kept twice: the original, for reviewers only, and a copy without its metadata (``PhotoMetadata``:
/// no GPS position, no device), the one everyone else is shown. A monitor's position can endanger them.
///
/// ```swift
/// let files = EvidenceFiles(besideDatabase: "truce.sqlite")
/// let kept = try files.keep(photoBytes, declaredType: "image/jpeg")
/// let forReaders = try files.published(kept)  // the photo without its metadata
/// ```
public struct EvidenceFiles: Sendable {
    /// The folder holding the files, in subfolders named by the first two pairs of hex digits.
    public let directory: URL
    public var limits: EvidenceLimits

    public init(directory: URL, limits: EvidenceLimits = EvidenceLimits()) {
        self.directory = directory
        self.limits = limits
    }

    /// The folder beside the database at `databasePath`: `truce.sqlite` keeps its files in `truce.sqlite-evidence/`.
    public init(besideDatabase databasePath: String, limits: EvidenceLimits = EvidenceLimits()) {
        self.init(directory: URL(fileURLWithPath: databasePath + "-evidence"), limits: limits)
    }

    /// Keeps `bytes`, and for a photo its copy without metadata, unless they are kept already.
    /// - Parameter declaredType: the media type the sender gave (`Content-Type`), if any: it must be the one
    ///   the bytes show, as a file passed off as another kind is refused.
    /// - Throws: ``EvidenceError`` when the file is of no kind Truce keeps, too large for its kind, a photo that
    ///   cannot be read, or cannot be written.
    public func keep(_ bytes: [UInt8], declaredType: String? = nil) throws -> StoredEvidence {
        guard let kind = EvidenceKind(sniffing: bytes) else { throw EvidenceError.unknownKind(declaredType: declaredType) }
        if let declaredType, let declared = Self.mediaType(declaredType), declared != "application/octet-stream", declared != kind.mediaType {
            throw EvidenceError.mismatch(declaredType: declared, kind: kind)
        }
        guard bytes.count <= limits.maximumBytes(of: kind) else {
            throw EvidenceError.tooLarge(kind: kind, size: bytes.count, limit: limits.maximumBytes(of: kind))
        }
        let (stored, _) = try described(bytes, sha256: Self.sha256(bytes), kind: kind)
        try write(bytes, named: stored.sha256)
        return stored
    }

    /// `bytes` of `kind` as kept: a photo's metadata read, and its copy without them written (unless kept already).
    /// - Returns: the file as kept, and that copy for a photo.
    private func described(_ bytes: [UInt8], sha256: String, kind: EvidenceKind) throws -> (StoredEvidence, published: [UInt8]?) {
        var stored = StoredEvidence(sha256: sha256, kind: kind, size: bytes.count, publishedSHA256: nil, originalMetadata: [])
        guard kind.isPhoto else { return (stored, nil) }
        do {
            stored.originalMetadata = try PhotoMetadata.tags(in: bytes, kind: kind).sorted()
            let published = try PhotoMetadata.stripped(bytes, kind: kind)
            stored.publishedSHA256 = Self.sha256(published)
            try write(published, named: stored.publishedSHA256!)
            return (stored, published)
        } catch let malformed as PhotoMetadata.Malformed {
            throw EvidenceError.unreadablePhoto(reason: malformed.reason)
        }
    }

    /// The original bytes of the file named `sha256`, checked against their name.
    /// - Throws: ``EvidenceError/notFound(sha256:)`` when no such file is kept (or the name is not a SHA-256),
    ///   ``EvidenceError/corrupted(sha256:)`` when the bytes no longer hash to it.
    public func bytes(named sha256: String) throws -> [UInt8] {
        guard Self.isSHA256(sha256) else { throw EvidenceError.notFound(sha256: sha256) }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: path(of: sha256)))
        } catch {
            throw EvidenceError.notFound(sha256: sha256)
        }
        guard Self.sha256(bytes) == sha256 else { throw EvidenceError.corrupted(sha256: sha256) }
        return bytes
    }

    /// The file named `sha256` as kept: its kind, size, and for a photo its copy without metadata.
    /// - Throws: as ``bytes(named:)``; ``EvidenceError/unreadablePhoto(reason:)`` for a photo that cannot be read.
    public func evidence(named sha256: String) throws -> StoredEvidence {
        let bytes = try bytes(named: sha256)
        guard let kind = EvidenceKind(sniffing: bytes) else { throw EvidenceError.corrupted(sha256: sha256) }
        return try described(bytes, sha256: sha256, kind: kind).0
    }

    /// What a reader is shown of the file named `sha256`, read once: the original to a reviewer; to anyone else a
    /// photo's copy without metadata, and `nil` for a video or a document.
    /// - Throws: as ``evidence(named:)``.
    public func shown(named sha256: String, toReviewer: Bool) throws -> (kind: EvidenceKind, bytes: [UInt8])? {
        let bytes = try bytes(named: sha256)
        guard let kind = EvidenceKind(sniffing: bytes) else { throw EvidenceError.corrupted(sha256: sha256) }
        if toReviewer { return (kind, bytes) }
        return try described(bytes, sha256: sha256, kind: kind).published.map { (kind, $0) }
    }

    /// What readers who may not see originals are shown of `evidence`: a photo's copy without metadata, `nil` for
    /// a video or a document (whose metadata Truce does not take out, so reviewers alone see them).
    public func published(_ evidence: StoredEvidence) throws -> [UInt8]? {
        guard let published = evidence.publishedSHA256 else { return nil }
        return try bytes(named: published)
    }

    /// Where the file named `sha256` is kept.
    func path(of sha256: String) -> URL {
        let characters = Array(sha256)
        return directory.appendingPathComponent(String(characters[0..<2])).appendingPathComponent(String(characters[2..<4]))
            .appendingPathComponent(sha256)
    }

    /// Writes `bytes` under `sha256` unless a file is there already: into a temporary file first, then renamed, so
    /// that a reader never finds half a file. Folders are readable by their owner only.
    private func write(_ bytes: [UInt8], named sha256: String) throws {
        let target = path(of: sha256)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return }
        do {
            let folder = target.deletingLastPathComponent()
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = folder.appendingPathComponent(".\(sha256).\(UUID().uuidString)")
            try Data(bytes).write(to: temporary)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw EvidenceError.storage(reason: "\(target.path): \(reason)")
            }
        } catch let error as EvidenceError {
            throw error
        } catch {
            throw EvidenceError.storage(reason: "\(target.path): \(error.localizedDescription)")
        }
    }

    /// The hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).lowercaseHex
    }

    /// Whether `text` is 64 lower-case hex digits.
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// The media type of a `Content-Type` value, without its parameters, in lower case.
    private static func mediaType(_ contentType: String) -> String? {
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type?.isEmpty == false ? type : nil
    }
}

/// An evidence file as kept: its name (the SHA-256 of its bytes), kind and size, and for a photo the name of its
/// copy without metadata and what metadata the original carried.
public struct StoredEvidence: Hashable, Codable, Sendable {
    public var sha256: String
    public var kind: EvidenceKind
    public var size: Int
    /// The copy readers are shown, for a photo; `nil` for a video or a document, which reviewers alone see.
    public var publishedSHA256: String?
    /// What the original carried (a GPS position, a device), for reviewers to weigh, and to see what was removed.
    public var originalMetadata: [PhotoMetadata.Tag]

    public init(sha256: String, kind: EvidenceKind, size: Int, publishedSHA256: String?, originalMetadata: [PhotoMetadata.Tag]) {
        self.sha256 = sha256
        self.kind = kind
        self.size = size
        self.publishedSHA256 = publishedSHA256
        self.originalMetadata = originalMetadata
    }
}

/// The largest evidence file of each kind accepted.
public struct EvidenceLimits: Hashable, Codable, Sendable {
    public var photoBytes: Int
    public var videoBytes: Int
    public var documentBytes: Int

    /// Defaults: photos 25 MiB, videos 200 MiB, documents 50 MiB.
    public init(photoBytes: Int = 25 << 20, videoBytes: Int = 200 << 20, documentBytes: Int = 50 << 20) {
        self.photoBytes = photoBytes
        self.videoBytes = videoBytes
        self.documentBytes = documentBytes
    }

    public func maximumBytes(of kind: EvidenceKind) -> Int {
        switch kind {
        case .jpeg, .png, .webp: photoBytes
        case .mp4, .webm: videoBytes
        case .pdf: documentBytes
        }
    }
}

/// Why an evidence file was refused or cannot be read.
public enum EvidenceError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownKind(declaredType: String?)
    case mismatch(declaredType: String, kind: EvidenceKind)
    case tooLarge(kind: EvidenceKind, size: Int, limit: Int)
    case unreadablePhoto(reason: String)
    case notFound(sha256: String)
    case corrupted(sha256: String)
    case storage(reason: String)

    public var description: String {
        switch self {
        case .unknownKind(let declared):
            let kinds = EvidenceKind.allCases.map(\.mediaType).joined(separator: ", ")
            return "the file is none of \(kinds) (told by its first bytes\(declared.map { ", whatever its declared type \($0)" } ?? ""))"
        case .mismatch(let declared, let kind):
            return "the file is declared \(declared) but its bytes are \(kind.mediaType)"
        case .tooLarge(let kind, let size, let limit):
            return "the file is \(size) bytes; a \(kind.rawValue) file may be at most \(limit) bytes"
        case .unreadablePhoto(let reason):
            return "the photo cannot be read, so its metadata cannot be taken out: \(reason)"
        case .notFound(let sha256):
            return "no evidence file is kept under \(sha256.debugDescription)"
        case .corrupted(let sha256):
            return "the evidence file \(sha256) no longer has the content its name says (changed on disk)"
        case .storage(let reason):
            return "the evidence file cannot be written: \(reason)"
        }
    }
}
