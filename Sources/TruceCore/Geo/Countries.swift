/// Countries Truce can name from datasets' numeric ISO 3166-1 codes, with the zone their local dates are read in.
///
/// Covers the countries of current conflict datasets; a code not listed leaves the incident's country unset
/// (the dataset's own country name stays in the verbatim source record).
public enum Countries {
    /// ISO numeric → (alpha-2, zone for local dates).
    static let byNumericCode: [Int: (alpha2: String, zone: String)] = [
        4: ("AF", "Asia/Kabul"), 31: ("AZ", "Asia/Baku"), 51: ("AM", "Asia/Yerevan"), 104: ("MM", "Asia/Yangon"),
        112: ("BY", "Europe/Minsk"), 120: ("CM", "Africa/Douala"), 140: ("CF", "Africa/Bangui"), 148: ("TD", "Africa/Ndjamena"),
        170: ("CO", "America/Bogota"), 180: ("CD", "Africa/Kinshasa"), 231: ("ET", "Africa/Addis_Ababa"),
        268: ("GE", "Asia/Tbilisi"), 275: ("PS", "Asia/Gaza"), 332: ("HT", "America/Port-au-Prince"), 356: ("IN", "Asia/Kolkata"),
        364: ("IR", "Asia/Tehran"), 368: ("IQ", "Asia/Baghdad"), 376: ("IL", "Asia/Jerusalem"), 400: ("JO", "Asia/Amman"),
        404: ("KE", "Africa/Nairobi"), 422: ("LB", "Asia/Beirut"), 434: ("LY", "Africa/Tripoli"), 466: ("ML", "Africa/Bamako"),
        484: ("MX", "America/Mexico_City"), 498: ("MD", "Europe/Chisinau"), 508: ("MZ", "Africa/Maputo"),
        562: ("NE", "Africa/Niamey"), 566: ("NG", "Africa/Lagos"), 586: ("PK", "Asia/Karachi"), 634: ("QA", "Asia/Qatar"),
        643: ("RU", "Europe/Moscow"), 682: ("SA", "Asia/Riyadh"), 706: ("SO", "Africa/Mogadishu"), 728: ("SS", "Africa/Juba"),
        729: ("SD", "Africa/Khartoum"), 760: ("SY", "Asia/Damascus"), 792: ("TR", "Europe/Istanbul"), 804: ("UA", "Europe/Kyiv"),
        818: ("EG", "Africa/Cairo"), 840: ("US", "America/New_York"), 854: ("BF", "Africa/Ouagadougou"), 887: ("YE", "Asia/Aden"),
    ]

    /// The alpha-2 code for an ISO numeric code, if listed.
    public static func alpha2(numeric code: Int) -> String? { byNumericCode[code]?.alpha2 }

    /// The zone local dates in this country are read in; UTC when the country is not listed.
    public static func zone(alpha2: String?) -> ZoneIdentifier {
        guard let alpha2 else { return .utc }
        return zonesByAlpha2[alpha2] ?? .utc
    }

    /// Zones resolved once, as the lookup runs on every imported row.
    private static let zonesByAlpha2: [String: ZoneIdentifier] = Dictionary(
        byNumericCode.values.compactMap { entry in ZoneIdentifier(entry.zone).map { (entry.alpha2, $0) } },
        uniquingKeysWith: { first, _ in first })
}
