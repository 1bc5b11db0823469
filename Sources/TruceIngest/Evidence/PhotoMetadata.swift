/// Metadata a photo carries besides its pixels, and the photo without it.
///
/// A monitor's photo can say where and with what device it was taken (EXIF's GPS position, the camera's serial
/// number, XMP, IPTC, comments, text chunks): enough to find the monitor. The copy shown to readers keeps the
/// pixels and what is needed to show them as taken (colour profile, JFIF density, EXIF orientation) and
/// nothing else; the original stays for reviewers.
///
/// ```swift
/// let published = try PhotoMetadata.stripped(original, kind: .jpeg)
/// PhotoMetadata.tags(in: published, kind: .jpeg).contains(.gps)  // false
/// ```
public enum PhotoMetadata {
    /// A kind of metadata found in a photo.
    public enum Tag: String, CaseIterable, Codable, Sendable, Comparable {
        /// EXIF (camera, time, settings, serial numbers).
        case exif
        /// A GPS position (EXIF's GPS directory).
        case gps
        /// XMP (Adobe's extensible metadata, which may repeat the position).
        case xmp
        /// IPTC or other Photoshop resources (captions, creators, places).
        case iptc
        /// Free-text comments or text chunks.
        case text
        /// Other application data (makers' segments), which may hold anything.
        case other

        public static func < (left: Tag, right: Tag) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    /// Why a photo could not be read.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        /// What is wrong, and at which byte.
        public var reason: String
        public var description: String { reason }
    }

    /// The metadata `bytes` (a photo of `kind`) carries.
    /// - Throws: ``Malformed`` when the photo's structure cannot be read.
    public static func tags(in bytes: [UInt8], kind: EvidenceKind) throws -> Set<Tag> {
        var tags: Set<Tag> = []
        switch kind {
        case .jpeg:
            try JPEGSegments.visit(bytes) { marker, payload in
                tags.formUnion(JPEGSegments.tags(marker: marker, payload: payload))
                return true
            }
        case .png:
            try PNGChunks.visit(bytes) { type, data in
                if let tag = PNGChunks.tag(of: type) { tags.insert(tag) }
                if type == "eXIf", ExifDirectory.hasGPS(tiff: ExifDirectory.tiffStart(data)) { tags.insert(.gps) }
                return true
            }
        case .webp:
            try WebPChunks.visit(bytes) { fourCC, data in
                if fourCC == "EXIF" {
                    tags.insert(.exif)
                    if ExifDirectory.hasGPS(tiff: ExifDirectory.tiffStart(data)) { tags.insert(.gps) }
                }
                if fourCC == "XMP " { tags.insert(.xmp) }
                return true
            }
        default:
            throw Malformed(reason: "a \(kind.rawValue) file is not a photo Truce reads the metadata of")
        }
        return tags
    }

    /// `bytes` (a photo of `kind`) without its metadata: the same pixels, the colour profile, JFIF's density and
    /// EXIF's orientation (so the photo still shows upright), nothing else. Bytes after the image's end are dropped.
    /// - Throws: ``Malformed`` when the photo's structure cannot be read.
    public static func stripped(_ bytes: [UInt8], kind: EvidenceKind) throws -> [UInt8] {
        switch kind {
        case .jpeg: return try JPEGSegments.stripped(bytes)
        case .png: return try PNGChunks.stripped(bytes)
        case .webp: return try WebPChunks.stripped(bytes)
        default: throw Malformed(reason: "a \(kind.rawValue) file is not a photo Truce can take the metadata out of")
        }
    }
}

