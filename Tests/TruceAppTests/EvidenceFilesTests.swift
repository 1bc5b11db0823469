import Foundation
import Testing
import TruceApp
import TruceIngest
import TruceTestSupport

/// Evidence files kept by their content, photos twice: the original for reviewers, a copy without metadata.
@Suite("Evidence files")
struct EvidenceFilesTests {
    /// The JPEG fixture of the ingest tests: a photo carrying a GPS position and a camera's serial number.
    static let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TruceIngestTests/Fixtures/evidence/photo-gps.jpg")

    static func files(limits: EvidenceLimits = EvidenceLimits()) throws -> EvidenceFiles {
        EvidenceFiles(besideDatabase: try ScratchDirectory.make("truce-evidence").appendingPathComponent("truce.sqlite").path, limits: limits)
    }

    @Test("a photo is kept once under its SHA-256, and readers get a copy without its GPS position")
    func photoKeptOnceAndPublishedWithoutPosition() throws {
        let files = try Self.files()
        let original = Array(try Data(contentsOf: Self.photo))
        let kept = try files.keep(original, declaredType: "image/jpeg")
        #expect(kept.kind == .jpeg && kept.size == original.count)
        #expect(kept.sha256 == EvidenceFiles.sha256(original) && EvidenceFiles.isSHA256(kept.sha256))
        #expect(kept.originalMetadata.contains(.gps) && kept.originalMetadata.contains(.exif))
        #expect(try files.keep(original) == kept)  // sent twice: the same file, kept once
        #expect(try files.bytes(named: kept.sha256) == original)

        let published = try #require(try files.published(kept))
        #expect(published != original)
        #expect(!(try PhotoMetadata.tags(in: published, kind: .jpeg).contains(.gps)))
        #expect(kept.publishedSHA256 == EvidenceFiles.sha256(published))
        let names = try FileManager.default.subpathsOfDirectory(atPath: files.directory.path).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(Set(names.filter(EvidenceFiles.isSHA256)) == [kept.sha256, kept.publishedSHA256!])
    }

    @Test("a PDF is kept for reviewers only: nothing is published of it")
    func documentNotPublished() throws {
        let files = try Self.files()
        let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
        let kept = try files.keep(pdf, declaredType: "application/pdf; charset=binary")
        #expect(kept.kind == .pdf && kept.publishedSHA256 == nil && kept.originalMetadata.isEmpty)
        #expect(try files.published(kept) == nil)
        #expect(try files.bytes(named: kept.sha256) == pdf)
    }

    @Test("a file of another kind, passed off as a photo, too large, or a broken photo is refused, saying why")
    func refusals() throws {
        let files = try Self.files(limits: EvidenceLimits(photoBytes: 1000))
        let original = Array(try Data(contentsOf: Self.photo))
        #expect(throws: EvidenceError.unknownKind(declaredType: "image/jpeg")) { try files.keep(Array("<html>".utf8), declaredType: "image/jpeg") }
        #expect(throws: EvidenceError.mismatch(declaredType: "image/png", kind: .jpeg)) { try files.keep(original, declaredType: "image/png") }
        #expect(throws: EvidenceError.tooLarge(kind: .jpeg, size: original.count, limit: 1000)) { try files.keep(original) }
        let broken = Array(original.prefix(200))
        #expect {
            _ = try files.keep(broken)
        } throws: { error in
            (error as? EvidenceError).map { "\($0)".contains("cannot be read") && "\($0)".contains("byte") } ?? false
        }
        #expect(
            EvidenceError.tooLarge(kind: .jpeg, size: 2000, limit: 1000).description
                == "the file is 2000 bytes; a jpeg file may be at most 1000 bytes")
    }

    @Test("a name that is not a SHA-256 finds nothing, and a file changed on disk is reported, not served")
    func namesAndTampering() throws {
        let files = try Self.files()
        for name in ["../../etc/passwd", "", String(repeating: "A", count: 64), String(repeating: "0", count: 63)] {
            #expect(throws: EvidenceError.notFound(sha256: name)) { try files.bytes(named: name) }
        }
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        let kept = try files.keep(pdf)
        let path = files.directory.appendingPathComponent(String(kept.sha256.prefix(2))).appendingPathComponent(
            String(kept.sha256.dropFirst(2).prefix(2))
        )
        .appendingPathComponent(kept.sha256)
        try Data("%PDF-1.4\nchanged\n".utf8).write(to: path)
        #expect(throws: EvidenceError.corrupted(sha256: kept.sha256)) { try files.bytes(named: kept.sha256) }
    }
}
