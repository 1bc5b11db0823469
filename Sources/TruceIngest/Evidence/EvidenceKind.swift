/// The kinds of evidence file Truce keeps, told by a file's first bytes, never by its name or the type a client
/// declares: a file that is not what it claims to be is refused.
public enum EvidenceKind: String, CaseIterable, Codable, Sendable {
    case jpeg
    case png
    case webp
    case mp4
    case webm
    case pdf

    /// The media type served with a file of this kind.
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .mp4: "video/mp4"
        case .webm: "video/webm"
        case .pdf: "application/pdf"
        }
    }

    /// Whether the kind is a photo whose metadata Truce can take out (``PhotoMetadata``), so that a copy
    /// without it can be shown to everyone who may read the observation.
    public var isPhoto: Bool { self == .jpeg || self == .png || self == .webp }

    /// The kind of the file starting with `bytes`, or `nil` when it is none of those Truce keeps.
    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(16))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<(offset + signature.count)]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts(Array("ftyp".utf8), at: 4) {
            self = .mp4
        } else if starts([0x1A, 0x45, 0xDF, 0xA3]) {
            self = .webm
        } else if starts(Array("%PDF-".utf8)) {
            self = .pdf
        } else {
            return nil
        }
    }
}