/// JPEG's marker segments (ITU T.81, JFIF, EXIF 2.3 for APP1).
enum JPEGSegments {
    /// Calls `visit` with each marker and its payload (without the length) up to the first scan, then once with
    /// the scan marker `0xDA` and everything from there to the end of the image (`0xD9` included). Returns the
    /// offset after the end-of-image marker. `visit` returns `false` to stop.
    @discardableResult
    static func visit(_ bytes: [UInt8], _ visit: (_ marker: UInt8, _ payload: ArraySlice<UInt8>) throws -> Bool) throws -> Int {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw malformed("the file does not start as a JPEG does", 0) }
        var offset = 2
        while true {
            guard offset < bytes.count, bytes[offset] == 0xFF else { throw malformed("a marker was expected", offset) }
            while offset < bytes.count && bytes[offset] == 0xFF { offset += 1 }  // fill bytes
            guard offset < bytes.count else { throw malformed("the file ends inside a marker", offset) }
            let marker = bytes[offset]
            offset += 1
            switch marker {
            case 0xD9:
                _ = try visit(marker, bytes[offset..<offset])
                return offset
            case 0x01, 0xD0...0xD7:
                continue  // no payload
            case 0xDA:
                let end = try scanEnd(bytes, from: offset)
                _ = try visit(marker, bytes[offset..<end])
                return end
            default:
                guard offset + 2 <= bytes.count else { throw malformed("the file ends inside a segment's length", offset) }
                let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
                guard length >= 2, offset + length <= bytes.count else {
                    throw malformed("a segment's length (\(length)) runs past the end of the file", offset)
                }
                guard try visit(marker, bytes[(offset + 2)..<(offset + length)]) else { return offset + length }
                offset += length
            }
        }
    }

    /// The offset just after the end-of-image marker, reading from a scan's header through the entropy-coded data
    /// and any later tables and scans (a progressive JPEG has several).
    private static func scanEnd(_ bytes: [UInt8], from start: Int) throws -> Int {
        var offset = start
        while offset + 1 < bytes.count {
            guard bytes[offset] == 0xFF else {
                offset += 1
                continue
            }
            let next = bytes[offset + 1]
            switch next {
            case 0x00, 0xFF, 0xD0...0xD7: offset += next == 0xFF ? 1 : 2  // stuffed byte, fill, restart marker
            case 0xD9: return offset + 2
            default:
                // A table or a later scan's header between scans: skip its segment.
                guard offset + 4 <= bytes.count else { throw malformed("the file ends inside a segment", offset) }
                let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
                guard length >= 2, offset + 2 + length <= bytes.count else { throw malformed("a segment runs past the end of the file", offset) }
                if (0xE0...0xEF).contains(next) || next == 0xFE {
                    throw malformed("application data or a comment between scans is not read", offset)
                }
                offset += 2 + length
            }
        }
        throw malformed("the image has no end marker", bytes.count)
    }

    /// The metadata a segment holds.
    static func tags(marker: UInt8, payload: ArraySlice<UInt8>) -> Set<PhotoMetadata.Tag> {
        switch marker {
        case 0xE1 where payload.starts(with: exifHeader):
            return ExifDirectory.hasGPS(tiff: payload.dropFirst(exifHeader.count)) ? [.exif, .gps] : [.exif]
        case 0xE1 where payload.starts(with: xmpHeader): return [.xmp]
        case 0xE1: return [.other]
        case 0xED: return [.iptc]
        case 0xFE: return [.text]
        case _ where showsImage(marker, payload): return []
        case 0xE0...0xEF: return [.other]
        default: return []
        }
    }

    /// The JPEG without comments and application segments other than JFIF (APP0), the ICC profile (APP2) and
    /// Adobe's colour transform (APP14), and with EXIF replaced by one holding only the orientation.
    static func stripped(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(bytes.count)
        try visit(bytes) { marker, payload in
            switch marker {
            case 0xDA, 0xD9:
                output += [0xFF, marker]
                output += payload
            case 0xE1 where payload.starts(with: exifHeader):
                if let orientation = ExifDirectory.orientation(tiff: payload.dropFirst(exifHeader.count)), orientation != 1 {
                    append(marker: 0xE1, payload: exifHeader + ExifDirectory.onlyOrientation(orientation), to: &output)
                }
            case _ where showsImage(marker, payload):
                append(marker: marker, payload: Array(payload), to: &output)
            case 0xE0...0xEF, 0xFE:
                break  // metadata
            default:
                append(marker: marker, payload: Array(payload), to: &output)
            }
            return true
        }
        return output
    }

    /// Whether an application segment is needed to show the image as taken: JFIF (APP0), the ICC colour profile
    /// (APP2), Adobe's colour transform (APP14).
    static func showsImage(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xE0: true
        case 0xE2: payload.starts(with: iccHeader)
        case 0xEE: payload.starts(with: adobeHeader)
        default: false
        }
    }

    private static func append(marker: UInt8, payload: [UInt8], to output: inout [UInt8]) {
        let length = payload.count + 2
        output += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)]
        output += payload
    }

    static let exifHeader: [UInt8] = Array("Exif".utf8) + [0, 0]
    static let iccHeader: [UInt8] = Array("ICC_PROFILE".utf8) + [0]
    static let xmpHeader: [UInt8] = Array("http://ns.adobe.com/".utf8)
    static let adobeHeader: [UInt8] = Array("Adobe".utf8)

    static func malformed(_ reason: String, _ offset: Int) -> PhotoMetadata.Malformed {
        PhotoMetadata.Malformed(reason: "JPEG: \(reason) (byte \(offset))")
    }
}

