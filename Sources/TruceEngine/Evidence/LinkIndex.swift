import Foundation
import TruceCore

/// Records already placed in events, found by the UTC days their spans touch and by where they are: a
/// 1° × 1° cell of their point, their locality's name, their region, their country. A record is looked up
/// only where ``LinkKey/near(_:)`` could hold, never among every record. Records of a dataset that codes
/// one row per event (``LinkKey/eventCodedDataset``) are kept apart, so that a row of that dataset never
/// visits the others, which it cannot fit: a store of a million ACLED rows links in time linear in its size.
struct LinkIndex {
    /// What a bucket holds: records with a point in one cell, or at one locality, region or country.
    enum Kind: UInt64 { case cell, place, region, country }

    /// A bucket, one day and one cell, locality, region or country, packed in 64 bits so that finding it
    /// hashes one integer: the kind in 2 bits, the day in 24 (days from 2001 offset by 2²³, so any year from
    /// 1 to 9999), and 38 bits for the cell (latitude and longitude cells offset to be positive) or the
    /// interned name.
    static func bucket(_ kind: Kind, day: Int32, _ a: Int32, _ b: Int32 = 0) -> UInt64 {
        let dayBits = UInt64(UInt32(bitPattern: day &+ (1 << 23)) & 0xFF_FFFF)
        let payload = kind == .cell ? UInt64(UInt32(a + 90)) << 9 | UInt64(UInt32(b + 180)) : UInt64(UInt32(bitPattern: a))
        return kind.rawValue << 62 | dayBits << 38 | (payload & 0x3F_FFFF_FFFF)
    }

    /// Buckets of records of no event-coded dataset.
    private var buckets: [UInt64: [Int32]] = [:]
    /// Buckets of records of each event-coded dataset.
    private var coded: [String: [UInt64: [Int32]]] = [:]
    /// Interned locality, region and country names, so that buckets hash small integers.
    private var names: [String: Int32] = [:]
    /// The first and last day any placed record touches.
    private(set) var days: ClosedRange<Int32>?

    /// The largest radius of a record placed in an event (``IncidentLinker/radius(_:)`` of `district`).
    static let largestMemberRadius = IncidentLinker.radius(.district)

    /// The UTC days `[start, end)` touches, clamped to days some placed record touches when `clamped`.
    func days(of key: LinkKey, clamped: Bool) -> ClosedRange<Int32>? {
        let first = Self.day(key.start)
        let last = key.end.isFinite ? Self.day(key.end.nextDown) : Int32.max
        guard clamped else { return first...max(first, last) }
        guard let days else { return nil }
        let low = max(first, days.lowerBound)
        let high = min(last, days.upperBound)
        return low <= high ? low...high : nil
    }

    private static func day(_ seconds: Double) -> Int32 {
        Int32(clamping: Int64((seconds / 86_400).rounded(.down).clamped(to: -2e9...2e9)))
    }

    /// Adds the record at `position`, a member of an event.
    mutating func insert(_ position: Int32, _ key: LinkKey) {
        guard let span = days(of: key, clamped: false) else { return }
        days = days.map { min($0.lowerBound, span.lowerBound)...max($0.upperBound, span.upperBound) } ?? span
        let place = key.place.map { intern($0) }
        let region = key.region.map { intern("region:" + $0) }
        let country = key.country.map { intern($0) }
        func add(to buckets: inout [UInt64: [Int32]]) {
            for day in span {
                if let coordinate = key.coordinate {
                    buckets[Self.bucket(.cell, day: day, Self.cell(coordinate.latitude), Self.cell(coordinate.longitude)), default: []].append(
                        position)
                }
                if let place { buckets[Self.bucket(.place, day: day, place), default: []].append(position) }
                if let region { buckets[Self.bucket(.region, day: day, region), default: []].append(position) }
                if let country { buckets[Self.bucket(.country, day: day, country), default: []].append(position) }
            }
        }
        if let dataset = key.eventCodedDataset { add(to: &coded[dataset, default: [:]]) } else { add(to: &buckets) }
    }

