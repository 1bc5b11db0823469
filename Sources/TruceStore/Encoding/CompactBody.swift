import Foundation
import TruceCore

/// The body a store keeps for an incident: only what no column of its row and no row of its source records holds
/// (``Incident/remainderJSON(withSources:)``), so that a million imported rows do not write their places, times and
/// provenance twice. The whole incident is rebuilt on reading from the columns, the body and the first source
/// record's row (``SQLiteStore/incidents(fromRows:withFields:db:)``).
///
/// Where a column cannot hold a value exactly (an instant with a fraction of a second or outside the range the
/// canonical form writes itself, a country code with a space, a coordinate of minus zero, a text with a NUL
/// character), the body is the whole canonical JSON without the source records' fields, as stores kept every
/// body before, and it is read as such.
enum CompactBody {
    /// The body stored for `incident`.
    static func text(for incident: Incident) -> String {
        guard columnsHoldExactly(incident) else {
            var stripped = incident
            for index in stripped.sources.indices { stripped.sources[index].fields = [] }
            return stripped.canonicalJSON
        }
        return incident.remainderJSON(withSources: !sourceRowHoldsExactly(incident))
    }

    /// Whether `body` is a compact one rather than a whole incident: a compact body is `{}` or begins with a
    /// one-letter key, while a whole incident's first key (`action`, `acts` or `claims`) is longer.
    static func isCompact(_ body: String) -> Bool {
        var iterator = body.utf8.makeIterator()
        guard iterator.next() == UInt8(ascii: "{") else { return false }
        let second = iterator.next()
        if second == UInt8(ascii: "}") { return true }
        guard second == 0x22, iterator.next() != nil else { return false }
        return iterator.next() == 0x22
    }

    /// Whether the incident's columns give back exactly what its canonical form says. (Worked out for every
    /// incident of an import, so without an array made.)
    static func columnsHoldExactly(_ incident: Incident) -> Bool {
        let (time, location) = (incident.time, incident.location)
        guard isWholeInstant(time.span.start), time.span.end.map(isWholeInstant) ?? true else { return false }
        if let coordinate = location.coordinate, !isExactColumn(coordinate.latitude) || !isExactColumn(coordinate.longitude) {
            return false
        }
        for country in location.countries where country.isEmpty || country.utf8.contains(UInt8(ascii: " ")) || hasNUL(country) {
            return false
        }
        return !hasNUL(incident.id) && !hasNUL(location.country) && !hasNUL(location.admin1) && !hasNUL(location.place)
            && !hasNUL(incident.target.subtype) && !hasNUL(incident.perpetrator?.party.rawValue)
    }

    /// Whether the incident has one source record, which its row holds exactly.
    static func sourceRowHoldsExactly(_ incident: Incident) -> Bool {
        guard incident.sources.count == 1 else { return false }
        let record = incident.sources[0]
        return !hasNUL(record.dataset) && !hasNUL(record.file) && !hasNUL(record.key) && !hasNUL(record.release)
    }

    /// A number a real column gives back: finite, and not minus zero (which SQLite may store as the integer 0).
    private static func isExactColumn(_ degrees: Double) -> Bool { degrees.isFinite && !(degrees == 0 && degrees.sign == .minus) }

    /// Whole seconds within the range the canonical form writes itself: what an integer column gives back.
    private static func isWholeInstant(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return Incident.canonicalJSONInstants.contains(seconds) && seconds.rounded(.down) == seconds
    }

    /// A NUL character, which a text column read back as a C string would cut.
    private static func hasNUL(_ text: String?) -> Bool {
        guard let utf8 = text?.utf8, !utf8.isEmpty else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? utf8.contains(0)
    }
}
