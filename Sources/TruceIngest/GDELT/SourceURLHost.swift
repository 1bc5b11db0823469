import Foundation

/// The host of a news article's URL, named in each GDELT claim ("GDELT (machine-coded from www.bbc.co.uk)").
///
/// A plain `http` or `https` URL (nearly every GDELT `SOURCEURL`) is read directly: its host is the text between
/// `://` and the first `/`, `?` or `#`. Any other URL, or one with a character that a URL parser would have to
/// judge (a port, user information, a capital or non-ASCII letter in the host, a character outside RFC 3986, a
/// `%` not followed by two hex digits), goes to `URL(string:)`, so the host is always the one it gives.
enum SourceURLHost {
    static func host(of url: String) -> String? {
        if let plain = plainHost(of: url) { return plain }
        return URL(string: url)?.host
    }

    /// The host of a plain URL, or `nil` when `url` is not one (not that it has no host).
    static func plainHost(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            guard bytes.count > 8, bytes[0] == UInt8(ascii: "h"), bytes[1] == UInt8(ascii: "t"), bytes[2] == UInt8(ascii: "t"),
                bytes[3] == UInt8(ascii: "p")
            else { return nil }
            var index = 4
            if bytes[index] == UInt8(ascii: "s") { index += 1 }
            guard bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") else {
                return nil
            }
            index += 3
            let hostStart = index
            while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
            let hostEnd = index
            guard hostStart < hostEnd else { return nil }
            if index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") else { return nil }
            }
            guard isPlainRest(UnsafeBufferPointer(rebasing: bytes[index...])) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd]), as: UTF8.self)
        }
    }

    /// Lower-case ASCII letters, digits, `.` and `-`.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D
    }

    /// Whether every byte is one RFC 3986 allows in a URL's path, query or fragment, each `%` followed by two
    /// hex digits, and no second `#` (which a fragment cannot hold).
    private static func isPlainRest(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var fragment = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") {
                if fragment { return false }
                fragment = true
            } else if !isAllowed(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// Unreserved characters, sub-delimiters, `:`, `@`, `/` and `?`: what a path, query and fragment may hold.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"): return true
        default: return false
        }
    }
}
