import Foundation
import TruceCore

/// One line of CSV as RFC 4180 writes it, with each cell that a spreadsheet would run as a formula neutralised
/// the reversible way ``SpreadsheetCell`` defines (`=SUM(A1)` is written `'=SUM(A1)`; `-33.5` stays a number).
/// Fields are quoted when they hold a comma, a quote or a line break.
public enum CSVLine {
    public static func line(_ fields: [String]) -> String {
        fields.map { escape(SpreadsheetCell.neutralised($0)) }.joined(separator: ",") + "\n"
    }

    static func escape(_ field: String) -> String {
        // Bytes, not characters: CR LF is one character, equal to neither CR nor LF.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A CSV layout: a header line, then one line per item.
    public static func layout<Item>(header: [String], fields: @escaping (Item) -> [String]) -> ExportLayout<Item> {
        ExportLayout(header: line(header)) { line(fields($0)) }
    }
}

/// Exports incidents in Truce's own CSV format (docs/formats.md), so that `truce import truce` reads them back.
public enum TruceCSVExport {
    public static let columns = [
        "id", "start", "end", "time_zone", "time_precision", "country", "admin1", "place", "latitude", "longitude",
        "geo_precision", "action", "target_category", "target_subtype", "target_name", "perpetrator", "claimant",
        "claimant_party", "fatalities", "injured", "description", "source_url", "source_published", "outcome", "acts",
        "countries", "denies",
    ]

    /// Incidents as Truce CSV. Times are written in UTC with their span, so they read back exactly; the first
    /// assertion (else the first claim) stands for the row's claimant and source, and a denial by the same
    /// claimant is written in `denies`.
    public static var layout: ExportLayout<Incident> { CSVLine.layout(header: columns, fields: fields) }

    static func fields(_ incident: Incident) -> [String] {
        let claim = incident.claims.first { $0.stance == .assertion } ?? incident.claims.first
        let denial = incident.claims.first { $0.isDenial && $0.claimant == claim?.claimant }
        let location = incident.location
        return [
            incident.id, utc(incident.time.span.start), incident.time.span.end.map(utc) ?? "",
            incident.time.timeZone?.rawValue ?? "", incident.time.precision.rawValue, location.country ?? "",
            location.admin1 ?? "", location.place ?? "", location.coordinate.map { number($0.latitude) } ?? "",
            location.coordinate.map { number($0.longitude) } ?? "", location.precision.rawValue,
            incident.action?.rawValue ?? "", incident.target.category?.rawValue ?? "", incident.target.subtype ?? "",
            incident.target.name ?? "", incident.perpetrator?.party.rawValue ?? "",
            claim?.claimant ?? incident.perpetrator?.attributedBy ?? incident.sources.first?.dataset ?? "",
            claim?.claimantParty?.rawValue ?? "", incident.effects.fatalities.map(String.init) ?? "",
            incident.effects.injured.map(String.init) ?? "", incident.description, claim?.source?.url ?? "",
            claim?.source?.published ?? "", incident.outcome?.rawValue ?? "", incident.acts.map(String.init) ?? "",
            location.countries.joined(separator: ";"), denial?.accused?.rawValue ?? "",
        ]
    }

    /// An instant as `YYYY-MM-DDTHH:MM[:SS]Z`.
    static func utc(_ date: Date) -> String {
        let clock = ZoneIdentifier.utc.wallClock(at: date)
        let second = Int(date.timeIntervalSince1970.rounded(.down)) % 60
        let stated = StatedTime(
            year: clock.year, month: clock.month, day: clock.day,
            clock: StatedTime.Clock(hour: clock.hour, minute: clock.minute, second: second < 0 ? second + 60 : second), utcOffset: 0)
        return stated.description
    }

    static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