    /// Calls `body` with every placed record that shares a day with `key` and could be near it: in a cell
    /// within reach of its point, at its locality, and for a record known only to its region or country (a
    /// vague one), in that region or country; never a record of the same event-coded dataset. A record may be
    /// visited more than once.
    func forEachCandidate(of key: LinkKey, _ body: (Int32) -> Void) {
        guard let span = days(of: key, clamped: true) else { return }
        let cells = key.coordinate.map { cellRange(around: $0, reach: key.radius + Self.largestMemberRadius) }
        let place = key.precision < .region ? key.place.flatMap { names[$0] } : nil
        let region = key.precision == .region ? key.region.flatMap { names["region:" + $0] } : nil
        let country = key.precision >= .country && key.coordinate == nil ? key.country.flatMap { names[$0] } : nil
        for day in span {
            if let (latitudes, longitudes) = cells {
                for latitude in latitudes {
                    for longitude in longitudes {
                        visit(Self.bucket(.cell, day: day, latitude, longitude), of: key, body)
                    }
                }
            }
            if let place { visit(Self.bucket(.place, day: day, place), of: key, body) }
            if let region { visit(Self.bucket(.region, day: day, region), of: key, body) }
            if let country { visit(Self.bucket(.country, day: day, country), of: key, body) }
        }
    }

    /// Calls `body` with each record in a bucket that `key` may fit, without copying the bucket.
    private func visit(_ bucket: UInt64, of key: LinkKey, _ body: (Int32) -> Void) {
        Self.visit(bucket, in: buckets, body)
        for (dataset, buckets) in coded where dataset != key.eventCodedDataset { Self.visit(bucket, in: buckets, body) }
    }

    private static func visit(_ bucket: UInt64, in buckets: [UInt64: [Int32]], _ body: (Int32) -> Void) {
        guard let index = buckets.index(forKey: bucket) else { return }
        buckets.values[index].withUnsafeBufferPointer { records in
            for record in records { body(record) }
        }
    }

    private mutating func intern(_ name: String) -> Int32 {
        if let known = names[name] { return known }
        let number = Int32(names.count)
        names[name] = number
        return number
    }

    /// The cell of a latitude or longitude: its whole degree.
    private static func cell(_ degrees: Double) -> Int32 { Int32(degrees.rounded(.down)) }

    /// The cells holding every point within `reach` km of `point`. A point within reach differs in latitude
    /// by at most reach / 110 km per degree, and in longitude by at most 2·asin(sin(reach / 2R) / cos φ) for
    /// the highest latitude φ in that band (from the haversine formula); all longitudes near the poles.
    private func cellRange(around point: Coordinate, reach: Double) -> (ClosedRange<Int32>, [Int32]) {
        let latitudeSpread = reach / 110.0
        let south = max(-90, point.latitude - latitudeSpread)
        let north = min(90, point.latitude + latitudeSpread)
        let latitudes = Self.cell(south)...Self.cell(north)
        let highest = max(abs(south), abs(north))
        let ratio = sin(reach / (2 * 6_371)) / cos(highest * Double.pi / 180)
        guard ratio < 1 else { return (latitudes, Array(-180...180)) }
        let longitudeSpread = 2 * asin(ratio) * 180 / Double.pi
        var longitudes: [Int32] = []
        for cell in Self.cell(point.longitude - longitudeSpread)...Self.cell(point.longitude + longitudeSpread) {
            // Across the antimeridian: -181 is 179, 180 is -180 (a longitude of exactly 180 sits in cell 180).
            let wrapped = (cell + 180) % 360 < 0 ? (cell + 180) % 360 + 360 - 180 : (cell + 180) % 360 - 180
            longitudes.append(wrapped)
            if wrapped == -180 { longitudes.append(180) }
        }
        return (latitudes, longitudes)
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
