import Foundation
import Testing
import TruceIngest

/// Evidence photos as readers get them: the same pixels, no position, no device, no comment.
@Suite("Evidence photos lose their metadata")
struct PhotoMetadataTests {
    static let photos: [(name: String, kind: EvidenceKind)] = [("photo-gps.jpg", .jpeg), ("photo-gps.png", .png), ("photo-gps.webp", .webp)]

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("evidence/\(name)"))))
    }

    /// Whether `needle` occurs anywhere in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("each fixture is told by its first bytes and carries a GPS position and a camera's name")
    func fixturesCarryMetadata() throws {
        for (name, kind) in Self.photos {
            let original = try Self.bytes(name)
            #expect(EvidenceKind(sniffing: original) == kind, "\(name)")
            let tags = try PhotoMetadata.tags(in: original, kind: kind)
            #expect(tags.isSuperset(of: [.exif, .gps]), "\(name): \(tags)")
            #expect(Self.contains(original, "TruceTestCam") && Self.contains(original, "SN-0042-TEST"), "\(name)")
        }
    }

    @Test("a stripped photo keeps no GPS position, device, XMP or comment, and is stripped already when stripped again")
    func strippedPhotosCarryNothing() throws {
        for (name, kind) in Self.photos {
            let stripped = try PhotoMetadata.stripped(try Self.bytes(name), kind: kind)
            #expect(EvidenceKind(sniffing: stripped) == kind, "\(name)")
            let tags = try PhotoMetadata.tags(in: stripped, kind: kind)
            #expect(!tags.contains(.gps) && !tags.contains(.xmp) && !tags.contains(.text) && !tags.contains(.other), "\(name): \(tags)")
            for secret in ["TruceTestCam", "Model 7", "SN-0042-TEST", "monitor 12", "xmpmeta"] {
                #expect(!Self.contains(stripped, secret), "\(name) still holds \(secret)")
            }
            #expect(try PhotoMetadata.stripped(stripped, kind: kind) == stripped, "\(name)")
            // Kept for a person (or another reader of images) to open: the photo as readers get it.
            try Data(stripped).write(to: try Self.artefacts().appendingPathComponent("published-\(name)"))
        }
    }

    /// Where tests keep what a person should look at: `$TRUCE_ARTEFACTS/evidence`, else `.build/artefacts/evidence`.
    static func artefacts() throws -> URL {
        let directory =
            (ProcessInfo.processInfo.environment["TRUCE_ARTEFACTS"].map { URL(fileURLWithPath: $0) }
            ?? Fixtures.repository.appendingPathComponent(".build/artefacts")).appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a JPEG keeps its orientation, so it still shows upright, and its image data byte for byte")
    func jpegKeepsOrientationAndPixels() throws {
        let original = try Self.bytes("photo-gps.jpg")
        let stripped = try PhotoMetadata.stripped(original, kind: .jpeg)
        #expect(try PhotoMetadata.tags(in: stripped, kind: .jpeg) == [.exif])  // the orientation alone
        // From the quantisation tables on, the file is unchanged.
        let tables = try #require((0..<(original.count - 1)).first { original[$0] == 0xFF && original[$0 + 1] == 0xDB })
        let strippedTables = try #require((0..<(stripped.count - 1)).first { stripped[$0] == 0xFF && stripped[$0 + 1] == 0xDB })
        #expect(Array(original[tables...]) == Array(stripped[strippedTables...]))
        #expect(stripped.count < original.count)
    }

    @Test("bytes after a JPEG's end are dropped, and a truncated or foreign file is refused with the byte it stopped at")
    func malformedPhotos() throws {
        let original = try Self.bytes("photo-gps.jpg")
        let padded = original + Array("hidden trailer".utf8)
        #expect(!Self.contains(try PhotoMetadata.stripped(padded, kind: .jpeg), "hidden trailer"))
        for cut in [3, 40, 300, original.count - 3] {
            #expect(throws: PhotoMetadata.Malformed.self, "cut at \(cut)") { try PhotoMetadata.stripped(Array(original.prefix(cut)), kind: .jpeg) }
        }
        let png = try Self.bytes("photo-gps.png")
        #expect(throws: PhotoMetadata.Malformed.self) { try PhotoMetadata.stripped(Array(png.prefix(60)), kind: .png) }
        #expect(throws: PhotoMetadata.Malformed.self) { try PhotoMetadata.stripped(png, kind: .jpeg) }
        #expect(throws: PhotoMetadata.Malformed.self) { try PhotoMetadata.stripped(Array("%PDF-1.7".utf8), kind: .pdf) }
        #expect(EvidenceKind(sniffing: Array("<html>".utf8)) == nil)
        #expect(EvidenceKind(sniffing: Array("%PDF-1.7\n".utf8)) == .pdf)
    }
}