/// EXIF's TIFF structure, read as far as the photo's orientation and whether it holds a GPS directory.
enum ExifDirectory {
    /// The TIFF data inside a WebP `EXIF` or PNG `eXIf` chunk, which some writers start with `Exif\0\0` as JPEG's APP1 does.
    static func tiffStart(_ data: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        data.starts(with: JPEGSegments.exifHeader) ? data.dropFirst(JPEGSegments.exifHeader.count) : data
    }

    /// The entries of the first directory (IFD0) as (tag, type, count, value offset or value), or `nil` when the
    /// TIFF header cannot be read.
    private static func firstDirectory(_ tiff: ArraySlice<UInt8>) -> (entries: [(tag: Int, type: Int, count: Int, value: Int)], bigEndian: Bool)? {
        let bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        let bigEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0x4D, 0x4D): bigEndian = true
        case (0x49, 0x49): bigEndian = false
        default: return nil
        }
        func read(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            var value = 0
            for index in 0..<size {
                let byte = Int(bytes[bigEndian ? offset + index : offset + size - 1 - index])
                value = value << 8 | byte
            }
            return value
        }
        guard read(2, 2) == 42, let directory = read(4, 4), let count = read(directory, 2) else { return nil }
        var entries: [(tag: Int, type: Int, count: Int, value: Int)] = []
        for index in 0..<count {
            let entry = directory + 2 + index * 12
            guard let tag = read(entry, 2), let type = read(entry + 2, 2), let values = read(entry + 4, 4) else { return nil }
            // A SHORT value sits in the first two of the four value bytes, whatever the byte order.
            let value = (type == 3 && values == 1 ? read(entry + 8, 2) : read(entry + 8, 4)) ?? 0
            entries.append((tag, type, values, value))
        }
        return (entries, bigEndian)
    }

    /// Whether the EXIF data points to a GPS directory (tag 0x8825 in IFD0).
    static func hasGPS(tiff: ArraySlice<UInt8>) -> Bool {
        firstDirectory(tiff)?.entries.contains { $0.tag == 0x8825 } ?? false
    }

    /// The orientation (tag 0x0112, 1 to 8) the EXIF data gives, if any.
    static func orientation(tiff: ArraySlice<UInt8>) -> Int? {
        guard let entry = firstDirectory(tiff)?.entries.first(where: { $0.tag == 0x0112 && $0.type == 3 }), (1...8).contains(entry.value) else {
            return nil
        }
        return entry.value
    }

    /// A TIFF structure (big-endian) whose only entry is the orientation.
    static func onlyOrientation(_ orientation: Int) -> [UInt8] {
        [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]  // header; IFD0 at byte 8
            + [0x00, 0x01]  // one entry
            + [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, UInt8(orientation), 0x00, 0x00]  // orientation, SHORT, 1
            + [0x00, 0x00, 0x00, 0x00]  // no next directory
    }
}

/// PNG's chunks (ISO/IEC 15948, with the `eXIf` extension).
enum PNGChunks {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Chunks that hold metadata rather than pixels or how to show them.
    static let metadata: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]

    static func tag(of type: String) -> PhotoMetadata.Tag? {
        switch type {
        case "eXIf": .exif
        case "tEXt", "zTXt", "iTXt": .text
        case "tIME": .other
        default: nil
        }
    }

    /// Calls `visit` with each chunk's type and data, up to and including `IEND`; returns the offset after it.
    @discardableResult
    static func visit(_ bytes: [UInt8], _ visit: (_ type: String, _ data: ArraySlice<UInt8>) throws -> Bool) throws -> Int {
        guard bytes.starts(with: signature) else { throw malformed("the file does not start as a PNG does", 0) }
        var offset = signature.count
        while true {
            guard offset + 12 <= bytes.count else { throw malformed("the file ends before its IEND chunk", offset) }
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else {
                throw malformed("a chunk type is not four letters", offset)
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count - offset - 12 else { throw malformed("chunk \(type) runs past the end of the file", offset) }
            let data = bytes[(offset + 8)..<(offset + 8 + length)]
            let next = offset + 12 + length
            guard try visit(type, data), type != "IEND" else { return next }
            offset = next
        }
    }

    /// The PNG without its metadata chunks (each kept chunk's bytes, CRC included, unchanged).
    static func stripped(_ bytes: [UInt8]) throws -> [UInt8] {
        var output = signature
        output.reserveCapacity(bytes.count)
        var offset = signature.count
        try visit(bytes) { type, data in
            let next = data.endIndex + 4
            if !metadata.contains(type) { output += bytes[offset..<next] }
            offset = next
            return true
        }
        return output
    }

    static func malformed(_ reason: String, _ offset: Int) -> PhotoMetadata.Malformed {
        PhotoMetadata.Malformed(reason: "PNG: \(reason) (byte \(offset))")
    }
}

/// WebP's RIFF chunks (Google's WebP container specification).
enum WebPChunks {
    /// Calls `visit` with each chunk's FourCC and data; returns the offset after the RIFF data.
    @discardableResult
    static func visit(_ bytes: [UInt8], _ visit: (_ fourCC: String, _ data: ArraySlice<UInt8>) throws -> Bool) throws -> Int {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else {
            throw malformed("the file does not start as a WebP does", 0)
        }
        let riffSize = littleEndian(bytes, 4)
        guard riffSize >= 4, riffSize <= bytes.count - 8 else { throw malformed("the RIFF size runs past the end of the file", 4) }
        let end = 8 + riffSize
        var offset = 12
        while offset < end {
            guard offset + 8 <= end else { throw malformed("the file ends inside a chunk header", offset) }
            let fourCC = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = littleEndian(bytes, offset + 4)
            guard size <= end - offset - 8 else { throw malformed("chunk \(fourCC) runs past the end of the file", offset) }
            guard try visit(fourCC, bytes[(offset + 8)..<(offset + 8 + size)]) else { return end }
            offset += 8 + size + (size & 1)
        }
        return end
    }

    /// The WebP without its `EXIF` and `XMP ` chunks, the extended header's flags for them cleared.
    static func stripped(_ bytes: [UInt8]) throws -> [UInt8] {
        var body: [UInt8] = Array("WEBP".utf8)
        try visit(bytes) { fourCC, data in
            guard fourCC != "EXIF", fourCC != "XMP " else { return true }
            var data = Array(data)
            if fourCC == "VP8X", !data.isEmpty { data[0] &= ~0x0C }  // the EXIF (0x08) and XMP (0x04) flags
            body += Array(fourCC.utf8) + le32(data.count) + data
            if data.count & 1 == 1 { body.append(0) }
            return true
        }
        return Array("RIFF".utf8) + le32(body.count) + body
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    private static func le32(_ value: Int) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
    }

    static func malformed(_ reason: String, _ offset: Int) -> PhotoMetadata.Malformed {
        PhotoMetadata.Malformed(reason: "WebP: \(reason) (byte \(offset))")
    }
}
